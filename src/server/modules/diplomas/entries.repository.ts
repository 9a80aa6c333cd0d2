import { type RawBuilder, sql } from 'kysely';
import type { Scope } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/db/database.ts';
import { dt } from './diplomas.tables.ts';

/** The SQL of register entries, registers and corrections (tables of 0022_diplomas.sql). */

export interface EntryRow {
  id: string;
  register_id: string;
  type_code: string;
  year: number;
  register_no: string;
  serial: string | null;
  full_name: string;
  birth_year: number;
  birth_month: number | null;
  birth_day: number | null;
  birth_place: string | null;
  gender: string | null;
  ethnicity: string | null;
  school_name: string;
  school_unit_id: string | null;
  classification: string | null;
  decision_no: string | null;
  decision_date: string | null;
  page_file_ids: string[];
  version: number;
  issuing_unit_id: string;
  issuing_unit_name: string;
}

export interface SearchFilter {
  name?: string;
  serial?: string;
  birthYear?: number;
  birthMonth?: number;
  birthDay?: number;
  year?: number;
  typeCode?: string;
  school?: string;
  registerId?: string;
  limit: number;
  offset: number;
}

/** Registers whose issuing unit is in the scope (a handful of rows: the join stays cheap). */
function inScope(scope: Scope, column: RawBuilder<unknown>): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  return sql<boolean>`${column} IN (SELECT rr.id FROM diploma_registers rr
    JOIN org_unit_closure c ON c.descendant_id = rr.issuing_unit_id WHERE c.ancestor_id = ANY(${scope.roots}::uuid[]))`;
}

/** The same normal form as the generated serial_key column. */
export function serialKeyOf(serial: string): string {
  return serial.replace(/[\s.\-/]/g, '').toUpperCase();
}

const ENTRY_COLUMNS = sql`e.id, e.register_id, e.type_code, e.year, e.register_no, e.serial, e.full_name,
  e.birth_year, e.birth_month, e.birth_day, e.birth_place, e.gender, e.ethnicity, e.school_name,
  e.school_unit_id, e.classification, e.decision_no, e.decision_date, e.page_file_ids, e.version,
  r.issuing_unit_id, r.issuing_unit_name`;

/**
 * Staff search, read in name order (name_key in C order: the key is accent-free) and stopped at
 * the page's last row (0026_diplomas_speed.sql).
 *
 * Name: every word of the query (folded by gds_search_key) is a word of the name, in any order.
 * The matches are cut, by where the name's given name (last word) and family name (first word)
 * stand, into disjoint parts merged by name:
 * - given ∈ query, first ∈ query: for each pair (g, f) of words of the query, the names whose
 *   given_key is g and that begin with f, read in name order from a range of
 *   diploma_entries_given and stopped at the page's last row. The other words (as middle
 *   words), the birth date, year, type, school, register and scope are tested on the index
 *   entry: an index-only scan.
 * - given ∈ query, first ∉ query: per g, the other words are middle words: a set through the
 *   GIN over the middle words, or the names with the given name g read in order.
 * - given ∉ query: the words are among the others: a set through the GIN over all words but
 *   the last; or split into the names beginning with a word of the query (read in order in
 *   diploma_entries_name_in_order) and those holding all the words as middle words (a set
 *   through the GIN, or the whole name order read with the words as a filter).
 * Which way each part is read is chosen from the words' statistics (firstPlan); a set that
 * turns out far larger than planned (or any set, without statistics: OTHER_AS_SET) is read in
 * order at a second attempt. The union is exactly the plain definition, whatever the plan
 * (test/integration/diplomas-search.test.ts checks it against that definition).
 *
 * Without a name: the filters over name order. Serial: equality on serial_key (unique
 * diploma_entries_serial), at most one row.
 */
