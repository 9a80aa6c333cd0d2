import { type RawBuilder, sql } from 'kysely';
import type { FacetName } from '../../../shared/library.schema.ts';
import type { Db } from '../../platform/db/database.ts';
import { audiencesOf, listedVisibleSql, type Viewer } from './library-viewer.ts';

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

export const FACET_NAMES: readonly FacetName[] = ['level', 'grade', 'subject', 'kind', 'licence', 'series'];

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

const COLUMNS = sql`r.id, r.kind, r.title, r.description, r.levels, r.grades, r.subjects, r.series_code,
  r.licence_code, r.language_code, r.visibility, r.status, r.school_id, r.published_at, r.view_count, r.download_count`;

/** The viewer's audiences as a condition on library_search_facet_cells or library_search_docs `r`. */
function audienceSql(viewer: Viewer): RawBuilder<boolean> {
  const audiences = audiencesOf(viewer);
  return audiences ? sql<boolean>`r.audience = ANY(${audiences}::text[])` : sql<boolean>`true`;
}

/**
 * One page of what the viewer may find, in the order asked. With words and sorted by relevance
 * or date, the page's ids are chosen in library_search_docs (narrow; library_search_docs_fts /
 * _trgm) and only those rows read from library_resources; otherwise library_resources is read
 * through library_resources_newest / _most_used and the filter indexes.
 */
