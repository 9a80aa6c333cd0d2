import { type RawBuilder, sql } from 'kysely';
import type { Selection } from '../../../shared/directives.schema.ts';
import type { Scope } from '../../platform/access/access.ts';
import { inScope } from '../../platform/access/steering-scope.ts';
import type { Executor } from '../../platform/db/database.ts';

/** Unit types a directive may be issued from (the Sở, its divisions, communes and their offices). */
const ISSUER_TYPES = [
  'department',
  'division',
  'commune',
  'ward',
  'special_zone',
  'commune_committee',
  'culture_society_division',
];

/** SQL: the unit (alias.valid_to) still exists on `today`. */
const living = (alias: string, today: string) =>
  sql<boolean>`(${sql.ref(`${alias}.valid_to`)} IS NULL OR ${sql.ref(`${alias}.valid_to`)} >= ${today}::date)`;

/**
 * Units an actor may issue from: the units of its `directives.issue` grants, with a grant on a
 * province standing for the living Sở (department) under it, and a grant on a Sở division also
 * for the Sở itself (a division drafts, the Sở signs). Living units only, Sở first.
 */
export async function issuerUnitOptions(db: Executor, grantUnitIds: readonly string[], today: string) {
  if (grantUnitIds.length === 0) return [];
  const ids = sql.join(grantUnitIds.map((id) => sql`${id}::uuid`));
  const { rows } = await sql<{ id: string; name: string; type_code: string }>`
    SELECT * FROM (SELECT DISTINCT u.id, u.name, u.type_code, t.sort_order FROM (
      SELECT g.id FROM org_units g WHERE g.id IN (${ids})
      UNION ALL SELECT c.id FROM org_units g JOIN org_units c ON c.parent_id = g.id
        WHERE g.id IN (${ids}) AND g.type_code = 'province' AND c.type_code = 'department'
      UNION ALL SELECT g.parent_id FROM org_units g WHERE g.id IN (${ids}) AND g.type_code = 'division'
    ) x JOIN org_units u ON u.id = x.id JOIN unit_types t ON t.code = u.type_code
    WHERE u.type_code IN (${sql.join(ISSUER_TYPES.map((t) => sql`${t}`))}) AND ${living('u', today)}) o
    ORDER BY o.sort_order, o.name COLLATE "vi"
  `.execute(db);
  return rows.map((r) => ({ id: r.id, name: r.name, typeCode: r.type_code }));
}

/** Living communes (commune, ward, special zone) inside the scope, for the recipients picker. */
export async function communeOptions(db: Executor, scope: Scope, today: string) {
  const { rows } = await sql<{ id: string; name: string; type_code: string }>`
    SELECT u.id, u.name, u.type_code FROM org_units u
    WHERE u.type_code IN ('commune', 'ward', 'special_zone') AND ${living('u', today)}
      AND ${inScope(scope, sql.ref('u.id'))}
    ORDER BY u.name COLLATE "vi"
  `.execute(db);
  return rows.map((r) => ({ id: r.id, name: r.name, typeCode: r.type_code }));
}

/** Living schools and units inside the scope whose name matches `q` (the list picker). */
export async function searchUnits(db: Executor, scope: Scope, q: string, today: string, limit = 20) {
  const { rows } = await sql<{ id: string; name: string; type_code: string }>`
    SELECT u.id, u.name, u.type_code FROM org_units u
    WHERE u.type_code IN ('school', 'gdtx_centre', 'commune', 'ward', 'special_zone', 'division')
      AND ${living('u', today)} AND ${inScope(scope, sql.ref('u.id'))}
      AND u.search_key LIKE '%' || gds_search_key(${q}) || '%'
    ORDER BY u.name COLLATE "vi" LIMIT ${limit}
  `.execute(db);
  return rows.map((r) => ({ id: r.id, name: r.name, typeCode: r.type_code }));
}

/** SQL condition on org_units `u` (and its school row `s`, left-joined) for a selection. */
function selectionWhere(sel: Selection): RawBuilder<boolean> {
  const levels = (ls: readonly string[]) => sql`s.levels && ARRAY[${sql.join(ls.map((l) => sql`${l}`))}]::text[]`;
  const uuids = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`));
  switch (sel.by) {
    case 'type':
      return sql<boolean>`u.type_code IN (${sql.join(sel.unitTypes.map((t) => sql`${t}`))})`;
    case 'level':
      return sql<boolean>`s.unit_id IS NOT NULL AND ${levels(sel.levels)}`;
    case 'commune':
      return sql<boolean>`s.commune_id IN (${uuids(sel.communeIds)})${
        sel.levels.length ? sql` AND ${levels(sel.levels)}` : sql``
      }`;
    case 'list':
      return sql<boolean>`u.id IN (${uuids(sel.unitIds)})`;
  }
}

/**
 * The living units a selection picks inside the scope, the issuer itself left out, in name
 * order; `limit` null for all of them (materialising), a number for a preview.
 */
export async function selectRecipients(
  db: Executor,
  opts: { selection: Selection; scope: Scope; issuerUnitId: string | null; today: string; limit: number | null },
) {
  const where = sql`${selectionWhere(opts.selection)} AND ${living('u', opts.today)}
    AND ${inScope(opts.scope, sql.ref('u.id'))}
    ${opts.issuerUnitId ? sql`AND u.id <> ${opts.issuerUnitId}::uuid` : sql``}`;
  const { rows: count } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM org_units u LEFT JOIN schools s ON s.unit_id = u.id WHERE ${where}
  `.execute(db);
  const { rows } = await sql<{ id: string; name: string }>`
    SELECT u.id, u.name FROM org_units u LEFT JOIN schools s ON s.unit_id = u.id WHERE ${where}
    ORDER BY u.name COLLATE "vi", u.id ${opts.limit === null ? sql`` : sql`LIMIT ${opts.limit}`}
  `.execute(db);
  return { count: Number(count[0]!.n), units: rows };
}

/** The units the grants speak for when reading and answering directives (view directive_speakers, 0031). */
export async function speakerUnits(db: Executor, grantUnitIds: readonly string[]): Promise<string[]> {
  if (grantUnitIds.length === 0) return [];
  const { rows } = await sql<{ unit_id: string }>`
    SELECT DISTINCT unit_id FROM directive_speakers
    WHERE grant_unit_id IN (${sql.join(grantUnitIds.map((id) => sql`${id}::uuid`))})
  `.execute(db);
  return rows.map((r) => r.unit_id);
}

export async function unitName(db: Executor, unitId: string): Promise<string | undefined> {
  const r = await db.selectFrom('org_units').select('name').where('id', '=', unitId).executeTakeFirst();
  return r?.name;
}

/**
 * The users to notify for recipient units: enabled accounts holding `directives.respond` through
 * a grant that speaks for the unit, with an e-mail address.
 */
export async function respondersOf(db: Executor, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  const { rows } = await sql<{ unit_id: string; user_id: string; email: string | null; locale: string }>`
    SELECT DISTINCT sp.unit_id, us.id AS user_id, us.email, us.locale
    FROM directive_speakers sp
    JOIN role_grants g ON g.unit_id = sp.grant_unit_id
    JOIN roles r ON r.code = g.role_code AND 'directives.respond' = ANY (r.permissions)
    JOIN users us ON us.id = g.user_id AND NOT us.disabled
    WHERE sp.unit_id IN (${sql.join(unitIds.map((id) => sql`${id}::uuid`))})
  `.execute(db);
  return rows;
}
