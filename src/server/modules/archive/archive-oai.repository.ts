import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/**
 * What OAI-PMH harvests of the archive: descriptions of public files only. Pages follow
 * (updated_at, id), the exact timestamp kept as text in the token (as the library's provider).
 * A file made non-public simply leaves the list (deletedRecord "no").
 */
export interface ArchiveOaiRow {
  id: string;
  stamp: string;
  updated_at: Date;
  code: string;
  title: string;
  keywords: string[];
  language: string;
  start_date: string;
  end_date: string;
  creator_unit_name: string;
  fonds_name: string;
  document_count: number;
  retention_years: number | null;
}

export interface Range {
  from: string | null;
  until: string | null;
}

const SELECT = sql`x.id,
  to_char(x.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS stamp,
  x.updated_at, x.code, x.title, x.keywords, x.language, x.start_date, x.end_date,
  x.creator_unit_name, f.name AS fonds_name, x.document_count, x.retention_years
  FROM archive_files x JOIN archive_fonds f ON f.id = x.fonds_id`;

function rangeSql(range: Range) {
  const from = range.from ? sql`AND x.updated_at >= ${range.from}::timestamptz` : sql``;
  const until = range.until ? sql`AND x.updated_at < ${range.until}::timestamptz` : sql``;
  return sql`${from} ${until}`;
}

/** One page after `after` in (updated_at, id) order; a scan of the public subset, `limit` rows at a time. */
export async function listPage(db: Db, range: Range, after: { at: string; id: string } | null, limit: number) {
  const cursor = after ? sql`AND (x.updated_at, x.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``;
  const { rows } = await sql<ArchiveOaiRow>`SELECT ${SELECT}
    WHERE x.access_level = 'public' ${rangeSql(range)} ${cursor}
    ORDER BY x.updated_at, x.id LIMIT ${limit}`.execute(db);
  return rows;
}

export async function countList(db: Db, range: Range): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM archive_files x
    WHERE x.access_level = 'public' ${rangeSql(range)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function findOne(db: Db, id: string): Promise<ArchiveOaiRow | undefined> {
  const { rows } = await sql<ArchiveOaiRow>`SELECT ${SELECT}
    WHERE x.access_level = 'public' AND x.id = ${id}::uuid`.execute(db);
  return rows[0];
}

export async function earliest(db: Db): Promise<Date | null> {
  const { rows } = await sql<{ at: Date | null }>`SELECT min(updated_at) AS at FROM archive_files
    WHERE access_level = 'public'`.execute(db);
  return rows[0]?.at ?? null;
}
