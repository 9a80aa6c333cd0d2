import { type RawBuilder, sql } from 'kysely';
import type { FacetName } from '../../../shared/library.schema.ts';
import type { Db } from '../../platform/db/database.ts';
import { audiencesOf, type Viewer } from './library-viewer.ts';

export interface SearchFilters {
  level?: string[];
  grade?: number[];
  subject?: string[];
  kind?: string[];
  licence?: string[];
  series?: string[];
}

/**
 * How the words are matched. Full text: every term must begin some word of the document's
 * search text (title, keywords, description, subject names, grades, folded); a term is a list
 * of alternatives, one of which must (the typed word, then its corrections). Trigram: word
 * similarity of the folded query to the folded title (the last resort for typos). None: browsing.
 */
export type Match = { by: 'fulltext'; terms: string[][] } | { by: 'trigram'; text: string } | { by: 'none' };

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

export const FACET_NAMES: readonly FacetName[] = ['level', 'grade', 'subject', 'kind', 'licence', 'series'];

/** The filter values of one facet as the text values of the bitmaps (grades as '10'), or null when not filtered. */
function filterValues(name: FacetName, f: SearchFilters): string[] | null {
  const v = f[name];
  return v?.length ? v.map(String) : null;
}

const COLUMNS = sql`r.id, r.kind, r.title, r.description, r.levels, r.grades, r.subjects, r.series_code,
  r.licence_code, r.language_code, r.visibility, r.status, r.school_id, r.published_at, r.view_count, r.download_count`;

// ── The bitmap index (0020: library_search_index) ──────────────────────────────────────────────
// A document's number doc_no is bit (doc_no & 32767) of chunk (doc_no >> 15), 32,768 bits a
// chunk. Every CTE below holds one row per chunk (or per chunk and class), only for the chunks
// where something is set.

const ZERO = sql`repeat('0', 32768)::bit(32768)`;
/** A typed word of at most this many characters is one 'prefix' bitmap; a longer one the OR of the 'word' bitmaps it begins. */
const PREFIX_MAX = 3;
/** The classes of the words' bitmaps: anywhere, in the title (weight A), in the title or keywords (A, B). */
type WordClass = 'any' | 'title' | 'head';
const SUFFIX: Record<WordClass, string> = { any: '', title: '_title', head: '_head' };

/** One alternative of one term in one class: its bitmap rows (a primary-key lookup or range). */
function alternativeRows(term: number, cls: WordClass, alt: string): RawBuilder<unknown> {
  const head = sql`SELECT ${term}::int AS term, ${cls}::text AS cls, b.chunk, b.bits FROM library_search_index.bitmaps b`;
  if (alt.length <= PREFIX_MAX) return sql`${head} WHERE b.facet = ${`prefix${SUFFIX[cls]}`} AND b.value = ${alt}`;
  // Every word beginning with alt: a range of the primary key (value is COLLATE "C").
  return sql`${head} WHERE b.facet = ${`word${SUFFIX[cls]}`} AND b.value >= ${alt} AND b.value < ${`${alt}\u{10FFFF}`}
    AND starts_with(b.value, ${alt})`;
}

/**
 * `matched (cls, chunk, bits)`: per class, the documents where every term has one of its
 * alternatives (OR within a term, AND across terms; a chunk some term lacks is left out).
 */
function matchedCte(terms: string[][], classes: readonly WordClass[]): RawBuilder<unknown> {
  const rows = terms.flatMap((alts, i) => classes.flatMap((c) => alts.map((a) => alternativeRows(i, c, a))));
  return sql`term_bits AS (
      SELECT t.term, t.cls, t.chunk, bit_or(t.bits) AS bits FROM (${sql.join(rows, sql` UNION ALL `)}) t
      GROUP BY 1, 2, 3
    ),
    matched AS (
      SELECT cls, chunk, bit_and(bits) AS bits FROM term_bits GROUP BY 1, 2 HAVING count(*) = ${terms.length}
    )`;
}

