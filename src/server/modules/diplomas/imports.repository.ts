import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { dt } from './diplomas.tables.ts';
import type { StagedRow } from './import-row.ts';

/**
 * The SQL of imports: the job row, the staging table (diploma_import_rows, unlogged), the
 * checks that need the whole file or the registry, and the one INSERT … SELECT … ON CONFLICT
 * DO NOTHING per chunk that makes re-import idempotent (unique serial_key and
 * (register_id, register_no)).
 */

export type ImportRow = Awaited<ReturnType<typeof findImport>>;

export function findImport(db: Executor, id: string) {
  return dt(db).selectFrom('diploma_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateImport(
  db: Executor,
  id: string,
  set: Partial<{
    status: string;
    mapping: string;
    defaults: string;
    total_rows: number;
    processed_rows: number;
    valid_rows: number;
    error_rows: number;
    existing_rows: number;
    inserted_rows: number;
    error: string | null;
  }>,
  fromStatus?: readonly string[],
): Promise<boolean> {
  let q = dt(db)
    .updateTable('diploma_imports')
    .set({ ...set, updated_at: sql`now()` })
    .where('id', '=', id);
  if (fromStatus) q = q.where('status', 'in', fromStatus);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function clearStaging(db: Executor, importId: string): Promise<void> {
  await sql`DELETE FROM diploma_import_rows WHERE import_id = ${importId}`.execute(db);
}

/**
 * One multi-row statement per batch (arrays unnested), the fastest path short of COPY. A row
 * is staged with its provisional outcome ('new' when it has no problem of its own), so that the
 * checks below update only the rows they concern (duplicates, rows already in the registry)
 * instead of every row of the file.
 */
export async function stageBatch(db: Executor, importId: string, rows: readonly StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof StagedRow>(k: K) => rows.map((r) => r[k]);
  await sql`
    INSERT INTO diploma_import_rows (import_id, row_no, type_code, year, register_no, serial, serial_key, full_name,
      birth_year, birth_month, birth_day, birth_place, gender, ethnicity, school_name, classification, decision_no,
      decision_date, problems, outcome)
    SELECT ${importId}::uuid, *, CASE WHEN p IS NULL THEN 'new' ELSE 'error' END FROM unnest(${col('rowNo')}::int[], ${col('typeCode')}::text[], ${col('year')}::smallint[],
      ${col('registerNo')}::text[], ${col('serial')}::text[], ${col('serialKey')}::text[], ${col('fullName')}::text[],
      ${col('birthYear')}::smallint[], ${col('birthMonth')}::smallint[], ${col('birthDay')}::smallint[],
      ${col('birthPlace')}::text[], ${col('gender')}::text[], ${col('ethnicity')}::text[], ${col('schoolName')}::text[],
      ${col('classification')}::text[], ${col('decisionNo')}::text[], ${col('decisionDate')}::date[],
      ${rows.map((r) => (r.problems.length ? JSON.stringify(r.problems) : null))}::jsonb[])
      AS u(n, t, y, rn, se, sk, fn, by, bm, bd, bp, g, et, sn, cl, dn, dd, p)`.execute(db);
}

const problem = (field: string, code: string, value: unknown) =>
  sql`jsonb_build_array(jsonb_build_object('field', ${field}::text, 'code', ${code}::text, 'value', (${value})::text))`;

/**
 * Duplicates within the file: a later row with the serial, or the (type, year, register
 * number), of an earlier row; the problem's value is the earlier row's number.
 */
export async function markDuplicatesInFile(db: Executor, importId: string): Promise<void> {
  await sql`
    UPDATE diploma_import_rows s SET outcome = 'error',
      problems = coalesce(s.problems, '[]'::jsonb) || ${problem('serial', 'duplicate_in_file', sql`d.first::text`)}
    FROM (SELECT row_no, min(row_no) OVER (PARTITION BY serial_key) AS first
          FROM diploma_import_rows WHERE import_id = ${importId} AND serial_key IS NOT NULL) d
    WHERE s.import_id = ${importId} AND s.row_no = d.row_no AND d.first < d.row_no`.execute(db);
  await sql`
    UPDATE diploma_import_rows s SET outcome = 'error',
      problems = coalesce(s.problems, '[]'::jsonb) || ${problem('registerNo', 'duplicate_in_file', sql`d.first::text`)}
    FROM (SELECT row_no, min(row_no) OVER (PARTITION BY type_code, year, register_no) AS first
          FROM diploma_import_rows WHERE import_id = ${importId} AND register_no IS NOT NULL
            AND type_code IS NOT NULL AND year IS NOT NULL) d
    WHERE s.import_id = ${importId} AND s.row_no = d.row_no AND d.first < d.row_no`.execute(db);
}

/**
 * Against the registry. A row whose serial, or whose register number in the register of its
 * (type, year, issuing unit), is already there is either the same diploma (same serial and
 * same register number: `existing`, skipped — the registry, corrections included, prevails) or
 * a conflict (the serial is in another register or under another number, or the number
 * carries another serial). The other rows keep the outcome they were staged with (new, or error
 * for a row with problems).
 */
export async function classifyAgainstRegistry(db: Executor, importId: string, unitId: string): Promise<void> {
  await sql`
    WITH m AS (
      SELECT s.row_no, (r.issuing_unit_id = ${unitId} AND e.type_code = s.type_code AND e.year = s.year
        AND e.register_no = s.register_no) AS same
      FROM diploma_import_rows s
      JOIN diploma_entries e ON e.serial_key = s.serial_key
      JOIN diploma_registers r ON r.id = e.register_id
      WHERE s.import_id = ${importId} AND s.problems IS NULL AND s.serial_key IS NOT NULL
      UNION ALL
      SELECT s.row_no, (e.serial_key IS NOT DISTINCT FROM s.serial_key) AS same
      FROM diploma_import_rows s
      JOIN diploma_registers r ON r.type_code = s.type_code AND r.year = s.year AND r.issuing_unit_id = ${unitId}
      JOIN diploma_entries e ON e.register_id = r.id AND e.register_no = s.register_no
      WHERE s.import_id = ${importId} AND s.problems IS NULL
    ), agg AS (SELECT row_no, bool_and(same) AS same FROM m GROUP BY row_no)
    UPDATE diploma_import_rows s
    SET outcome = CASE WHEN agg.same THEN 'existing' ELSE 'error' END,
        problems = CASE WHEN agg.same THEN NULL ELSE ${problem('serial', 'conflict_with_registry', null)} END
    FROM agg WHERE s.import_id = ${importId} AND s.row_no = agg.row_no`.execute(db);
}

export async function stagedCounts(db: Executor, importId: string) {
  const { rows } = await sql<{ total: number; valid: number; errors: number; existing: number; max_row: number }>`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE outcome = 'new')::int AS valid,
      count(*) FILTER (WHERE outcome = 'error')::int AS errors,
      count(*) FILTER (WHERE outcome = 'existing')::int AS existing, coalesce(max(row_no), 0)::int AS max_row
    FROM diploma_import_rows WHERE import_id = ${importId}`.execute(db);
  return rows[0]!;
}

/** The distinct years and types of the rows to write (a few), for their registers. */
export async function stagedRegisters(db: Executor, importId: string) {
  const { rows } = await sql<{ type_code: string; year: number }>`
    SELECT DISTINCT type_code, year FROM diploma_import_rows WHERE import_id = ${importId} AND outcome = 'new'`.execute(
    db,
  );
  return rows;
}

export async function ensureRegister(
  db: Executor,
  r: { typeCode: string; year: number; unitId: string; unitName: string; userId: string | null },
): Promise<void> {
  await dt(db)
    .insertInto('diploma_registers')
    .values({
      type_code: r.typeCode,
      year: r.year,
      issuing_unit_id: r.unitId,
      issuing_unit_name: r.unitName,
      created_by: r.userId,
    })
    .onConflict((oc) => oc.columns(['type_code', 'year', 'issuing_unit_id']).doNothing())
    .execute();
}

/** Writes rows [from, to] of the staging table; returns how many were new to the registry. */
export async function commitChunk(
  db: Executor,
  importId: string,
  unitId: string,
  from: number,
  to: number,
  userId: string | null,
): Promise<number> {
  const r = await sql`
    INSERT INTO diploma_entries (register_id, type_code, year, register_no, serial, full_name, birth_year, birth_month,
      birth_day, birth_place, gender, ethnicity, school_name, classification, decision_no, decision_date, import_id,
      created_by)
    SELECT r.id, s.type_code, s.year, s.register_no, s.serial, s.full_name, s.birth_year, s.birth_month, s.birth_day,
      s.birth_place, s.gender, s.ethnicity, s.school_name, s.classification, s.decision_no, s.decision_date,
      ${importId}::uuid, ${userId}::uuid
    FROM diploma_import_rows s
    JOIN diploma_registers r ON r.type_code = s.type_code AND r.year = s.year AND r.issuing_unit_id = ${unitId}
    WHERE s.import_id = ${importId} AND s.outcome = 'new' AND s.row_no BETWEEN ${from} AND ${to}
    ORDER BY s.row_no
    ON CONFLICT DO NOTHING`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** The rows with problems, in file order. */
export async function problemRows(db: Executor, importId: string, limit: number, offset: number) {
  const { rows } = await sql<{ row_no: number; problems: unknown; total: number }>`
    SELECT row_no, problems, count(*) OVER ()::int AS total FROM diploma_import_rows
    WHERE import_id = ${importId} AND outcome = 'error' ORDER BY row_no LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return rows;
}