export async function searchEntries(
  db: Executor,
  scope: Scope,
  f: SearchFilter,
  asSet = OTHER_AS_SET,
): Promise<EntryRow[]> {
  if (!f.name || f.serial) return searchPlain(db, scope, f);
  // The query's words and the registers in scope (a list: the plan of every part stays simple).
  const { rows } = await sql<{ words: string[]; registers: string[] | null }>`
    SELECT ARRAY(SELECT DISTINCT w FROM unnest(string_to_array(gds_search_key(${f.name}), ' ')) AS w
      WHERE w <> '' ORDER BY w) AS words,
      ${scope.all ? sql`NULL::uuid[]` : sql`ARRAY(${registersInScope(scope)})`} AS registers`.execute(db);
  const words = rows[0]?.words ?? [];
  if (words.length === 0) return searchPlain(db, scope, f);
  const registers = rows[0]?.registers ?? null;
  // Every part is taken as a set when that is the cheaper read by the statistics (or when there
  // are none); a part that overflows is read in name order instead, at the next attempt.
  const st = await wordStats(db);
  const plan = firstPlan(st, words, f);
  // Without statistics, a set found larger than asSet is read in order at the next attempt;
  // with them, the plan stands unless a set is far beyond what the statistics said.
  const cap = st && asSet === OTHER_AS_SET ? 50 * asSet : asSet;
  for (;;) {
    const r = await searchByName(db, registers, f, words, plan, cap);
    if (r.overflowing.length === 0) return r.rows;
    const before = JSON.stringify([...plan.walkGiven, plan.split, plan.middleWalk]);
    for (const part of r.overflowing) {
      if (part.startsWith('given:')) for (const g of words) plan.walkGiven.add(g);
      else if (part === 'other') plan.split = true;
      else if (part === 'middle') plan.middleWalk = true;
    }
    if (JSON.stringify([...plan.walkGiven, plan.split, plan.middleWalk]) === before) return r.rows;
  }
}

/** Rows a part may have to be taken as a set; beyond that, it is read in name order. */
export const OTHER_AS_SET = 1000;

/**
 * How often each word stands anywhere in a name, as the given name and as the family name
 * (pg_stats of name_words and given_key, the expression statistics diploma_entries_first_word
 * of 0026), and how the years spread: enough to tell, before reading, whether a part of a name
 * search is a few rows (a set) or many (read in name order). Read again every ten minutes.
 */
interface WordStats {
  rows: number;
  any: Map<string, number>;
  given: Map<string, number>;
  first: Map<string, number>;
  years: number;
  birthYears: number;
  schools: number;
}

const statsCache = new WeakMap<Executor, { at: number; value: Promise<WordStats | null> }>();

function wordStats(db: Executor): Promise<WordStats | null> {
  const hit = statsCache.get(db);
  if (hit && Date.now() - hit.at < 600_000) return hit.value;
  const value = loadWordStats(db).catch(() => null);
  statsCache.set(db, { at: Date.now(), value });
  return value;
}

async function loadWordStats(db: Executor): Promise<WordStats | null> {
  const { rows } = await sql<{
    rows: number | null;
    any_words: string[] | null;
    any_freqs: number[] | null;
    given_words: string[] | null;
    given_freqs: number[] | null;
    first_words: string[] | null;
    first_freqs: number[] | null;
    years: number | null;
    birth_years: number | null;
    schools: number | null;
  }>`
    WITH st AS (SELECT * FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'diploma_entries')
    SELECT (SELECT reltuples FROM pg_class WHERE oid = 'diploma_entries'::regclass)::float8 AS rows,
      (SELECT most_common_elems::text::text[] FROM st WHERE attname = 'name_words') AS any_words,
      (SELECT most_common_elem_freqs FROM st WHERE attname = 'name_words')::float8[] AS any_freqs,
      (SELECT most_common_vals::text::text[] FROM st WHERE attname = 'given_key') AS given_words,
      (SELECT most_common_freqs FROM st WHERE attname = 'given_key')::float8[] AS given_freqs,
      (SELECT most_common_vals::text::text[] FROM pg_stats_ext_exprs
        WHERE statistics_name = 'diploma_entries_first_word' LIMIT 1) AS first_words,
      (SELECT most_common_freqs FROM pg_stats_ext_exprs
        WHERE statistics_name = 'diploma_entries_first_word' LIMIT 1)::float8[] AS first_freqs,
      (SELECT n_distinct FROM st WHERE attname = 'year')::float8 AS years,
      (SELECT n_distinct FROM st WHERE attname = 'birth_year')::float8 AS birth_years,
      (SELECT n_distinct FROM st WHERE attname = 'school_key')::float8 AS schools`.execute(db);
  const r = rows[0];
  if (!r?.rows || r.rows < 10_000 || !r.any_words || !r.any_freqs) return null;
  const map = (ws: string[] | null, fs: number[] | null) => new Map((ws ?? []).map((w, i) => [w, fs?.[i] ?? 0]));
  const distinct = (n: number | null) => (n === null ? 1 : n < 0 ? Math.max(1, -n * r.rows!) : Math.max(1, n));
  return {
    rows: r.rows,
    any: map(r.any_words, r.any_freqs),
    given: map(r.given_words, r.given_freqs),
    first: map(r.first_words, r.first_freqs),
    years: distinct(r.years),
    birthYears: distinct(r.birth_years),
    schools: distinct(r.schools),
  };
}

