import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

const dossierColumns = [
  'd.id',
  'd.code',
  'd.procedure_code',
  'd.unit_id',
  'd.applicant_key',
  'd.contact_email',
  'd.contact_phone',
  'd.locale',
  'd.form',
  'd.unique_key',
  'd.state',
  'd.received_at',
  'd.due_at',
  'd.remaining_days',
  'd.decided_at',
  'd.version',
  'd.created_at',
  'd.updated_at',
  'p.name_vi as procedure_name_vi',
  'p.name_en as procedure_name_en',
  'p.processing_days',
  'p.cutoff_time',
  'p.code_prefix',
  'p.documents',
  'p.active as procedure_active',
] as const;

export type DossierRow = NonNullable<Awaited<ReturnType<typeof findDossier>>>;

export function findDossier(db: Executor, id: string) {
  return db
    .selectFrom('dossiers as d')
    .innerJoin('procedures as p', 'p.code', 'd.procedure_code')
    .select(dossierColumns)
    .where('d.id', '=', id)
    .executeTakeFirst();
}

/** The row, locked until the transaction ends: two clerks cannot both act on one version. */
export function lockDossier(trx: Executor, id: string) {
  return trx
    .selectFrom('dossiers as d')
    .innerJoin('procedures as p', 'p.code', 'd.procedure_code')
    .select(dossierColumns)
    .where('d.id', '=', id)
    .forUpdate('d')
    .executeTakeFirst();
}

/**
 * The next number of a procedure's dossiers in a year. The upsert takes the counter row's lock
 * for one statement (called outside the dossier's transaction): numbers are never handed out
 * twice; one taken by a request that then fails is skipped.
 */
export async function takeNumber(db: Executor, procedureCode: string, year: number): Promise<number> {
  return takeNumbers(db, procedureCode, year, 1);
}

/** Reserves `count` consecutive numbers; answers the last of them. */
export async function takeNumbers(db: Executor, procedureCode: string, year: number, count: number): Promise<number> {
  const row = await db
    .insertInto('dossier_counters')
    .values({ procedure_code: procedureCode, year, last_value: count })
    .onConflict((oc) =>
      oc
        .columns(['procedure_code', 'year'])
        .doUpdateSet({ last_value: sql`dossier_counters.last_value + ${count}::int` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

export interface DossierInsert {
  id: string;
  procedure_code: string;
  unit_id: string;
  applicant_key: string;
  contact_email: string | null;
  contact_phone: string | null;
  locale: 'vi' | 'en';
  form: string | null;
  unique_key: string | null;
}

export async function insertDossier(db: Executor, d: DossierInsert): Promise<void> {
  await db.insertInto('dossiers').values(d).execute();
}

export interface DossierChange {
  state?: string;
  code?: string;
  received_at?: Date;
  due_at?: Date | null;
  remaining_days?: number | null;
  decided_at?: Date | null;
  contact_email?: string | null;
  contact_phone?: string | null;
  locale?: 'vi' | 'en';
  form?: string | null;
  unit_id?: string;
}

/** Applies a change and bumps the version; false when the version moved on. */
export async function updateDossier(db: Executor, id: string, version: number, set: DossierChange): Promise<boolean> {
  const r = await db
    .updateTable('dossiers')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export function findIdempotencyKey(db: Executor, key: string) {
  return db.selectFrom('dossier_idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst();
}

/**
 * Claims a client key for an operation. A concurrent request with the same key waits on the
 * primary key until this transaction ends, then gets false and reads the winner's dossier.
 */
export async function claimIdempotencyKey(
  db: Executor,
  k: { key: string; operation: 'create' | 'submit'; dossierId: string; applicantKey: string },
): Promise<boolean> {
  const r = await db
    .insertInto('dossier_idempotency_keys')
    .values({ key: k.key, operation: k.operation, dossier_id: k.dossierId, applicant_key: k.applicantKey })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return r !== undefined;
}
