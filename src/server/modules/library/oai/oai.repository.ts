import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';

/**
 * What OAI-PMH harvests: resources whose visibility is public and that have been published.
 * A published one is a record; one taken down since is a deleted record (`listed` false).
 * The datestamp is `updated_at` (publication, take-down and restoration all set it); pages
 * follow (updated_at, id), the exact timestamp kept as text in the token so that none is
 * skipped. Nothing else is ever read here: school-only, province-only and unpublished
 * resources do not exist for a harvester.
 */
export interface OaiRow {
  id: string;
  /** updated_at to the microsecond (the token's key). */
  stamp: string;
  updated_at: Date;
  deleted: boolean;
  kind: string;
  title: string;
  description: string;
  keywords: string[];
  authors: string[];
  subjects: string[];
  levels: string[];
  grades: number[];
  school_id: string;
  language_code: string;
  licence_code: string;
  published_at: Date | null;
  created_at: Date;
  url: string | null;
  content_type: string | null;
}

export interface Range {
  from: string | null;
  until: string | null;
}

const HARVESTABLE = sql`r.visibility = 'public' AND r.published_version_id IS NOT NULL`;

function rangeSql(range: Range) {
  const from = range.from ? sql`AND r.updated_at >= ${range.from}::timestamptz` : sql``;
  const until = range.until ? sql`AND r.updated_at < ${range.until}::timestamptz` : sql``;
  return sql`${from} ${until}`;
}

const SELECT = sql`r.id,
  to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS stamp,
  r.updated_at, NOT r.listed AS deleted, r.kind, r.title, r.description, r.keywords, r.authors,
  r.subjects, r.levels, r.grades, r.school_id, r.language_code, r.licence_code, r.published_at,
  r.created_at, v.url, f.content_type
  FROM library_resources r
  LEFT JOIN library_resource_versions v ON v.id = r.published_version_id
  LEFT JOIN stored_files f ON f.id = v.file_id`;

/** One page after `after`, in (updated_at, id) order. Sequential scan of the public subset; PAGE rows at a time. */
export async function listPage(
  db: Db,
  range: Range,
  after: { at: string; id: string } | null,
  limit: number,
): Promise<OaiRow[]> {
  const cursor = after ? sql`AND (r.updated_at, r.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``;
  const { rows } = await sql<OaiRow>`SELECT ${SELECT}
    WHERE ${HARVESTABLE} ${rangeSql(range)} ${cursor}
    ORDER BY r.updated_at, r.id
    LIMIT ${limit}`.execute(db);
  return rows;
}

export async function countList(db: Db, range: Range): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM library_resources r
    WHERE ${HARVESTABLE} ${rangeSql(range)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function findOne(db: Db, id: string): Promise<OaiRow | undefined> {
  const { rows } = await sql<OaiRow>`SELECT ${SELECT} WHERE ${HARVESTABLE} AND r.id = ${id}::uuid`.execute(db);
  return rows[0];
}

export async function earliest(db: Db): Promise<Date | null> {
  const { rows } = await sql<{ at: Date | null }>`SELECT min(r.updated_at) AS at FROM library_resources r
    WHERE ${HARVESTABLE}`.execute(db);
  return rows[0]?.at ?? null;
}
