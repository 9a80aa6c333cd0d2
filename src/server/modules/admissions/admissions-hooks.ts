import type { Platform } from '../../platform/platform.ts';
import { finalRunBlocker } from './allocation-runs/publish-guard.ts';
import { snapshotOnPublished } from './results/result-publish.service.ts';
import type { RoundHooks } from './rounds/round-hooks.ts';
import { pendingHooks } from './rounds/round-hooks.ts';

/**
 * What round configuration gets from the modules after it: publication needs a final
 * allocation run, and publishing snapshots the results and tells the families. Used by the
 * admissions module and by the demo loader, so both publish the same way.
 */
export function admissionsHooks(platform: Platform): RoundHooks {
  return {
    ...pendingHooks,
    publishBlocker: (roundId) => finalRunBlocker(platform.db, roundId),
    onPublished: (trx, actor, round) => snapshotOnPublished(platform, trx, actor, round),
  };
}
