import { sql } from 'kysely';
import type { Db, Executor } from '../../platform/db/database.ts';

/**
 * The units a figure is shown for and drilled down to (KPIs and dashboards). There is no
 * district level: province → communes (and the Sở, under which upper-secondary schools and
 * GDNN-GDTX centres hang) → schools. Only units alive today count (valid_to unset or ahead):
 * the former Kon Tum province and its districts are history.
 */

export type SteeringLevel = 'province' | 'commune' | 'school' | 'other';

const COMMUNE_TYPES = ['commune', 'ward', 'special_zone'];
/** Units whose subtree holds schools directly (the Sở and the communes' offices). */
const SCHOOL_PARENTS = ['department', 'division', 'commune_committee', 'culture_society_division'];
const SCHOOL_TYPES_SQL = sql`(SELECT unit_id FROM schools)`;

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  type_code: string;
}

/** Which steering level a unit type stands at. */
export function levelOfType(type: string): SteeringLevel {
  if (type === 'province') return 'province';
  if (COMMUNE_TYPES.includes(type) || SCHOOL_PARENTS.includes(type)) return 'commune';
  return 'other';
}

/** A unit by id (schools are 'school' whatever their type code). */
export async function findUnit(db: Executor, id: string): Promise<(UnitRow & { level: SteeringLevel }) | null> {
  const r = await sql<UnitRow & { is_school: boolean }>`
    SELECT u.id, u.code, u.name, u.type_code, EXISTS (SELECT 1 FROM schools s WHERE s.unit_id = u.id) AS is_school
      FROM org_units u WHERE u.id = ${id}::uuid`.execute(db);
  const row = r.rows[0];
  if (!row) return null;
  const { is_school, ...u } = row;
  return { ...u, level: is_school ? 'school' : levelOfType(u.type_code) };
}

/** The living province at the root of the tree (today's Quảng Ngãi). */
export async function findProvinceRoot(db: Executor): Promise<UnitRow> {
  const r = await sql<UnitRow>`
    SELECT id, code, name, type_code FROM org_units
     WHERE parent_id IS NULL AND type_code = 'province' AND (valid_to IS NULL OR valid_to >= current_date)
     ORDER BY code LIMIT 1`.execute(db);
  const row = r.rows[0];
  if (!row) throw new Error('no living province at the root of the organisation tree');
  return row;
}

const alive = sql`(u.valid_to IS NULL OR u.valid_to >= current_date)`;

/**
 * The units one step down for a drill-down: under a province, its communes and the Sở (for the
 * schools under the Sở); under a commune or the Sở, the schools of its subtree; under a
 * school, none. Ordered by name (ICU Vietnamese collation).
 */
export async function childUnits(
  db: Db,
  unit: { id: string; level: SteeringLevel; type_code: string },
): Promise<UnitRow[]> {
  if (unit.level === 'province') {
    const r = await sql<UnitRow>`
      SELECT u.id, u.code, u.name, u.type_code FROM org_units u
        JOIN org_unit_closure c ON c.descendant_id = u.id AND c.ancestor_id = ${unit.id}::uuid
       WHERE ${alive} AND (u.type_code = ANY(${sql.val(COMMUNE_TYPES)}::text[]) OR u.type_code = 'department')
       ORDER BY (u.type_code = 'department') DESC, u.name COLLATE "vi"`.execute(db);
    return r.rows;
  }
  if (unit.level === 'commune') {
    const r = await sql<UnitRow>`
      SELECT u.id, u.code, u.name, u.type_code FROM org_units u
        JOIN org_unit_closure c ON c.descendant_id = u.id AND c.ancestor_id = ${unit.id}::uuid
       WHERE ${alive} AND u.id IN ${SCHOOL_TYPES_SQL} AND u.id <> ${unit.id}::uuid
       ORDER BY u.name COLLATE "vi"`.execute(db);
    return r.rows;
  }
  return [];
}

/** Living schools in a subtree: all, and general education ones (tiểu học, THCS, THPT, liên cấp). */
export async function countSchools(db: Db, rootUnitId: string): Promise<{ all: number; general: number }> {
  const r = await sql<{ all: number; general: number }>`
    SELECT count(*)::int AS all,
           count(*) FILTER (WHERE s.levels && ARRAY['tieu_hoc', 'thcs', 'thpt', 'lien_cap']::text[])::int AS general
      FROM schools s
      JOIN org_units u ON u.id = s.unit_id
      JOIN org_unit_closure c ON c.descendant_id = s.unit_id AND c.ancestor_id = ${rootUnitId}::uuid
     WHERE ${alive}`.execute(db);
  return r.rows[0] ?? { all: 0, general: 0 };
}
