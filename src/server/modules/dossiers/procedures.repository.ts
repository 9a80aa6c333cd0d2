import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { ProceduresTable } from '../../platform/db/types.ts';

const columns = [
  'code',
  'name_vi',
  'name_en',
  'mode',
  'unit_type',
  'processing_days',
  'cutoff_time',
  'documents',
  'fee_vnd',
  'code_prefix',
  'active',
  'owner_module',
  'version',
  'updated_at',
] as const;

export type ProcedureRow = Awaited<ReturnType<typeof findProcedure>> & {};

export function listProcedures(db: Executor) {
  return db.selectFrom('procedures').select(columns).orderBy('code').execute();
}

export function findProcedure(db: Executor, code: string) {
  return db.selectFrom('procedures').select(columns).where('code', '=', code).executeTakeFirst();
}

export interface ProcedureValues {
  name_vi: string;
  name_en: string;
  mode: ProceduresTable['mode'];
  unit_type: string;
  processing_days: number;
  cutoff_time: string;
  documents: string;
  fee_vnd: number;
  active: boolean;
  owner_module: string | null;
}

export async function insertProcedure(db: Executor, v: ProcedureValues & { code: string; code_prefix: string }) {
  await db.insertInto('procedures').values(v).execute();
}

/** Updates when the version still matches; undefined when someone changed it meanwhile. */
export function updateProcedure(db: Executor, code: string, set: Partial<ProcedureValues>, expectedVersion: number) {
  return db
    .updateTable('procedures')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('code', '=', code)
    .where('version', '=', expectedVersion)
    .returning('code')
    .executeTakeFirst();
}

export function prefixTaken(db: Executor, prefix: string) {
  return db.selectFrom('procedures').select('code').where('code_prefix', '=', prefix).executeTakeFirst();
}
