import type { Db } from '../../platform/db/database.ts';
import { dt } from './dx.tables.ts';
import { communeStats, underRoots } from './dx-results.repository.ts';

/**
 * What the DX index publishes for the KPIs and dashboards (steering design contract, issue 6).
 * Pure reads on a Db; no access check (the caller checks its own scope).
 */

export interface DxLevelsResult {
  /** Schools taking part (general education and continuing education, living) under the root. */
  schools: number;
  /** Of those, assessments sent to the evaluator (submitted, returned or recognised). */
  assessed: number;
  /** Of those, recognised by the level above. */
  recognised: number;
  /** Schools per level of each group, over recognised assessments (recognisedOnly) or assessed ones. */
  byLevel: { teaching: Record<1 | 2 | 3, number>; governance: Record<1 | 2 | 3, number> };
  /** Per location commune of the schools, with average final totals over the same basis. */
  byCommune: {
    unitId: string;
    name: string;
    schools: number;
    assessed: number;
    avgTeaching: number | null;
    avgGovernance: number | null;
  }[];
}

/**
 * Levels of the year's campaign under `rootUnitId` (null: the province). A year without a
 * campaign gives zero assessments (schools still counted).
 *
 * `publishedOnly` (public views): what the public results page shows — a year the Sở has not
 * published counts as a year without a campaign; a published year counts recognised assessments
 * only (levels, averages, and `assessed` = `recognised`, as the public ranking: not how many are
 * still pending). Without it, nothing changes.
 */
export async function dxLevels(
  db: Db,
  opts: { year: number; rootUnitId: string | null; recognisedOnly?: boolean; publishedOnly?: boolean },
): Promise<DxLevelsResult> {
  const found = await dt(db)
    .selectFrom('dx_campaigns')
    .select(['id', 'published_at'])
    .where('year', '=', opts.year)
    .executeTakeFirst();
  const publishedOnly = opts.publishedOnly ?? false;
  const campaign = publishedOnly && !found?.published_at ? undefined : found;
  const rows = await communeStats(db, {
    // A campaign id that matches nothing keeps the school counts without assessments.
    campaignId: campaign?.id ?? '00000000-0000-0000-0000-000000000000',
    where: underRoots(opts.rootUnitId === null ? null : [opts.rootUnitId]),
    recognisedOnly: publishedOnly || (opts.recognisedOnly ?? false),
  });
  const byLevel = { teaching: { 1: 0, 2: 0, 3: 0 }, governance: { 1: 0, 2: 0, 3: 0 } };
  let schools = 0;
  let assessed = 0;
  let recognised = 0;
  for (const r of rows) {
    schools += r.schools;
    assessed += publishedOnly ? r.recognised : r.assessed;
    recognised += r.recognised;
    byLevel.teaching[1] += r.t1;
    byLevel.teaching[2] += r.t2;
    byLevel.teaching[3] += r.t3;
    byLevel.governance[1] += r.g1;
    byLevel.governance[2] += r.g2;
    byLevel.governance[3] += r.g3;
  }
  return {
    schools,
    assessed,
    recognised,
    byLevel,
    byCommune: rows.map((r) => ({
      unitId: r.unit_id,
      name: r.name,
      schools: r.schools,
      assessed: publishedOnly ? r.recognised : r.assessed,
      avgTeaching: r.avg_teaching === null ? null : Number(r.avg_teaching),
      avgGovernance: r.avg_governance === null ? null : Number(r.avg_governance),
    })),
  };
}