/** `aud (chunk, bits)`: what the viewer may read (0017's audiences). */
function audienceCte(viewer: Viewer): RawBuilder<unknown> {
  const audiences = audiencesOf(viewer);
  return sql`aud AS (
      SELECT chunk, bit_or(bits) AS bits FROM library_search_index.bitmaps
      WHERE facet = 'audience' ${audiences ? sql`AND value = ANY(${audiences}::text[])` : sql``}
      GROUP BY chunk
    )`;
}

const filterCte = (name: FacetName, values: string[]) =>
  sql`${sql.ref(`f_${name}`)} AS (
      SELECT chunk, bit_or(bits) AS bits FROM library_search_index.facets
      WHERE facet = ${name} AND value = ANY(${values}::text[]) GROUP BY chunk
    )`;

/**
 * The CTEs every bitmap search starts with, ending in `base (chunk, b0, f_<facet>…)`: b0 the
 * documents the viewer may read that match the words, and one column per set filter (the
 * documents with one of its values, NULL where none). `filtered(except)` is the expression of
 * b0 with every filter applied but `except`'s.
 */
function bitmapBase(viewer: Viewer, spec: SearchSpec, classes: readonly WordClass[]) {
  const set = FACET_NAMES.map((n) => [n, filterValues(n, spec.filters)] as const).filter(
    (e): e is readonly [FacetName, string[]] => e[1] !== null,
  );
  const words = spec.match.by === 'fulltext' ? spec.match.terms : null;
  const ctes = [
    audienceCte(viewer),
    ...(words ? [matchedCte(words, classes)] : []),
    ...set.map(([n, v]) => filterCte(n, v)),
    sql`base AS MATERIALIZED (
      SELECT a.chunk, ${words ? sql`a.bits & m.bits` : sql`a.bits`} AS b0
        ${sql.join(
          set.map(([n]) => sql`, ${sql.ref(`${n}_f.bits`)} AS ${sql.ref(`f_${n}`)}`),
          sql``,
        )}
      FROM aud a
      ${words ? sql`JOIN matched m ON m.chunk = a.chunk AND m.cls = 'any'` : sql``}
      ${sql.join(
        set.map(
          ([n]) => sql`LEFT JOIN ${sql.ref(`f_${n}`)} AS ${sql.ref(`${n}_f`)} ON ${sql.ref(`${n}_f.chunk`)} = a.chunk`,
        ),
        sql` `,
      )}
    )`,
  ];
  const filtered = (except: FacetName | null) =>
    set
      .filter(([n]) => n !== except)
      .reduce<RawBuilder<unknown>>(
        (acc, [n]) => sql`(${acc} & coalesce(${sql.ref(`base.f_${n}`)}, ${ZERO}))`,
        sql.ref('base.b0'),
      );
  return { ctes, filtered };
}

/** The matched set of a bitmap search is empty before any bitmap is read: some term has no alternative. */
const hopeless = (spec: SearchSpec) => spec.match.by === 'fulltext' && spec.match.terms.some((t) => t.length === 0);

/**
 * One page of what the viewer may find, in the order asked. Relevance is a tier, then newest
 * first: (1) every word found in the title, (2) every word in the title or the keywords,
 * (3) the rest. The documents are found in the bitmaps (bitmapBase), counted per tier, and each
 * tier's first rows that the page needs are read in order by library_search_index.newest or
 * .most_used (0020: through the order's index when the tier is dense, by listing its numbers
 * when it is sparse). Trigram matches are read from the rows.
 */
