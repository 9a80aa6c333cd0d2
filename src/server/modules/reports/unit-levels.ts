import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/** Unit types that report (expected units) and the commune-level types. */
export const SCHOOL_TYPES = ['school', 'gdtx_centre'] as const;
export const COMMUNE_TYPES = ['commune', 'ward', 'special_zone'] as const;
/** The levels of steering: the tree's rungs a figure is rolled up by (see steeringChildSql). */
export const STEERING_TYPES = [...SCHOOL_TYPES, ...COMMUNE_TYPES, 'department'] as const;

const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`));

/**
 * The level above a unit, the one that approves its reports and reopens them:
 * - a school or centre under a commune's Culture–Society division → that commune (ward, special zone);
 * - a school or centre under the Sở (upper-secondary, GDNN-GDTX) → the Sở;
 * - a commune, ward or special zone → the Sở of its province (the province itself if it has none);
 * - anything else → its nearest commune-level or Sở ancestor, else null.
 */
export async function levelAbove(db: Executor, unitId: string): Promise<string | null> {
  const unit = await db.selectFrom('org_units').select(['id', 'type_code']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) return null;
  if ((COMMUNE_TYPES as readonly string[]).includes(unit.type_code)) {
    const r = await sql<{ id: string }>`
      SELECT COALESCE(
        (SELECT d.id FROM org_units d WHERE d.parent_id = p.ancestor_id AND d.type_code = 'department'
          ORDER BY (d.valid_to IS NULL) DESC, d.valid_to DESC LIMIT 1),
        p.ancestor_id) AS id
      FROM org_unit_closure p JOIN org_units pu ON pu.id = p.ancestor_id
      WHERE p.descendant_id = ${unitId} AND p.depth >= 1 AND pu.type_code = 'province'
      ORDER BY p.depth LIMIT 1`.execute(db);
    return r.rows[0]?.id ?? null;
  }
  const r = await sql<{ id: string }>`
    SELECT c.ancestor_id AS id FROM org_unit_closure c JOIN org_units a ON a.id = c.ancestor_id
    WHERE c.descendant_id = ${unitId} AND c.depth >= 1
      AND a.type_code IN (${list([...COMMUNE_TYPES, 'department'])})
    ORDER BY c.depth LIMIT 1`.execute(db);
  return r.rows[0]?.id ?? null;
}

/** levelAbove for many units at once (one statement per kind): unit id → level-above id. */
export async function levelsAbove(db: Executor, unitIds: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  if (unitIds.length === 0) return out;
  const ids = sql`ARRAY[${sql.join(unitIds.map((id) => sql`${id}::uuid`))}]`;
  const r = await sql<{ unit_id: string; above: string | null }>`
    SELECT u.id AS unit_id,
      CASE WHEN u.type_code IN (${list(COMMUNE_TYPES)}) THEN (
        SELECT COALESCE(
          (SELECT d.id FROM org_units d WHERE d.parent_id = p.ancestor_id AND d.type_code = 'department'
            ORDER BY (d.valid_to IS NULL) DESC, d.valid_to DESC LIMIT 1),
          p.ancestor_id)
        FROM org_unit_closure p JOIN org_units pu ON pu.id = p.ancestor_id
        WHERE p.descendant_id = u.id AND p.depth >= 1 AND pu.type_code = 'province'
        ORDER BY p.depth LIMIT 1)
      ELSE (
        SELECT c.ancestor_id FROM org_unit_closure c JOIN org_units a ON a.id = c.ancestor_id
        WHERE c.descendant_id = u.id AND c.depth >= 1 AND a.type_code IN (${list([...COMMUNE_TYPES, 'department'])})
        ORDER BY c.depth LIMIT 1)
      END AS above
    FROM org_units u WHERE u.id = ANY(${ids})`.execute(db);
  for (const row of r.rows) out.set(row.unit_id, row.above);
  return out;
}

/** The province at the top of the tree today (the root when a figure's root is null). */
export async function provinceRoot(db: Executor): Promise<string | null> {
  const r = await db
    .selectFrom('org_units')
    .select('id')
    .where('type_code', '=', 'province')
    .where('parent_id', 'is', null)
    .orderBy(sql`valid_to IS NULL`, 'desc')
    .orderBy('code')
    .executeTakeFirst();
  return r?.id ?? null;
}

/**
 * SQL of `(unit_id, child_id)` for every unit strictly below `rootId`: the child is the unit's
 * ancestor-or-self among the root's *steering children* — the steering-level units (commune,
 * ward, special zone, the Sở, a school or centre) below the root with no other steering-level
 * unit between them and the root. Under the province those are the communes and the Sở (upper-
 * secondary schools roll up to the Sở); under a commune, its schools. Units below no steering
 * child are absent (callers fall back to the unit itself). One pass over the subtree, no
 * per-unit subquery (bench/reports.bench.ts).
 */
export function steeringChildSql(rootId: string) {
  // Every (steering unit a below the root, unit u below a) pair; per u, the a nearest the root.
  return sql`
    SELECT DISTINCT ON (c.descendant_id) c.descendant_id AS unit_id, c.ancestor_id AS child_id
    FROM org_unit_closure r
    JOIN org_units a ON a.id = r.descendant_id AND a.type_code IN (${list(STEERING_TYPES)})
    JOIN org_unit_closure c ON c.ancestor_id = a.id
    WHERE r.ancestor_id = ${rootId}::uuid AND r.depth >= 1
    ORDER BY c.descendant_id, r.depth`;
}
