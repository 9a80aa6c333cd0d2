import { type RawBuilder, sql } from 'kysely';
import type { Scope } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/db/database.ts';
import { dt } from './diplomas.tables.ts';

/** The SQL of register entries, registers and corrections (tables of 0022_diplomas.sql). */

export interface EntryRow {
  id: string;
  register_id: string;
  type_code: string;
  year: number;
  register_no: string;
  serial: string | null;
  full_name: string;
  birth_year: number;
  birth_month: number | null;
  birth_day: number | null;
  birth_place: string | null;
  gender: string | null;
  ethnicity: string | null;
  school_name: string;
  school_unit_id: string | null;
  classification: string | null;
  decision_no: string | null;
  decision_date: string | null;
  page_file_ids: string[];
  version: number;
  issuing_unit_id: string;
  issuing_unit_name: string;
}

export interface SearchFilter {
  name?: string;
  serial?: string;
  birthYear?: number;
  birthMonth?: number;
  birthDay?: number;
  year?: number;
  typeCode?: string;
  school?: string;
  registerId?: string;
  limit: number;
  offset: number;
}

/** Registers whose issuing unit is in the scope (a handful of rows: the join stays cheap). */
function inScope(scope: Scope, column: RawBuilder<unknown>): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  return sql<boolean>`${column} IN (SELECT rr.id FROM diploma_registers rr
    JOIN org_unit_closure c ON c.descendant_id = rr.issuing_unit_id WHERE c.ancestor_id = ANY(${scope.roots}::uuid[]))`;
}

/** The same normal form as the generated serial_key column. */
export function serialKeyOf(serial: string): string {
  return serial.replace(/[\s.\-/]/g, '').toUpperCase();
}

const ENTRY_COLUMNS = sql`e.id, e.register_id, e.type_code, e.year, e.register_no, e.serial, e.full_name,
  e.birth_year, e.birth_month, e.birth_day, e.birth_place, e.gender, e.ethnicity, e.school_name,
  e.school_unit_id, e.classification, e.decision_no, e.decision_date, e.page_file_ids, e.version,
  r.issuing_unit_id, r.issuing_unit_name`;

/**
 * Staff search. Name: every word of the query (folded like gds_search_key) is a word of the
 * name, in any order (GIN diploma_entries_name_words); results in name order (btree
 * diploma_entries_name, which also lets a common name stop after one page). Serial: equality
 * on serial_key (unique diploma_entries_serial).
 */
export async function searchEntries(db: Executor, scope: Scope, f: SearchFilter): Promise<EntryRow[]> {
  const where: RawBuilder<boolean>[] = [inScope(scope, sql`e.register_id`)];
  if (f.name) where.push(sql<boolean>`e.name_words @> string_to_array(gds_search_key(${f.name}), ' ')`);
  if (f.serial) where.push(sql<boolean>`e.serial_key = ${serialKeyOf(f.serial)}`);
  if (f.birthYear) where.push(sql<boolean>`e.birth_year = ${f.birthYear}`);
  if (f.birthMonth) where.push(sql<boolean>`e.birth_month = ${f.birthMonth}`);
  if (f.birthDay) where.push(sql<boolean>`e.birth_day = ${f.birthDay}`);
  if (f.year) where.push(sql<boolean>`e.year = ${f.year}`);
  if (f.typeCode) where.push(sql<boolean>`e.type_code = ${f.typeCode}`);
  if (f.registerId) where.push(sql<boolean>`e.register_id = ${f.registerId}`);
  if (f.school) where.push(sql<boolean>`e.school_key LIKE '%' || gds_search_key(${f.school}) || '%'`);
  const { rows } = await sql<EntryRow>`
    SELECT ${ENTRY_COLUMNS}
    FROM diploma_entries e JOIN diploma_registers r ON r.id = e.register_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY e.name_key COLLATE "C", e.birth_year, e.id
    LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db);
  return rows;
}

export async function findEntry(db: Executor, id: string, forUpdate = false): Promise<EntryRow | undefined> {
  const { rows } = await sql<EntryRow>`
    SELECT ${ENTRY_COLUMNS}
    FROM diploma_entries e JOIN diploma_registers r ON r.id = e.register_id
    WHERE e.id = ${id} ${forUpdate ? sql`FOR UPDATE OF e` : sql``}`.execute(db);
  return rows[0];
}

/** One entry by serial number, in any register (unique index diploma_entries_serial). */
export async function findBySerial(db: Executor, serial: string): Promise<EntryRow | undefined> {
  const { rows } = await sql<EntryRow>`
    SELECT ${ENTRY_COLUMNS}
    FROM diploma_entries e JOIN diploma_registers r ON r.id = e.register_id
    WHERE e.serial_key = ${serialKeyOf(serial)}`.execute(db);
  return rows[0];
}

export interface CorrectionRow {
  id: string;
  decision_no: string;
  decision_date: string;
  signer: string;
  reason: string;
  changes: unknown;
  created_at: Date;
  created_by_name: string | null;
}

export async function findCorrections(db: Executor, entryId: string): Promise<CorrectionRow[]> {
  const { rows } = await sql<CorrectionRow>`
    SELECT c.id, c.decision_no, c.decision_date, c.signer, c.reason, c.changes, c.created_at,
      u.full_name AS created_by_name
    FROM diploma_corrections c LEFT JOIN users u ON u.id = c.created_by
    WHERE c.entry_id = ${entryId} ORDER BY c.created_at, c.id`.execute(db);
  return rows;
}

export interface EntryUpdate {
  full_name?: string;
  birth_year?: number;
  birth_month?: number | null;
  birth_day?: number | null;
  birth_place?: string | null;
  gender?: string | null;
  ethnicity?: string | null;
  school_name?: string;
  classification?: string | null;
}

/** Writes a correction and the corrected entry; false when the version moved on. */
export async function applyCorrection(
  trx: Executor,
  entryId: string,
  version: number,
  update: EntryUpdate,
  correction: {
    decision_no: string;
    decision_date: string;
    signer: string;
    reason: string;
    changes: unknown;
    created_by: string | null;
  },
): Promise<string | null> {
  const done = await dt(trx)
    .updateTable('diploma_entries')
    .set({ ...update, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', entryId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) return null;
  const row = await dt(trx)
    .insertInto('diploma_corrections')
    .values({ ...correction, entry_id: entryId, changes: JSON.stringify(correction.changes) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface RegisterRow {
  id: string;
  type_code: string;
  year: number;
  issuing_unit_id: string;
  issuing_unit_name: string;
  entries: number;
  corrections: number;
}

/** Registers in scope with their counts (diploma_entries UNIQUE (register_id, register_no) serves the count). */
export async function listRegisters(db: Executor, scope: Scope): Promise<RegisterRow[]> {
  const { rows } = await sql<RegisterRow>`
    SELECT r.id, r.type_code, r.year, r.issuing_unit_id, r.issuing_unit_name,
      (SELECT count(*)::int FROM diploma_entries e WHERE e.register_id = r.id) AS entries,
      (SELECT count(*)::int FROM diploma_corrections c JOIN diploma_entries e ON e.id = c.entry_id
        WHERE e.register_id = r.id) AS corrections
    FROM diploma_registers r
    WHERE ${inScope(scope, sql`r.id`)}
    ORDER BY r.year DESC, r.type_code, r.issuing_unit_name`.execute(db);
  return rows;
}

export async function listTypes(db: Executor) {
  return dt(db).selectFrom('diploma_types').selectAll().orderBy('sort_order').execute();
}