/**
 * The first plan, by a small cost model over the words' shares (independent words): a set
 * costs the GIN's rarest list (cheap per item) and a heap visit per row of the GIN's answer; a
 * walk costs the index entries it reads to fill the page (the page over the matches' density in
 * its range, at most the whole range). Each part takes the cheaper.
 */
function firstPlan(st: WordStats | null, words: string[], f: SearchFilter): Plan {
  const plan: Plan = { walkGiven: new Set(), split: false, middleWalk: false };
  if (!st) return plan;
  const n = st.rows;
  const top = f.limit + f.offset;
  const sel =
    (f.year ? 1 / st.years : 1) *
    (f.birthYear ? 1 / st.birthYears : 1) *
    (f.school ? 1 / st.schools : 1) *
    (f.birthMonth ? 1 / 12 : 1) *
    (f.birthDay ? 1 / 28 : 1);
  const floor = 0.5 / n; // a word the statistics do not list: rare
  const any = (w: string) => st.any.get(w) ?? floor;
  const given = (w: string) => st.given.get(w) ?? floor;
  const first = (w: string) => st.first.get(w) ?? floor;
  const head = (w: string) => Math.max(floor, any(w) - given(w));
  const middle = (w: string) => Math.max(floor, any(w) - given(w) - first(w));
  const product = (xs: number[]) => xs.reduce((a, b) => a * b, 1);
  const setCost = (lists: number[], rows: number) => 0.02 * n * Math.min(...lists) + n * rows;
  // The matches of several words are taken as ten times fewer than independence says before a
  // walk is trusted with them: names' words go together (Văn with Thị seldom), and a walk that
  // finds fewer matches than hoped reads its whole range, where a set only reads more rows.
  const k = words.length > 1 ? 10 : 1;
  const walkCost = (range: number, matches: number) =>
    0.3 * Math.min(range * n, (top * range) / Math.max((matches * sel) / k, floor / 1000));
  for (const g of words) {
    const rest = words.filter((w) => w !== g);
    if (rest.length === 0) continue; // always a walk
    const rows = product(rest.map(middle));
    if (walkCost(given(g), given(g) * rows) < setCost(rest.map(middle), rows)) plan.walkGiven.add(g);
  }
  const middleRows = product(words.map(middle));
  const middleSet = setCost(words.map(middle), middleRows);
  const middleWalk = walkCost(1, middleRows);
  const split =
    words.reduce(
      (sum, w) => sum + walkCost(first(w), first(w) * product(words.filter((x) => x !== w).map(middle))),
      0,
    ) + Math.min(middleSet, middleWalk);
  if (split < setCost(words.map(head), product(words.map(head)))) {
    plan.split = true;
    plan.middleWalk = middleWalk < middleSet;
  }
  return plan;
}

/** Which parts are read in name order (walks) rather than taken as sets. */
interface Plan {
  /** given = g ∈ query, first ∉ query: these g by diploma_entries_given instead of the middle-words GIN. */
  walkGiven: Set<string>;
  /** given ∉ query: split into first ∈ query (walks) and all words middle ("middle"). */
  split: boolean;
  /** The "middle" part read along the whole name order (it is dense when it overflowed). */
  middleWalk: boolean;
}