export async function searchPage(db: Db, viewer: Viewer, spec: SearchSpec): Promise<SearchRow[]> {
  if (spec.match.by === 'trigram') return trigramPage(db, viewer, spec, spec.match.text);
  if (hopeless(spec)) return [];
  const tiered = spec.sort === 'relevance' && spec.match.by === 'fulltext';
  const { ctes, filtered } = bitmapBase(viewer, spec, tiered ? ['any', 'title', 'head'] : ['any']);
  const r = tiered
    ? sql`r AS MATERIALIZED (
        SELECT x.chunk, x.r, x.r & coalesce(mt.bits, ${ZERO}) AS t, x.r & coalesce(mh.bits, ${ZERO}) AS h
        FROM (SELECT base.chunk, ${filtered(null)} AS r FROM base) x
        LEFT JOIN matched mt ON mt.chunk = x.chunk AND mt.cls = 'title'
        LEFT JOIN matched mh ON mh.chunk = x.chunk AND mh.cls = 'head'
      )`
    : sql`r AS MATERIALIZED (SELECT base.chunk, ${filtered(null)} AS r FROM base)`;
  // Each tier's bitmap per chunk: title, then title or keywords but not title, then the rest.
  const tier = tiered ? sql`CASE k.tier WHEN 1 THEN r.t WHEN 2 THEN r.h & ~r.t ELSE r.r & ~r.h END` : sql`r.r`;
  const end = spec.offset + spec.limit;
  // A tier's need: its first rows up to the page's end, less the tiers before it.
  const plan = sql`tiers AS (
      SELECT k.tier, array_agg(r.chunk ORDER BY r.chunk) AS chunks, array_agg(${tier} ORDER BY r.chunk) AS bits,
        sum(bit_count(${tier}))::bigint AS n
      FROM r, generate_series(1, ${tiered ? 3 : 1}) k(tier) GROUP BY k.tier
    ),
    plan AS (
      SELECT t.tier, t.chunks, t.bits, t.n,
        greatest(0, least(t.n, ${end} - coalesce(sum(t.n) OVER (ORDER BY t.tier ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)))::int AS need
      FROM tiers t
    )`;
  const { rows } =
    spec.sort === 'most_used'
      ? await sql<SearchRow>`
          WITH ${sql.join([...ctes, r, plan], sql`, `)}
          SELECT ${COLUMNS} FROM plan, library_search_index.most_used(plan.chunks, plan.bits, plan.n, plan.need) p
          JOIN library_resources r ON r.id = p.id
          ORDER BY r.used_count DESC, r.id LIMIT ${spec.limit} OFFSET ${spec.offset}`.execute(db)
      : await sql<SearchRow>`
          WITH ${sql.join([...ctes, r, plan], sql`, `)}
          SELECT ${COLUMNS} FROM plan, library_search_index.newest(plan.chunks, plan.bits, plan.n, plan.need) p
          JOIN library_resources r ON r.id = p.id
          ORDER BY plan.tier, p.published_at DESC, p.id LIMIT ${spec.limit} OFFSET ${spec.offset}`.execute(db);
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
 * Every asked facet's counts and the total in one statement. A facet's counts apply every
 * filter except its own, so that choosing "Toán" still shows how many there are in "Vật lí"
 * (the usual faceted-search convention). Over the bitmaps: per chunk, the matched documents
 * with every other filter applied, ANDed with each value's bitmap and counted (bit_count).
 * Exact, and its cost is the number of facet values times the number of chunks, whatever the
 * number of matches. Trigram matches are counted over the rows.
 */
export async function searchFacets(db: Db, viewer: Viewer, spec: SearchSpec, ask: FacetAsk): Promise<FacetRow[]> {
  if (ask.facets.length === 0 && !ask.total) return [];
  if (spec.match.by === 'trigram') return trigramFacets(db, viewer, spec.match.text, spec.filters, ask);
  if (hopeless(spec)) return ask.total ? [{ facet: '_total', value: '', count: 0 }] : [];
  const { ctes, filtered } = bitmapBase(viewer, spec, ['any']);
  // A facet's own filter left out: a column of its own only for a filtered facet; the others see b_all.
  const own = ask.facets.filter((f) => filterValues(f, spec.filters) !== null);
  const per = sql`per AS MATERIALIZED (
      SELECT base.chunk, ${filtered(null)} AS b_all
        ${sql.join(
          own.map((f) => sql`, ${filtered(f)} AS ${sql.ref(`b_${f}`)}`),
          sql``,
        )}
      FROM base
    )`;
  const counted =
    own.length === 0
      ? sql`per.b_all`
      : sql`CASE v.facet ${sql.join(
          own.map((f) => sql`WHEN ${f} THEN ${sql.ref(`per.b_${f}`)}`),
          sql` `,
        )} ELSE per.b_all END`;
  const parts: RawBuilder<unknown>[] = [];
  // OFFSET 0: each pair is counted where it is read; only (facet, value, n) go on to be grouped.
  if (ask.facets.length > 0)
    parts.push(sql`SELECT c.facet, c.value, sum(c.n)::int AS count FROM (
        SELECT v.facet, v.value::text AS value, bit_count(${counted} & v.bits) AS n
        FROM per JOIN library_search_index.facets v ON v.chunk = per.chunk AND v.facet = ANY(${[...ask.facets]}::text[])
        OFFSET 0
      ) c GROUP BY 1, 2 HAVING sum(c.n) > 0`);
  if (ask.total) parts.push(sql`SELECT '_total', '', coalesce(sum(bit_count(per.b_all)), 0)::int FROM per`);
  const { rows } = await sql<FacetRow>`
    WITH ${sql.join([...ctes, per], sql`, `)}
    ${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  return rows;
}

// ── The trigram fallback, over the rows ───────────────────────────────────────────────────────

/** Each filter as a condition on a row `r` of library_search_docs; several values of one filter are alternatives (OR). */
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

function and(parts: RawBuilder<boolean>[]): RawBuilder<boolean> {
  return parts.length === 0 ? sql`true` : sql`(${sql.join(parts, sql` AND `)})`;
}

/** The viewer's audiences as a condition on a row `r` of library_search_docs. */
function audienceSql(viewer: Viewer): RawBuilder<boolean> {
  const audiences = audiencesOf(viewer);
  return audiences ? sql<boolean>`r.audience = ANY(${audiences}::text[])` : sql<boolean>`true`;
}

/** Titles similar to the text (word similarity, library_search_docs_trgm), most similar first. */
async function trigramPage(db: Db, viewer: Viewer, spec: SearchSpec, text: string): Promise<SearchRow[]> {
  const filters = FACET_NAMES.map((n) => filterSql(n, spec.filters)).filter((c) => c !== null);
  const where = and([audienceSql(viewer), sql`${text} <% r.title_key`, ...filters]);
  if (spec.sort === 'most_used') {
    const { rows } = await sql<SearchRow>`
      SELECT ${COLUMNS} FROM library_resources r
      WHERE r.id IN (SELECT r.id FROM library_search_docs r WHERE ${where})
      ORDER BY r.used_count DESC, r.id LIMIT ${spec.limit} OFFSET ${spec.offset}`.execute(db);
    return rows;
  }
  const rank = spec.sort === 'relevance' ? sql`word_similarity(${text}, r.title_key)` : sql`0`;
  const { rows } = await sql<SearchRow>`
    WITH top AS (
      SELECT r.id, ${rank}::real AS rank, r.published_at FROM library_search_docs r WHERE ${where}
      ORDER BY rank DESC, r.published_at DESC, r.id LIMIT ${spec.limit} OFFSET ${spec.offset}
    )
    SELECT ${COLUMNS} FROM top JOIN library_resources r ON r.id = top.id
    ORDER BY top.rank DESC, top.published_at DESC, top.id`.execute(db);
  return rows;
}

/**
 * Facet counts over the rows matched by title similarity, in one pass: a row counts in some
 * facet only if it fails at most one filter (its own facet's), `miss` naming the one it fails,
 * and is aggregated once with GROUPING SETS, one count per facet (FILTER on miss).
 */
async function trigramFacets(
  db: Db,
  viewer: Viewer,
  text: string,
  filters: SearchFilters,
  ask: FacetAsk,
): Promise<FacetRow[]> {
  const present = FACET_NAMES.filter((n) => filterSql(n, filters) !== null);
  const holds = (n: FacetName) => sql<boolean>`coalesce(${filterSql(n, filters)}, false)`;
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
    (f) => sql`count(*) FILTER (WHERE b.miss IS NULL OR b.miss = ${f}::text) AS ${sql.ref(`n_${f}`)}`,
  );
  const grouped = ask.facets;
  const all = grouped.map((f) => sql.ref(`b.${columns[f]}`));
  // GROUPING(...) of a set is a bit mask over the grouped columns: 0 for the set's own, 1 for the others.
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
    WITH b AS (
      SELECT r.levels, r.grades, r.subjects, r.kind, r.licence_code, r.series_code, ${miss} AS miss
      FROM library_search_docs r
      WHERE ${audienceSql(viewer)} AND ${text} <% r.title_key ${nearlyAll}
    ),
    g AS (
      SELECT ${all.length > 0 ? sql`GROUPING(${sql.join(all)})` : sql`0`} AS gs, ${sql.join([...all, ...counts])},
        count(*) FILTER (WHERE b.miss IS NULL) AS n_all
      FROM b GROUP BY GROUPING SETS (${sql.join(sets)})
    )
    ${sql.join(out, sql` UNION ALL `)}`.execute(db);
  return rows;
}

// ── Precomputed counts, vocabulary, generation ────────────────────────────────────────────────

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
  /**
   * The nearest words, best first: the words one edit away (a letter dropped, added, changed, or
   * two neighbours swapped: the usual typos), most frequent first, then for a term of 3
   * characters or more the words most similar by trigrams (pg_trgm `%`, library_search_words_trgm).
   */
  similar: string[];
}

