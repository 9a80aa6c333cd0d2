import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { DX_LEVELS } from './dx.repository.ts';

/**
 * Results and rankings of a campaign, in SQL. `where` limits the schools (a scope, a subtree);
 * `recognisedOnly` counts recognised assessments only (what the Sở publishes), otherwise every
 * assessment sent to the evaluator (submitted, returned or recognised).
 *
 * Relies on dx_assessments (campaign_id, school_id) unique index and schools_commune.
 */
export interface ResultFilter {
  campaignId: string;
  where: RawBuilder<SqlBool>;
  recognisedOnly: boolean;
}

const basis = (recognisedOnly: boolean) =>
  recognisedOnly ? sql`a.state = 'recognised'` : sql`a.state IN ('submitted', 'returned', 'recognised')`;

export interface CommuneStatRow {
  unit_id: string;
  name: string;
  schools: number;
  assessed: number;
  recognised: number;
  avg_teaching: string | null;
  avg_governance: string | null;
  t1: number;
  t2: number;
  t3: number;
  g1: number;
  g2: number;
  g3: number;
}

/** Per location commune: schools, assessed, recognised, averages and level distributions. */
export async function communeStats(db: Executor, f: ResultFilter): Promise<CommuneStatRow[]> {
  const b = basis(f.recognisedOnly);
  const r = await sql<CommuneStatRow>`
    SELECT c.id AS unit_id, c.name,
      count(*)::int AS schools,
      count(*) FILTER (WHERE a.state IN ('submitted', 'returned', 'recognised'))::int AS assessed,
      count(*) FILTER (WHERE a.state = 'recognised')::int AS recognised,
      round(avg(a.final_teaching) FILTER (WHERE ${b}), 1)::text AS avg_teaching,
      round(avg(a.final_governance) FILTER (WHERE ${b}), 1)::text AS avg_governance,
      count(*) FILTER (WHERE ${b} AND a.level_teaching = 1)::int AS t1,
      count(*) FILTER (WHERE ${b} AND a.level_teaching = 2)::int AS t2,
      count(*) FILTER (WHERE ${b} AND a.level_teaching = 3)::int AS t3,
      count(*) FILTER (WHERE ${b} AND a.level_governance = 1)::int AS g1,
      count(*) FILTER (WHERE ${b} AND a.level_governance = 2)::int AS g2,
      count(*) FILTER (WHERE ${b} AND a.level_governance = 3)::int AS g3
    FROM schools s
    JOIN org_units u ON u.id = s.unit_id
    JOIN org_units c ON c.id = s.commune_id
    LEFT JOIN dx_assessments a ON a.school_id = s.unit_id AND a.campaign_id = ${f.campaignId}::uuid
    WHERE u.valid_to IS NULL AND s.levels && ${sql.val(DX_LEVELS)}::text[] AND ${f.where}
    GROUP BY c.id, c.name
    ORDER BY c.name COLLATE "vi"
  `.execute(db);
  return r.rows;
}

export interface ResultRow {
  school_id: string;
  school_name: string;
  commune_id: string | null;
  commune_name: string | null;
  state: 'draft' | 'submitted' | 'returned' | 'recognised' | null;
  final_teaching: string | null;
  final_governance: string | null;
  level_teaching: number | null;
  level_governance: number | null;
  submitted_at: Date | null;
  rank: number | null;
  total: number;
}

export interface ResultQuery extends ResultFilter {
  /** null: every school of the filter (with or without an assessment); else these states only. */
  states: readonly string[] | null;
  communeId?: string | undefined;
  level?: number | undefined;
  group?: 'teaching' | 'governance' | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * Schools with their assessment and their rank in the province (by the sum of both groups'
 * final totals, among the assessments of the basis), filtered and paged.
 */
export async function listResults(db: Executor, f: ResultQuery): Promise<ResultRow[]> {
  const b = basis(f.recognisedOnly);
  const conds: RawBuilder<SqlBool>[] = [f.where];
  if (f.states) conds.push(sql<SqlBool>`a.state IN (${sql.join(f.states.map((s) => sql`${s}`))})`);
  if (f.communeId) conds.push(sql<SqlBool>`s.commune_id = ${f.communeId}::uuid`);
  if (f.level) {
    const lv = f.level;
    if (f.group === 'teaching') conds.push(sql<SqlBool>`${b} AND a.level_teaching = ${lv}`);
    else if (f.group === 'governance') conds.push(sql<SqlBool>`${b} AND a.level_governance = ${lv}`);
    else conds.push(sql<SqlBool>`${b} AND (a.level_teaching = ${lv} OR a.level_governance = ${lv})`);
  }
  if (f.q?.trim()) conds.push(sql<SqlBool>`u.search_key LIKE '%' || gds_search_key(${f.q.trim()}) || '%'`);
  const r = await sql<ResultRow>`
    WITH ranked AS (
      SELECT a.school_id, rank() OVER (ORDER BY a.final_teaching + a.final_governance DESC)::int AS rank
      FROM dx_assessments a
      JOIN schools s ON s.unit_id = a.school_id
      JOIN org_units u ON u.id = s.unit_id
      WHERE a.campaign_id = ${f.campaignId}::uuid AND ${b}
        AND u.valid_to IS NULL AND s.levels && ${sql.val(DX_LEVELS)}::text[]
    )
    SELECT u.id AS school_id, u.name AS school_name, s.commune_id, c.name AS commune_name, a.state,
      CASE WHEN ${b} THEN a.final_teaching::text END AS final_teaching,
      CASE WHEN ${b} THEN a.final_governance::text END AS final_governance,
      CASE WHEN ${b} THEN a.level_teaching END AS level_teaching,
      CASE WHEN ${b} THEN a.level_governance END AS level_governance,
      a.submitted_at, rk.rank, count(*) OVER ()::int AS total
    FROM schools s
    JOIN org_units u ON u.id = s.unit_id
    LEFT JOIN org_units c ON c.id = s.commune_id
    LEFT JOIN dx_assessments a ON a.school_id = s.unit_id AND a.campaign_id = ${f.campaignId}::uuid
    LEFT JOIN ranked rk ON rk.school_id = s.unit_id
    WHERE u.valid_to IS NULL AND s.levels && ${sql.val(DX_LEVELS)}::text[] AND ${sql.join(conds, sql` AND `)}
    ORDER BY rk.rank NULLS LAST, a.submitted_at NULLS LAST, u.name COLLATE "vi"
    LIMIT ${f.limit} OFFSET ${f.offset}
  `.execute(db);
  return r.rows;
}

/** Condition "the school `u.id` is in the subtree of one of the roots" (null roots: all). */
export function underRoots(roots: readonly string[] | null): RawBuilder<SqlBool> {
  if (roots === null) return sql<SqlBool>`true`;
  if (roots.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`u.id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id IN (${sql.join(
    roots.map((r) => sql`${r}::uuid`),
  )}))`;
}