async function searchByName(
  db: Executor,
  registers: string[] | null,
  f: SearchFilter,
  words: string[],
  plan: Plan,
  asSet: number,
): Promise<{ rows: EntryRow[]; overflowing: string[] }> {
  const top = f.limit + f.offset;
  const all = sql`${words}::text[]`;
  // Every filter is on columns diploma_entries_given holds (its INCLUDE list): the reads through
  // it stay in the index.
  const filters: RawBuilder<boolean>[] = [sql<boolean>`true`];
  if (registers) filters.push(sql<boolean>`c.register_id = ANY (${registers}::uuid[])`);
  if (f.birthYear) filters.push(sql<boolean>`c.birth_year = ${f.birthYear}`);
  if (f.birthMonth) filters.push(sql<boolean>`c.birth_month = ${f.birthMonth}`);
  if (f.birthDay) filters.push(sql<boolean>`c.birth_day = ${f.birthDay}`);
  if (f.year) filters.push(sql<boolean>`c.year = ${f.year}`);
  if (f.typeCode) filters.push(sql<boolean>`c.type_code = ${f.typeCode}`);
  if (f.registerId) filters.push(sql<boolean>`c.register_id = ${f.registerId}`);
  if (f.school) filters.push(sql<boolean>`c.school_key LIKE '%' || gds_search_key(${f.school}) || '%'`);
  const where = sql.join(filters, sql` AND `);
  const order = sql`c.name_key COLLATE "C", c.birth_year, c.id`;
  const firstWord = sql`split_part(c.name_key, ' ', 1)`;
  const givenWord = sql`split_part(c.name_key, ' ', -1)`;
  const beginsWith = (w: string) =>
    sql<boolean>`c.name_key COLLATE "C" >= ${w} AND c.name_key COLLATE "C" < ${`${w}!`} AND ${firstWord} = ${w}`;
  // A range of an index read in name order, stopped at `top` rows. The range fixes the first or
  // the given name (or both); the query's other words must then be middle words, tested as
  // ' w ' in name_key (no array built per entry read).
  const walk = (range: RawBuilder<boolean>, middleWords: string[]) => sql`(
    SELECT c.id, c.name_key, c.birth_year FROM diploma_entries c
    WHERE ${range} ${sql.join(
      middleWords.map((w) => sql`AND c.name_key LIKE ${`% ${w.replace(/[\\%_]/g, '\\$&')} %`}`),
      sql` `,
    )} AND ${where}
    ORDER BY ${order} LIMIT ${top})`;
  // A set found through a GIN, at most asSet + 1 rows.
  const sets: { name: string; body: RawBuilder<unknown> }[] = [];
  const set = (name: string, match: RawBuilder<boolean>) =>
    sets.push({
      name,
      body: sql`SELECT c.id, c.name_key, c.birth_year FROM diploma_entries c
        WHERE ${match} AND string_to_array(c.name_key, ' ') @> ${all} AND ${where} LIMIT ${asSet + 1}`,
    });
  const except = (...ws: string[]) => words.filter((w) => !ws.includes(w));
  const middle = sql`c.name_words[2:cardinality(c.name_words) - 1]`;
  const notGiven = sql<boolean>`${givenWord} <> ALL (${all})`;
  const notFirst = sql<boolean>`${firstWord} <> ALL (${all})`;

  const walks: RawBuilder<unknown>[] = [];
  // given ∈ query, first ∈ query.
  for (const g of words)
    for (const w of words) walks.push(walk(sql<boolean>`c.given_key = ${g} AND ${beginsWith(w)}`, except(g, w)));
  // given ∈ query, first ∉ query: the other words are middle words.
  for (const g of words) {
    const rest = except(g);
    const given = sql<boolean>`c.given_key = ${g} AND ${notFirst}`;
    if (rest.length === 0 || plan.walkGiven.has(g)) walks.push(walk(given, rest));
    else set(`given:${g}`, sql<boolean>`${middle} @> ${rest}::text[] AND ${given}`);
  }
  // given ∉ query: all the words among the others (diploma_entries_name_in_order does not hold
  // given_key: the same word is taken from name_key).
  if (!plan.split) set('other', sql<boolean>`c.name_words[1:cardinality(c.name_words) - 1] @> ${all} AND ${notGiven}`);
  else {
    for (const w of words) walks.push(walk(sql<boolean>`${beginsWith(w)} AND ${notGiven}`, except(w)));
    if (plan.middleWalk) walks.push(walk(sql<boolean>`${notFirst} AND ${notGiven}`, words));
    else set('middle', sql<boolean>`${middle} @> ${all} AND ${notFirst} AND ${notGiven}`);
  }
  // Each set is a CTE of its own, MATERIALIZED: never a walk of the whole name order in the
  // hope of stopping early, and never the parallel plan (workers started for a few index pages)
  // the planner may choose for an append of sets over 2 million rows.
  const named = sets.map((s, i) => ({ ...s, ref: sql.raw(`s${i}`) }));
  const ctes = named.map((s) => sql`${s.ref} AS MATERIALIZED (${s.body})`);
  const overflow = named.length
    ? sql`ARRAY[${sql.join(
        named.map((s) => sql`CASE WHEN (SELECT count(*) FROM ${s.ref}) > ${asSet} THEN ${s.name} END`),
      )}]::text[]`
    : sql`'{}'::text[]`;
  // One row even when the page is empty (past the last page): the overflow flags still come back.
  const { rows } = await sql<EntryRow & { overflowing: (string | null)[]; sort_key: string | null }>`
    WITH ${sql.join([
      ...ctes,
      sql`hits AS (${sql.join(
        [...walks, ...named.map((s) => sql`(SELECT * FROM ${s.ref} c ORDER BY ${order} LIMIT ${top})`)],
        sql` UNION ALL `,
      )})`,
    ])}
    SELECT o.overflowing, p.* FROM (SELECT ${overflow} AS overflowing) o LEFT JOIN LATERAL (
      SELECT ${ENTRY_COLUMNS}, hits.name_key AS sort_key
      FROM hits JOIN diploma_entries e ON e.id = hits.id JOIN diploma_registers r ON r.id = e.register_id
      ORDER BY hits.name_key COLLATE "C", hits.birth_year, hits.id
      LIMIT ${f.limit} OFFSET ${f.offset}) p ON true
    ORDER BY p.sort_key COLLATE "C", p.birth_year, p.id`.execute(db);
  return {
    rows: rows.filter((row) => row.id !== null).map(({ overflowing: _, sort_key: __, ...row }) => row),
    overflowing: (rows[0]?.overflowing ?? []).filter((p): p is string => p !== null),
  };
}

