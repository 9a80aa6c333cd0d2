import type { Actor } from '../../../platform/actor.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { RoundRow } from './round.repository.ts';

/**
 * What round configuration needs from modules that come later (applications, allocation).
 * The admissions module passes `pendingHooks` until those modules exist; the lead wires the real
 * ones in admissions.module.ts.
 */
export interface RoundHooks {
  /**
   * The fewest seats each school of a round may be given: seats are never cut below the
   * applicants a school already holds (admitted or confirmed). Schools absent: no floor.
   * TODO(applications): count from the applications module.
   */
  seatFloor(roundId: string): Promise<ReadonlyMap<string, number>>;
  /**
   * Why the round's results cannot be published yet (e.g. no final allocation run), or null.
   * Provided by allocation-runs (a final run is required), wired in admissions.module.ts.
   */
  publishBlocker(roundId: string): Promise<{ vi: string; en: string } | null>;
  /** Why the round cannot move to allocation yet (applications not yet decided), or null. */
  allocateBlocker(trx: Executor, roundId: string): Promise<{ vi: string; en: string } | null>;
  /** Why the round cannot go back from allocation to review (a final run exists), or null. */
  reopenBlocker(trx: Executor, roundId: string): Promise<{ vi: string; en: string } | null>;
  /**
   * In the transaction that moves a round to `published`: what publication entails elsewhere
   * (the results snapshot and the families' messages, from results/).
   */
  onPublished(trx: Executor, actor: Actor, round: RoundRow): Promise<void>;
}

/** Defaults until a module provides the hook: no seat floor, nothing blocks publication. */
export const pendingHooks: RoundHooks = {
  seatFloor: async () => new Map(),
  publishBlocker: async () => null,
  allocateBlocker: async () => null,
  reopenBlocker: async () => null,
  onPublished: async () => {},
};
