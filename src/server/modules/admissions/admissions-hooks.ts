import type { Platform } from '../../platform/platform.ts';
import { finalRunBlocker, finalRunMade } from './allocation-runs/publish-guard.ts';
import { countUndecided } from './applications/application-lock.ts';
import { snapshotOnPublished } from './results/result-publish.service.ts';
import { resultLookupOf } from './results/results.routes.ts';
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
    allocateBlocker: async (trx, roundId) => undecidedBlocker(await countUndecided(trx, roundId)),
    reopenBlocker: (trx, roundId) => finalRunMade(trx, roundId),
    onPublished: async (trx, actor, round) => {
      await snapshotOnPublished(platform, trx, actor, round);
      // This node's lookups forget "not yet published" at once; other nodes within their 5 s.
      resultLookupOf(platform)?.evict();
    },
  };
}

/**
 * Only decided applications are allocated (approved ones get seats; rejected and withdrawn
 * ones none): a round moves to allocation when none is still received, in review or waiting
 * for a supplement, so that no unverified claim of residence or priority takes a seat.
 */
function undecidedBlocker(counts: Record<string, number>): { vi: string; en: string } | null {
  const n = Object.values(counts).reduce((a, k) => a + k, 0);
  if (n === 0) return null;
  const waiting = counts.supplement_requested ?? 0;
  return {
    vi: `còn ${n} hồ sơ chưa xét duyệt xong (trong đó ${waiting} đang chờ bổ sung): duyệt hoặc từ chối trước khi xét tuyển`,
    en: `${n} applications are not yet decided (${waiting} waiting for a supplement): approve or reject them before allocating`,
  };
}