/** The ids of the registers in the scope (a handful). */
function registersInScope(scope: Scope & { all: false }): RawBuilder<string> {
  return sql<string>`SELECT rr.id FROM diploma_registers rr
    JOIN org_unit_closure uc ON uc.descendant_id = rr.issuing_unit_id WHERE uc.ancestor_id = ANY(${scope.roots}::uuid[])`;
}

/** Search without a name (or with a serial): the filters over name order. */
async function searchPlain(db: Executor, scope: Scope, f: SearchFilter): Promise<EntryRow[]> {
  const where: RawBuilder<boolean>[] = [inScope(scope, sql`e.register_id`)];
  if (f.name) where.push(sql<boolean>`e.name_words @> string_to_array(gds_search_key(${f.name}), ' ')`);
  if (f.serial) where.push(sql<boolean>`e.serial_key = ${serialKeyOf(f.serial)}`);
  if (f.birthYear) where.push(sql<boolean>`e.birth_year = ${f.birthYear}`);
  if (f.birthMonth) where.push(sql<boolean>`e.birth_month = ${f.birthMonth}`);
  if (f.birthDay) where.push(sql<boolean>`e.birth_day = ${f.birthDay}`);
  if (f.year) where.push(sql<boolean>`e.year = ${f.year}`);
  if (f.typeCode) where.push(sql<boolean>`e.type_code = ${f.typeCode}`);
  if (f.registerId) where.push(sql<boolean>`e.register_id = ${f.registerId}`);
  if (f.school) where.push(sql<boolean>`e.school_key LIKE '%' || gds_search_key(${f.school}) || '%'`);
  const { rows } = await sql<EntryRow>`
    SELECT ${ENTRY_COLUMNS}
    FROM diploma_entries e JOIN diploma_registers r ON r.id = e.register_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY e.name_key COLLATE "C", e.birth_year, e.id
    LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db);
  return rows;
}

export async function findEntry(db: Executor, id: string, forUpdate = false): Promise<EntryRow | undefined> {
  const { rows } = await sql<EntryRow>`
    SELECT ${ENTRY_COLUMNS}
    FROM diploma_entries e JOIN diploma_registers r ON r.id = e.register_id
    WHERE e.id = ${id} ${forUpdate ? sql`FOR UPDATE OF e` : sql``}`.execute(db);
  return rows[0];
}

/** One entry by serial number, in any register (unique index diploma_entries_serial). */
export async function findBySerial(db: Executor, serial: string): Promise<EntryRow | undefined> {
  const { rows } = await sql<EntryRow>`
    SELECT ${ENTRY_COLUMNS}
    FROM diploma_entries e JOIN diploma_registers r ON r.id = e.register_id
    WHERE e.serial_key = ${serialKeyOf(serial)}`.execute(db);
  return rows[0];
}

export interface CorrectionRow {
  id: string;
  decision_no: string;
  decision_date: string;
  signer: string;
  reason: string;
  changes: unknown;
  created_at: Date;
  created_by_name: string | null;
}

export async function findCorrections(db: Executor, entryId: string): Promise<CorrectionRow[]> {
  const { rows } = await sql<CorrectionRow>`
    SELECT c.id, c.decision_no, c.decision_date, c.signer, c.reason, c.changes, c.created_at,
      u.full_name AS created_by_name
    FROM diploma_corrections c LEFT JOIN users u ON u.id = c.created_by
    WHERE c.entry_id = ${entryId} ORDER BY c.created_at, c.id`.execute(db);
  return rows;
}

export interface EntryUpdate {
  full_name?: string;
  birth_year?: number;
  birth_month?: number | null;
  birth_day?: number | null;
  birth_place?: string | null;
  gender?: string | null;
  ethnicity?: string | null;
  school_name?: string;
  classification?: string | null;
}

/** Writes a correction and the corrected entry; false when the version moved on. */
export async function applyCorrection(
  trx: Executor,
  entryId: string,
  version: number,
  update: EntryUpdate,
  correction: {
    decision_no: string;
    decision_date: string;
    signer: string;
    reason: string;
    changes: unknown;
    created_by: string | null;
  },
): Promise<string | null> {
  const done = await dt(trx)
    .updateTable('diploma_entries')
    .set({ ...update, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', entryId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) return null;
  const row = await dt(trx)
    .insertInto('diploma_corrections')
    .values({ ...correction, entry_id: entryId, changes: JSON.stringify(correction.changes) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface RegisterRow {
  id: string;
  type_code: string;
  year: number;
  issuing_unit_id: string;
  issuing_unit_name: string;
  entries: number;
  corrections: number;
}

/** Registers in scope with their counts (diploma_entries UNIQUE (register_id, register_no) serves the count). */
export async function listRegisters(db: Executor, scope: Scope): Promise<RegisterRow[]> {
  const { rows } = await sql<RegisterRow>`
    SELECT r.id, r.type_code, r.year, r.issuing_unit_id, r.issuing_unit_name,
      (SELECT count(*)::int FROM diploma_entries e WHERE e.register_id = r.id) AS entries,
      (SELECT count(*)::int FROM diploma_corrections c JOIN diploma_entries e ON e.id = c.entry_id
        WHERE e.register_id = r.id) AS corrections
    FROM diploma_registers r
    WHERE ${inScope(scope, sql`r.id`)}
    ORDER BY r.year DESC, r.type_code, r.issuing_unit_name`.execute(db);
  return rows;
}

export async function listTypes(db: Executor) {
  return dt(db).selectFrom('diploma_types').selectAll().orderBy('sort_order').execute();
}