export async function searchPage(db: Db, viewer: Viewer, spec: SearchSpec): Promise<SearchRow[]> {
  const filters = FACET_NAMES.map((n) => filterSql(n, spec.filters)).filter((c) => c !== null);
  if (spec.match.by !== 'none' && spec.sort !== 'most_used') {
    const relevance = spec.sort === 'relevance';
    const { rows } = await sql<SearchRow>`
      WITH top AS (
        SELECT r.id, ${relevance ? rankSql(spec.match) : sql`0`}::real AS rank, r.published_at
        FROM library_search_docs r
        WHERE ${and([audienceSql(viewer), matchSql(spec.match), ...filters])}
        ORDER BY rank DESC, r.published_at DESC, r.id
        LIMIT ${spec.limit} OFFSET ${spec.offset}
      )
      SELECT ${COLUMNS} FROM top JOIN library_resources r ON r.id = top.id
      ORDER BY top.rank DESC, top.published_at DESC, top.id`.execute(db);
    return rows;
  }
  const where = and([listedVisibleSql(viewer), matchSql(spec.match), ...filters]);
  const order =
    spec.sort === 'most_used'
      ? sql`r.used_count DESC, r.id`
      : spec.sort === 'relevance' && spec.match.by !== 'none'
        ? sql`${rankSql(spec.match)} DESC, r.published_at DESC, r.id`
        : sql`r.published_at DESC, r.id`;
  const { rows } = await sql<SearchRow>`
    SELECT ${COLUMNS}
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

/** The facets whose counts, and whether the total, one search needs from the counting below. */
export interface FacetAsk {
  facets: readonly FacetName[];
  total: boolean;
}

/**
 * Every asked facet's counts and the total in one statement and one pass over the matched set.
 * A facet's counts apply every filter except its own, so that choosing "Toán" still shows how
 * many there are in "Vật lí" (the usual faceted-search convention). A row counts in some facet
 * only if it fails at most one filter (its own facet's): each row is read once, `miss` naming
 * the one filter it fails (or none), and aggregated once with GROUPING SETS, one count per facet
 * (FILTER on miss). Array facets are grouped by the whole array, then unnested (few distinct
 * arrays), which counts every element as unnest would.
 *
 * With words, the rows are those of library_search_docs (0017: a narrow copy of the listed
 * resources' audience, facet values and search keys) matched through library_search_docs_fts
 * (GIN on search_vector) or library_search_docs_trgm (GIN gin_trgm_ops on title_key). Without words, they are the precomputed cells
 * of library_search_facet_cells (0017: one row per audience and combination of facet values, with its
 * number n), which hold every listed resource a few times more compactly.
 */
export async function searchFacets(db: Db, viewer: Viewer, spec: SearchSpec, ask: FacetAsk): Promise<FacetRow[]> {
  if (ask.facets.length === 0 && !ask.total) return [];
  const cells = spec.match.by === 'none';
  const present = FACET_NAMES.filter((n) => filterSql(n, spec.filters) !== null);
  const holds = (n: FacetName) => sql<boolean>`coalesce(${filterSql(n, spec.filters)}, false)`;
  // "Fails at most one filter", spelled as an OR of ANDs.
  const nearlyAll =
    present.length >= 2
      ? sql`AND (${sql.join(
          present.map((skip) => and(present.filter((n) => n !== skip).map(holds))),
          sql` OR `,
        )})`
      : sql``;
  const miss =
    present.length === 0
      ? sql`NULL::text`
      : sql`CASE ${sql.join(
          present.map((n) => sql`WHEN NOT ${holds(n)} THEN ${n}::text`),
          sql` `,
        )} END`;
  const source = cells
    ? sql`SELECT r.levels, r.grades, r.subjects, r.kind, r.licence_code, r.series_code, r.n, ${miss} AS miss
        FROM library_search_facet_cells r
        WHERE r.n > 0 AND ${audienceSql(viewer)} ${nearlyAll}`
    : sql`SELECT r.levels, r.grades, r.subjects, r.kind, r.licence_code, r.series_code, 1 AS n, ${miss} AS miss
        FROM library_search_docs r
        WHERE ${audienceSql(viewer)} AND ${matchSql(spec.match)} ${nearlyAll}`;
  const columns: Record<FacetName, string> = {
    level: 'levels',
    grade: 'grades',
    subject: 'subjects',
    kind: 'kind',
    licence: 'licence_code',
    series: 'series_code',
  };
  const arrays = new Set<FacetName>(['level', 'grade', 'subject']);
  const sets = ask.facets.map((f) => sql`(${sql.ref(`b.${columns[f]}`)})`);
  if (ask.total) sets.push(sql`()`);
  const counts = FACET_NAMES.map(
    (f) => sql`sum(b.n) FILTER (WHERE b.miss IS NULL OR b.miss = ${f}::text) AS ${sql.ref(`n_${f}`)}`,
  );
  // GROUPING(...) of a set is a bit mask over the grouped columns: 0 for the set's own, 1 for the others.
  const grouped = ask.facets;
  const all = grouped.map((f) => sql.ref(`b.${columns[f]}`));
  const maskOf = (f: FacetName | null) =>
    grouped.reduce((m, g, i) => (g === f ? m : m | (1 << (grouped.length - 1 - i))), 0);
  const out = ask.facets.map((f) => {
    const col = sql.ref(`g.${columns[f]}`);
    const n = sql.ref(`g.n_${f}`);
    return arrays.has(f)
      ? sql`SELECT ${f}::text AS facet, v::text AS value, sum(${n})::int AS count
          FROM g, unnest(${col}) v WHERE g.gs = ${maskOf(f)} AND ${n} > 0 GROUP BY v`
      : sql`SELECT ${f}::text, ${col}::text, ${n}::int FROM g
          WHERE g.gs = ${maskOf(f)} AND ${col} IS NOT NULL AND ${n} > 0`;
  });
  if (ask.total) out.push(sql`SELECT '_total', '', coalesce(sum(g.n_all), 0)::int FROM g WHERE g.gs = ${maskOf(null)}`);
  const { rows } = await sql<FacetRow>`
    WITH b AS (${source}),
    g AS (
      SELECT ${all.length > 0 ? sql`GROUPING(${sql.join(all)})` : sql`0`} AS gs, ${sql.join([...all, ...counts])},
        sum(b.n) FILTER (WHERE b.miss IS NULL) AS n_all
      FROM b GROUP BY GROUPING SETS (${sql.join(sets)})
    )
    ${sql.join(out, sql` UNION ALL `)}`.execute(db);
  return rows;
}

/**
 * Facet counts of everything the viewer may see, from the precomputed library_search_facet_counts
 * (primary key (audience, facet, value): an index range per audience), which triggers keep in
 * the transaction of every change to library_resources. Exact, and independent of the size of
 * the library: the browse page and a facet whose only filter is its own read these.
 */
export async function precomputedFacets(db: Db, viewer: Viewer, ask: FacetAsk): Promise<FacetRow[]> {
  const facets: string[] = [...ask.facets, ...(ask.total ? ['_total'] : [])];
  if (facets.length === 0) return [];
  const audiences = audiencesOf(viewer);
  const { rows } = await sql<FacetRow>`
    SELECT c.facet, c.value, sum(c.count)::int AS count
    FROM library_search_facet_counts c
    WHERE c.facet = ANY(${facets}::text[]) AND c.count > 0
      ${audiences ? sql`AND c.audience = ANY(${audiences}::text[])` : sql``}
    GROUP BY c.facet, c.value`.execute(db);
  return rows;
}

export interface TermInVocabulary {
  term: string;
  /** Some word of the listed documents begins with the term (library_search_words_prefix). */
  known: boolean;
  /** The words nearest to the term by trigram similarity (pg_trgm `%`, library_search_words_trgm), best first. */
  similar: string[];
}

/** How the typed words stand against the library's vocabulary (0017 library_search_words). */
export async function vocabulary(db: Db, terms: readonly string[], limit: number): Promise<TermInVocabulary[]> {
  if (terms.length === 0) return [];
  const { rows } = await sql<TermInVocabulary>`
    SELECT t.term,
      EXISTS (SELECT 1 FROM library_search_words w
              WHERE w.word ~>=~ t.term AND w.word ~<~ (t.term || '~') AND w.n > 0) AS known,
      ARRAY(SELECT w.word FROM library_search_words w WHERE w.word % t.term AND w.n > 0
            ORDER BY similarity(w.word, t.term) DESC, w.n DESC, w.word LIMIT ${limit}) AS similar
    FROM unnest(${terms}::text[]) WITH ORDINALITY t(term, i)
    ORDER BY t.i`.execute(db);
  return rows;
}

/** library_search_generation (0017): grows in the transaction of every change to what search finds. */
export async function searchGeneration(db: Db): Promise<string> {
  const { rows } = await sql<{ n: string }>`SELECT n FROM library_search_generation`.execute(db);
  return rows[0]?.n ?? '0';
}
