import type { Executor } from '../../../platform/db/database.ts';
import { findFinalRun } from './allocation-run.repository.ts';

const NO_FINAL = { vi: 'chưa có lần xét tuyển chính thức', en: 'no final allocation run yet' } as const;

/**
 * Why the round cannot go back from allocation to review: its final run is made (what was
 * allocated for real is what gets published). Null when it may.
 */
export async function finalRunMade(db: Executor, roundId: string) {
  return (await findFinalRun(db, roundId))
    ? {
        vi: 'đã có lần xét tuyển chính thức, không quay lại xét duyệt hồ sơ được',
        en: 'the final allocation run is made; the round cannot go back to review',
      }
    : null;
}

/** Why the round's results cannot be published: it has no final allocation run. Null when it has. */
export async function finalRunBlocker(db: Executor, roundId: string) {
  return (await findFinalRun(db, roundId)) ? null : NO_FINAL;
}
