import type { Executor } from '../../../platform/db/database.ts';
import { findFinalRun } from './allocation-run.repository.ts';

const NO_FINAL = { vi: 'chưa có lần xét tuyển chính thức', en: 'no final allocation run yet' } as const;

/** Why the round's results cannot be published: it has no final allocation run. Null when it has. */
export async function finalRunBlocker(db: Executor, roundId: string) {
  return (await findFinalRun(db, roundId)) ? null : NO_FINAL;
}
