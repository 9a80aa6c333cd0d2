import { type RawBuilder, sql } from 'kysely';
import type { FacetName } from '../../../shared/library.schema.ts';
import type { Db } from '../../platform/db/database.ts';
import { listedVisibleSql, type Viewer } from './library-viewer.ts';

export interface SearchFilters {
  level?: string[];
  grade?: number[];
  subject?: string[];
  kind?: string[];
  licence?: string[];
  series?: string[];
}

/** How the words are matched: full text (tsquery), trigram word similarity on titles, or not at all (browse). */
export type Match = { by: 'fulltext'; tsquery: string } | { by: 'trigram'; text: string } | { by: 'none' };

export interface SearchSpec {
  match: Match;
  filters: SearchFilters;
  sort: 'relevance' | 'newest' | 'most_used';
  limit: number;
  offset: number;
}

export interface SearchRow {
  id: string;
  kind: string;
  title: string;
  description: string;
  levels: string[];
  grades: number[];
  subjects: string[];
  series_code: string | null;
  licence_code: string;
  language_code: string;
  visibility: string;
  status: string;
  school_id: string;
  published_at: Date | null;
  view_count: string;
  download_count: string;
}

/** Each filter as a condition on `r`; several values of one filter are alternatives (OR). */
function filterSql(name: FacetName, f: SearchFilters): RawBuilder<boolean> | null {
  const text = (v: string[]) => sql`${v}::text[]`;
  switch (name) {
    case 'level':
      return f.level?.length ? sql`r.levels && ${text(f.level)}` : null;
    case 'grade':
      return f.grade?.length ? sql`r.grades && ${f.grade}::int[]` : null;
    case 'subject':
      return f.subject?.length ? sql`r.subjects && ${text(f.subject)}` : null;
    case 'kind':
      return f.kind?.length ? sql`r.kind = ANY(${text(f.kind)})` : null;
    case 'licence':
      return f.licence?.length ? sql`r.licence_code = ANY(${text(f.licence)})` : null;
    case 'series':
      return f.series?.length ? sql`r.series_code = ANY(${text(f.series)})` : null;
  }
}

const FACET_NAMES: readonly FacetName[] = ['level', 'grade', 'subject', 'kind', 'licence', 'series'];

/**
 * The words' condition. Full text uses library_resources_fts (GIN on search_vector, partial on
 * listed); the trigram fallback uses library_resources_trgm (GIN gin_trgm_ops on title_key)
 * through the word-similarity operator `<%`.
 */
function matchSql(m: Match): RawBuilder<boolean> {
  if (m.by === 'fulltext') return sql`r.search_vector @@ to_tsquery('simple', ${m.tsquery})`;
  if (m.by === 'trigram') return sql`${m.text} <% r.title_key`;
  return sql`true`;
}

function rankSql(m: Match): RawBuilder<number> {
  if (m.by === 'fulltext') return sql`ts_rank_cd(r.search_vector, to_tsquery('simple', ${m.tsquery}))`;
  if (m.by === 'trigram') return sql`word_similarity(${m.text}, r.title_key)`;
  return sql`0`;
}

function and(parts: RawBuilder<boolean>[]): RawBuilder<boolean> {
  return parts.length === 0 ? sql`true` : sql`(${sql.join(parts, sql` AND `)})`;
}

/** One page of what the viewer may find, in the order asked. */
export async function searchPage(db: Db, viewer: Viewer, spec: SearchSpec): Promise<SearchRow[]> {
  const filters = FACET_NAMES.map((n) => filterSql(n, spec.filters)).filter((c) => c !== null);
  const where = and([listedVisibleSql(viewer), matchSql(spec.match), ...filters]);
  const order =
    spec.sort === 'most_used'
      ? sql`r.used_count DESC, r.id`
      : spec.sort === 'relevance' && spec.match.by !== 'none'
        ? sql`${rankSql(spec.match)} DESC, r.published_at DESC, r.id`
        : sql`r.published_at DESC, r.id`;
  const { rows } = await sql<SearchRow>`
    SELECT r.id, r.kind, r.title, r.description, r.levels, r.grades, r.subjects, r.series_code, r.licence_code,
      r.language_code, r.visibility, r.status, r.school_id, r.published_at, r.view_count, r.download_count
    FROM library_resources r
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${spec.limit} OFFSET ${spec.offset}`.execute(db);
  return rows;
}

export interface FacetRow {
  facet: FacetName | '_total';
  value: string;
  count: number;
}

/**
 * Every facet's counts and the total in one statement over the matched set (visible and
 * matching the words). A facet's counts apply every filter except its own, so that choosing
 * "Toán" still shows how many there are in "Vật lí" (the usual faceted-search convention).
 */
export async function searchFacets(db: Db, viewer: Viewer, spec: SearchSpec): Promise<FacetRow[]> {
  const present = FACET_NAMES.filter((n) => filterSql(n, spec.filters) !== null);
  const flags = present.map((n) => sql`${filterSql(n, spec.filters)} AS ${sql.ref(`m_${n}`)}`);
  const except = (own: FacetName | null) =>
    and(present.filter((n) => n !== own).map((n) => sql<boolean>`${sql.ref(`m_${n}`)}`));
  const arrayFacet = (name: FacetName, column: string) =>
    sql`SELECT ${name}::text AS facet, v::text AS value, count(*)::int AS count
        FROM base, unnest(base.${sql.ref(column)}) v WHERE ${except(name)} GROUP BY v`;
  const valueFacet = (name: FacetName, column: string) =>
    sql`SELECT ${name}::text, base.${sql.ref(column)}::text, count(*)::int FROM base
        WHERE ${except(name)} AND base.${sql.ref(column)} IS NOT NULL GROUP BY base.${sql.ref(column)}`;
  // A row counts in some facet only if it fails at most one filter (its own facet's): the
  // others need not be aggregated. Exact, and it shrinks the set when two or more filters are set.
  const nearlyAll =
    present.length >= 2
      ? sql`AND (${sql.join(
          present.map((n) => sql`(${filterSql(n, spec.filters)})::int`),
          sql` + `,
        )}) >= ${present.length - 1}`
      : sql``;
  const { rows } = await sql<FacetRow>`
    WITH base AS MATERIALIZED (
      SELECT r.levels, r.grades, r.subjects, r.kind, r.licence_code, r.series_code
        ${flags.length > 0 ? sql`, ${sql.join(flags)}` : sql``}
      FROM library_resources r
      WHERE ${listedVisibleSql(viewer)} AND ${matchSql(spec.match)} ${nearlyAll}
    )
    ${arrayFacet('level', 'levels')}
    UNION ALL ${arrayFacet('grade', 'grades')}
    UNION ALL ${arrayFacet('subject', 'subjects')}
    UNION ALL ${valueFacet('kind', 'kind')}
    UNION ALL ${valueFacet('licence', 'licence_code')}
    UNION ALL ${valueFacet('series', 'series_code')}
    UNION ALL SELECT '_total', '', count(*)::int FROM base WHERE ${except(null)}`.execute(db);
  return rows;
}
