import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/**
 * The SQL of library statistics (0019_library_stats.sql). Use is read from
 * library_usage_per_day (one row per day, resource and reader's school, kept by a trigger on
 * library_usage_events), contributions from library_resources. Days are Vietnam days; a period's
 * ends are included and either may be open.
 */

export interface StatsFilter {
  from: string | null;
  to: string | null;
  level: string | null;
  subject: string | null;
  /** Schools whose figures are wanted; null: every school (and readers of none). */
  schools: readonly string[] | null;
}

const TZ = 'Asia/Ho_Chi_Minh';
const uuids = (ids: readonly string[]) => sql`${[...ids]}::uuid[]`;

/** `col` (a date) within the period. Index: library_usage_per_day_key (day first). */
function dayIn(col: RawBuilder<unknown>, f: Pick<StatsFilter, 'from' | 'to'>): RawBuilder<boolean> {
  const parts = [sql`true`];
  if (f.from) parts.push(sql`${col} >= ${f.from}::date`);
  if (f.to) parts.push(sql`${col} <= ${f.to}::date`);
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

/** `col` (a timestamptz) within the period's Vietnam days. */
function timeIn(col: RawBuilder<unknown>, f: Pick<StatsFilter, 'from' | 'to'>): RawBuilder<boolean> {
  const parts = [sql`${col} IS NOT NULL`];
  if (f.from) parts.push(sql`${col} >= (${f.from}::date::timestamp AT TIME ZONE ${TZ})`);
  if (f.to) parts.push(sql`${col} < ((${f.to}::date + 1)::timestamp AT TIME ZONE ${TZ})`);
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

/** The resource `r` has the filter's level and subject. */
function resourceFilter(f: StatsFilter): RawBuilder<boolean> {
  const parts = [sql`true`];
  if (f.level) parts.push(sql`r.levels @> ARRAY[${f.level}]::text[]`);
  if (f.subject) parts.push(sql`r.subjects @> ARRAY[${f.subject}]::text[]`);
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

function schoolFilter(col: RawBuilder<unknown>, f: StatsFilter): RawBuilder<boolean> {
  return f.schools === null ? sql<boolean>`true` : sql<boolean>`${col} = ANY(${uuids(f.schools)})`;
}

const byResource = (f: StatsFilter) => f.level !== null || f.subject !== null;

export interface SchoolContributionRow {
  school_id: string;
  status: string;
  created: number;
  published: number;
}

/** Resources of each school created in the period (by status now) and published in it. Index: library_resources_school_created. */
export async function contributionsBySchool(db: Db, f: StatsFilter): Promise<SchoolContributionRow[]> {
  const { rows } = await sql<SchoolContributionRow>`
    SELECT r.school_id, r.status,
      count(*) FILTER (WHERE ${timeIn(sql.ref('r.created_at'), f)})::int AS created,
      count(*) FILTER (WHERE r.published_version_id IS NOT NULL AND ${timeIn(sql.ref('r.published_at'), f)})::int AS published
    FROM library_resources r
    WHERE ${schoolFilter(sql.ref('r.school_id'), f)} AND ${resourceFilter(f)}
    GROUP BY 1, 2`.execute(db);
  return rows;
}

export interface UsageRow {
  school_id: string | null;
  views: number;
  downloads: number;
}

export interface SubjectUsageRow {
  code: string;
  views: number;
  downloads: number;
}

/**
 * Views and downloads in the period per reader's school (null: readers of no school) and per
 * subject: two statements, each a parallel scan of the period's daily counts (measured faster
 * than one GROUPING SETS pass, which PostgreSQL does not aggregate in parallel).
 */
export async function usage(db: Db, f: StatsFilter): Promise<{ bySchool: UsageRow[]; bySubject: SubjectUsageRow[] }> {
  const resources = byResource(f)
    ? sql`AND d.resource_id IN (SELECT r.id FROM library_resources r WHERE ${resourceFilter(f)})`
    : sql``;
  const where = sql`${dayIn(sql.ref('d.day'), f)} AND ${schoolFilter(sql.ref('d.school_id'), f)} ${resources}`;
  const subject = f.subject ? sql`s.code = ${f.subject} AND` : sql``;
  const [schools, subjects] = await Promise.all([
    sql<{ school_id: string | null; views: string; downloads: string }>`
      SELECT d.school_id, sum(d.views) AS views, sum(d.downloads) AS downloads
      FROM library_usage_per_day d WHERE ${where} GROUP BY 1`.execute(db),
    sql<{ code: string; views: string; downloads: string }>`
      SELECT s.code, sum(d.views) AS views, sum(d.downloads) AS downloads
      FROM library_usage_per_day d JOIN library_resources r ON r.id = d.resource_id
        CROSS JOIN LATERAL unnest(r.subjects) s(code)
      WHERE ${subject} ${where}
      GROUP BY 1`.execute(db),
  ]);
  const figures = (r: { views: string; downloads: string }) => ({
    views: Number(r.views),
    downloads: Number(r.downloads),
  });
  return {
    bySchool: schools.rows.map((r) => ({ school_id: r.school_id, ...figures(r) })),
    bySubject: subjects.rows.map((r) => ({ code: r.code, ...figures(r) })),
  };
}

export interface SubjectContributionRow {
  code: string;
  contributed: number;
  published: number;
}

/** Per subject: resources of the filter's schools created in the period, and published in it. */
export async function contributionsBySubject(db: Db, f: StatsFilter): Promise<SubjectContributionRow[]> {
  const subject = f.subject ? sql`AND s.code = ${f.subject}` : sql``;
  const { rows } = await sql<SubjectContributionRow>`
    SELECT s.code,
      count(*) FILTER (WHERE ${timeIn(sql.ref('r.created_at'), f)})::int AS contributed,
      count(*) FILTER (WHERE r.published_version_id IS NOT NULL AND ${timeIn(sql.ref('r.published_at'), f)})::int AS published
    FROM library_resources r CROSS JOIN LATERAL unnest(r.subjects) s(code)
    WHERE ${schoolFilter(sql.ref('r.school_id'), f)} AND ${resourceFilter(f)} ${subject}
    GROUP BY 1
    HAVING count(*) FILTER (WHERE ${timeIn(sql.ref('r.created_at'), f)}) > 0
      OR count(*) FILTER (WHERE r.published_version_id IS NOT NULL AND ${timeIn(sql.ref('r.published_at'), f)}) > 0`.execute(
    db,
  );
  return rows;
}

/**
 * The latest contribution (creation) or use of each school, whatever the period: one index
 * look-up per school (library_resources_school_created, library_usage_per_day_school).
 */
export async function lastActivity(db: Db, schools: readonly string[]): Promise<Map<string, Date>> {
  if (schools.length === 0) return new Map();
  const { rows } = await sql<{ id: string; at: Date | null }>`
    SELECT s.id, greatest(
      (SELECT max(r.created_at) FROM library_resources r WHERE r.school_id = s.id),
      (SELECT max(d.last_at) FROM library_usage_per_day d WHERE d.school_id = s.id)) AS at
    FROM unnest(${uuids(schools)}) s(id)`.execute(db);
  return new Map(rows.filter((r) => r.at !== null).map((r) => [r.id, new Date(r.at!)]));
}

/** Every unit below (and including) the roots (org_unit_closure, the org module's read model). */
export async function unitsUnder(db: Db, roots: readonly string[]): Promise<Set<string>> {
  if (roots.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`
    SELECT DISTINCT descendant_id AS id FROM org_unit_closure WHERE ancestor_id = ANY(${uuids(roots)})`.execute(db);
  return new Set(rows.map((r) => r.id));
}

export interface MonthRow {
  month: string;
  views: number;
  downloads: number;
}

/** One resource's use per month of the period (index library_usage_per_day_resource). */
export async function resourceByMonth(db: Db, resourceId: string, f: Pick<StatsFilter, 'from' | 'to'>) {
  const { rows } = await sql<MonthRow>`
    SELECT to_char(d.day, 'YYYY-MM') AS month, sum(d.views)::bigint AS views, sum(d.downloads)::bigint AS downloads
    FROM library_usage_per_day d
    WHERE d.resource_id = ${resourceId} AND ${dayIn(sql.ref('d.day'), f)}
    GROUP BY 1 ORDER BY 1`.execute(db);
  return rows.map((x) => ({ month: x.month, views: Number(x.views), downloads: Number(x.downloads) }));
}

/** One resource's use per reader's school in the period (null: readers of no school). */
export async function resourceBySchool(db: Db, resourceId: string, f: Pick<StatsFilter, 'from' | 'to'>) {
  const { rows } = await sql<UsageRow>`
    SELECT d.school_id, sum(d.views)::bigint AS views, sum(d.downloads)::bigint AS downloads
    FROM library_usage_per_day d
    WHERE d.resource_id = ${resourceId} AND ${dayIn(sql.ref('d.day'), f)}
    GROUP BY 1`.execute(db);
  return rows.map((x) => ({ school_id: x.school_id, views: Number(x.views), downloads: Number(x.downloads) }));
}