/**
 * How the typed words stand against the library's vocabulary (0017 library_search_words: one
 * row per word of the listed documents, a few thousand rows, not the documents). The words one
 * edit away are looked up by primary key among the term's variants (about 75 per letter).
 */
export async function vocabulary(db: Db, terms: readonly string[], limit: number): Promise<TermInVocabulary[]> {
  if (terms.length === 0) return [];
  const { rows } = await sql<TermInVocabulary>`
    WITH t AS MATERIALIZED (
      SELECT t.term, t.i, EXISTS (SELECT 1 FROM library_search_words w
        WHERE w.word ~>=~ t.term AND w.word ~<~ (t.term || '~') AND w.n > 0) AS known
      FROM unnest(${terms}::text[]) WITH ORDINALITY t(term, i)
    ),
    unknown AS (SELECT term, i FROM t WHERE NOT known),
    letters AS (SELECT chr(c) AS c FROM generate_series(97, 122) c UNION ALL SELECT chr(c) FROM generate_series(48, 57) c),
    variants AS (
      SELECT t.i, left(t.term, k) || substr(t.term, k + 2) AS v FROM unknown t, generate_series(0, length(t.term) - 1) k
      UNION SELECT t.i, left(t.term, k) || substr(t.term, k + 2, 1) || substr(t.term, k + 1, 1) || substr(t.term, k + 3)
        FROM unknown t, generate_series(0, length(t.term) - 2) k
      UNION SELECT t.i, left(t.term, k) || l.c || substr(t.term, k + 2) FROM unknown t, generate_series(0, length(t.term) - 1) k, letters l
      UNION SELECT t.i, left(t.term, k) || l.c || substr(t.term, k + 1) FROM unknown t, generate_series(0, length(t.term)) k, letters l
    ),
    near AS (
      SELECT v.i, w.word, 2.0::float8 AS score
      FROM variants v JOIN library_search_words w ON w.word = v.v
      WHERE w.n > 0 AND v.v <> ''
      UNION ALL
      SELECT t.i, w.word, similarity(w.word, t.term)
      FROM unknown t JOIN library_search_words w ON w.word % t.term
      WHERE length(t.term) >= 3 AND w.n > 0
    )
    SELECT t.term, t.known,
      ARRAY(SELECT n.word FROM near n JOIN library_search_words w ON w.word = n.word
            WHERE n.i = t.i AND n.word <> t.term
            GROUP BY n.word, w.n ORDER BY max(n.score) DESC, w.n DESC, n.word LIMIT ${limit}) AS similar
    FROM t ORDER BY t.i`.execute(db);
  return rows;
}

/** library_search_generation (0017): grows in the transaction of every change to what search finds. */
export async function searchGeneration(db: Db): Promise<string> {
  const { rows } = await sql<{ n: string }>`SELECT n FROM library_search_generation`.execute(db);
  return rows[0]?.n ?? '0';
}
