import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/**
 * SQL of the dashboards (org_unit_closure only: every figure itself comes from a module's
 * read model). Index: org_unit_closure_pkey (ancestor_id, descendant_id).
 */

/** For each of `unitIds`, the one of `childIds` it lies under (or is). */
export async function childOf(
  db: Db,
  childIds: readonly string[],
  unitIds: readonly string[],
): Promise<Map<string, string>> {
  if (childIds.length === 0 || unitIds.length === 0) return new Map();
  const r = await sql<{ ancestor_id: string; descendant_id: string }>`
    SELECT ancestor_id, descendant_id FROM org_unit_closure
     WHERE ancestor_id = ANY(${sql.val([...childIds])}::uuid[]) AND descendant_id = ANY(${sql.val([...unitIds])}::uuid[])`.execute(
    db,
  );
  return new Map(r.rows.map((x) => [x.descendant_id, x.ancestor_id]));
}

/** The units from `topIds`' nearest member down to `unitId` (excluded), top first: a drill-down's breadcrumb. */
export async function pathFrom(db: Db, unitId: string, topIds: readonly string[] | null) {
  const r = await sql<{ id: string; name: string; depth: number }>`
    SELECT u.id, u.name, c.depth FROM org_unit_closure c JOIN org_units u ON u.id = c.ancestor_id
     WHERE c.descendant_id = ${unitId}::uuid AND c.depth > 0
       AND (u.type_code IN ('province', 'commune', 'ward', 'special_zone', 'department'))
     ORDER BY c.depth DESC`.execute(db);
  const rows = r.rows;
  if (topIds === null) return rows.map(({ id, name }) => ({ id, name }));
  const start = rows.findIndex((x) => topIds.includes(x.id));
  return start < 0 ? [] : rows.slice(start).map(({ id, name }) => ({ id, name }));
}
