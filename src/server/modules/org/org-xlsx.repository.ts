import { sql } from 'kysely';
import type { DB, Executor } from '../../platform/db/database.ts';
import type { SchoolRow } from './school.repository.ts';

/**
 * SQL of the spreadsheet import/export: whole-table reads (the tree has a few thousand units)
 * and multi-row inserts, so that 2,000 rows cost a handful of statements rather than 10,000.
 */

const ACTIVE = sql<boolean>`(u.valid_to IS NULL OR u.valid_to >= current_date)`;
const CHUNK = 500;
/** Shown in the unit's history beside events made by an import. */
const IMPORT_NOTE = 'Nhập từ tệp Excel';

/** Serialises imports (transaction-scoped advisory lock), so two uploads never plan against the same state. */
export async function lockImports(trx: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('giaoducso.org.import'))`.execute(trx);
}

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  type_code: string;
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  active: boolean;
}

/** Every unit, schools included, for resolving codes. */
export function listUnitRefs(db: Executor): Promise<UnitRef[]> {
  return db
    .selectFrom('org_units as u')
    .select([
      'u.id',
      'u.code',
      'u.name',
      'u.type_code',
      'u.parent_id',
      'u.valid_from',
      'u.valid_to',
      ACTIVE.as('active'),
    ])
    .execute();
}

/** Every school profile (joined to its unit by the caller through listUnitRefs). */
export function listSchoolRows(db: Executor): Promise<SchoolRow[]> {
  return db
    .selectFrom('schools')
    .select(['unit_id', 'levels', 'ownership', 'commune_id', 'address', 'phone', 'email'])
    .execute();
}

/** Units that are not schools, with their parent's code, in type order then code (for export). */
export function listUnitsForExport(db: Executor) {
  return db
    .selectFrom('org_units as u')
    .innerJoin('unit_types as t', 't.code', 'u.type_code')
    .leftJoin('org_units as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.code', 'u.name', 'u.type_code', 'p.code as parent_code', 'u.valid_from', 'u.valid_to'])
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('schools as s').select('s.unit_id').whereRef('s.unit_id', '=', 'u.id'))),
    )
    .orderBy('t.sort_order')
    .orderBy('u.code')
    .execute();
}

/** When each unit's current name began: the day after its latest former name ended. */
export async function findNameStarts(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_unit_names')
    .select(['unit_id', sql<string>`(max(valid_to) + 1)::text`.as('d')])
    .where('unit_id', 'in', ids)
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, r.d]));
}

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  type_code: string;
  parent_id: string;
  valid_from: string;
  valid_to: string | null;
}

export async function insertUnits(db: Executor, rows: UnitRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('org_units')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function insertSchools(db: Executor, rows: SchoolRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('schools')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export interface EventRow {
  id: string;
  kind: DB['org_unit_events']['kind'];
  effective_date: string;
  created_by: string | null;
  /** The unit: on both sides for a rename or move, on the `to` side for a creation, the `from` side for a dissolution. */
  unit_id: string;
}

/** One history event per unit, as OrgHistoryService writes them. */
export async function insertEvents(db: Executor, events: EventRow[]): Promise<void> {
  for (let i = 0; i < events.length; i += CHUNK) {
    const chunk = events.slice(i, i + CHUNK);
    await db
      .insertInto('org_unit_events')
      .values(
        chunk.map((e) => ({
          id: e.id,
          kind: e.kind,
          effective_date: e.effective_date,
          decision_ref: null,
          note: IMPORT_NOTE,
          created_by: e.created_by,
        })),
      )
      .execute();
    const members = chunk.flatMap((e) => [
      ...(e.kind === 'created' ? [] : [{ event_id: e.id, unit_id: e.unit_id, side: 'from' as const }]),
      ...(e.kind === 'dissolved' ? [] : [{ event_id: e.id, unit_id: e.unit_id, side: 'to' as const }]),
    ]);
    await db.insertInto('org_unit_event_units').values(members).execute();
  }
}
