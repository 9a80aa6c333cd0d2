import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/**
 * Admissions figures for the KPIs and dashboards, read-only SQL over the admissions tables
 * (steering design: the KPI owner may read them; nothing here writes). An application counts
 * for the unit of its first-wish school (as the admissions dashboards count it). Only filed
 * dossiers count (not drafts). "Online" = filed by the family on the public form; an assisted
 * entry keeps `assisted` in the dossier's form (application-filing.ts).
 *
 * Indexes relied on: org_unit_closure_pkey (ancestor_id, descendant_id) for the subtree,
 * admission_applications_round_school (round_id, first_wish_id), dossiers_pkey.
 */

/** `AND a.first_wish_id IN (subtree of root)`, or nothing for the whole province. */
const underRoot = (rootUnitId: string | null) =>
  rootUnitId === null
    ? sql``
    : sql`AND a.first_wish_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ${rootUnitId}::uuid)`;

/** Filed applications of the rounds whose registration opened in calendar year `year` (Vietnam), and those filed online. */
export async function admissionsOnline(
  db: Db,
  opts: { year: number; rootUnitId: string | null },
): Promise<{ filed: number; online: number }> {
  const r = await sql<{ filed: number; online: number }>`
    SELECT count(*)::int AS filed, count(*) FILTER (WHERE d.form -> 'assisted' IS NULL)::int AS online
      FROM admission_rounds r
      JOIN admission_applications a ON a.round_id = r.id
      JOIN dossiers d ON d.id = a.dossier_id
     WHERE EXTRACT(year FROM r.register_from AT TIME ZONE 'Asia/Ho_Chi_Minh') = ${opts.year}
       AND d.state <> 'draft' ${underRoot(opts.rootUnitId)}`.execute(db);
  return r.rows[0] ?? { filed: 0, online: 0 };
}

export interface RoundInProgress {
  id: string;
  code: string;
  name: string;
  level: number;
  status: string;
  registerTo: string;
  /** Whether the round's demand per school is published (what the public variant may show). */
  published: boolean;
  byState: Record<string, number>;
  total: number;
}

/** Rounds under way (not draft, not closed) with their filed applications by dossier state in the subtree. */
export async function roundsInProgress(db: Db, opts: { rootUnitId: string | null }): Promise<RoundInProgress[]> {
  const r = await sql<{
    id: string;
    code: string;
    name: string;
    level: number;
    status: string;
    register_to: Date;
    published: boolean;
    state: string | null;
    n: number;
  }>`
    SELECT r.id, r.code, r.name, r.level, r.status, r.register_to, COALESCE(p.published, false) AS published,
           x.state, COALESCE(x.n, 0)::int AS n
      FROM admission_rounds r
      LEFT JOIN admission_demand_publications p ON p.round_id = r.id
      LEFT JOIN LATERAL (
        SELECT d.state, count(*)::int AS n
          FROM admission_applications a JOIN dossiers d ON d.id = a.dossier_id
         WHERE a.round_id = r.id AND d.state <> 'draft' ${underRoot(opts.rootUnitId)}
         GROUP BY d.state
      ) x ON true
     WHERE r.status NOT IN ('draft', 'closed')
     ORDER BY r.register_from DESC, r.code`.execute(db);
  const rounds = new Map<string, RoundInProgress>();
  for (const row of r.rows) {
    let round = rounds.get(row.id);
    if (!round) {
      round = {
        id: row.id,
        code: row.code,
        name: row.name,
        level: row.level,
        status: row.status,
        registerTo: new Date(row.register_to).toISOString(),
        published: row.published,
        byState: {},
        total: 0,
      };
      rounds.set(row.id, round);
    }
    if (row.state) {
      round.byState[row.state] = row.n;
      round.total += row.n;
    }
  }
  return [...rounds.values()];
}

/** Filed applications of the rounds under way, per child unit (first-wish school in the child's subtree). */
export async function applicationsByUnit(db: Db, unitIds: readonly string[]): Promise<Map<string, number>> {
  if (unitIds.length === 0) return new Map();
  const r = await sql<{ unit_id: string; n: number }>`
    SELECT c.ancestor_id AS unit_id, count(*)::int AS n
      FROM admission_rounds r
      JOIN admission_applications a ON a.round_id = r.id
      JOIN dossiers d ON d.id = a.dossier_id
      JOIN org_unit_closure c ON c.descendant_id = a.first_wish_id AND c.ancestor_id = ANY(${sql.val([...unitIds])}::uuid[])
     WHERE r.status NOT IN ('draft', 'closed') AND d.state <> 'draft'
     GROUP BY c.ancestor_id`.execute(db);
  return new Map(r.rows.map((x) => [x.unit_id, x.n]));
}
