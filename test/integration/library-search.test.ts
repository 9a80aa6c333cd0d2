import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom, pick } from '../../src/server/demo/data/prng.ts';
import { libraryServices } from '../../src/server/modules/library/library.module.ts';
import { listedVisibleSql, type Viewer, viewerOf } from '../../src/server/modules/library/library-viewer.ts';
import { foldText, searchTerms, toTsQuery } from '../../src/server/modules/library/search-terms.ts';
import { type Actor, type AnonymousActor, systemActor, type UserActor } from '../../src/server/platform/actor.ts';
import { createBackup } from '../../src/server/platform/backup/backup.ts';
import type { Db } from '../../src/server/platform/db/database.ts';
import { FACETS, type FacetName, SearchQuery, type SearchResult } from '../../src/shared/library.schema.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * The library's search over the bitmap index of 0020 (library_search_index) against its
 * definition, computed the slow way from library_resources itself: every word a beginning of
 * some word of the search document (to_tsquery('simple', 'w:* & …')), the visibility rules,
 * the filters, each facet counted with every filter but its own, and the order (relevance:
 * every word in the title, then in the title or keywords, then the rest, newest first within;
 * newest; most used). A few hundred synthetic resources, numbered across two bitmap chunks,
 * added in bulk and one by one, then published, edited, taken down and restored.
 */
let ctx: TestContext;
let db: Db;
let tmp: string;
const rand = createRandom(4_2025);

const WORDS = [
  'Thí nghiệm',
  'ảo',
  'bài giảng',
  'đề kiểm tra',
  'phương trình',
  'hàm số',
  'điện trường',
  'dao động',
  'con lắc',
  'tế bào',
  'di truyền',
  'văn bản',
  'đo lường',
  'năng lượng',
  'quang học',
  'chuyển động',
  'lực',
  'gia tốc',
  'đường tròn',
  'xác suất',
  'môi trường',
  'Lý Sơn',
  'mô phỏng',
  'hướng dẫn',
  'ôn tập',
];
const KINDS = ['image', 'video', 'document', 'simulation', 'lesson_plan'];
const LICENCES = ['cc_by', 'cc_by_sa', 'cc0', 'internal'];
const SERIES = ['kntt', 'ctst', 'canh_dieu', null];

let teacherId = '';
let schools: string[] = [];
let subjectLevels: { subject_code: string; level: string; grades: number[] }[] = [];
let anonymous: AnonymousActor;
let teacher: UserActor;

/** n synthetic published resources in one statement (the triggers see them all at once). */
async function addResources(n: number): Promise<string[]> {
  const rows = Array.from({ length: n }, () => {
    const sl = pick(rand, subjectLevels);
    const words = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(rand, WORDS));
    const v = rand();
    return {
      title: `${words.join(' ')} lớp ${pick(rand, sl.grades)}`.normalize('NFC'),
      keywords: [pick(rand, WORDS), pick(rand, WORDS)].join('|'),
      description: rand() < 0.5 ? `Học liệu về ${pick(rand, WORDS)}` : '',
      kind: pick(rand, KINDS),
      level: sl.level,
      grade: pick(rand, sl.grades),
      subject: sl.subject_code,
      series: pick(rand, SERIES),
      licence: pick(rand, LICENCES),
      visibility: v < 0.6 ? 'public' : v < 0.8 ? 'province' : 'school',
      school: pick(rand, schools),
      // Some on the same instant: the order then falls back to the id.
      published: new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 40) * 86_400_000).toISOString(),
      views: Math.floor(rand() * 50),
    };
  });
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  const { rows: ids } = await sql<{ id: string }>`
    WITH src AS (
      SELECT * FROM unnest(${col('title')}::text[], ${col('keywords')}::text[], ${col('description')}::text[],
        ${col('kind')}::text[], ${col('level')}::text[], ${col('grade')}::int[], ${col('subject')}::text[],
        ${col('series')}::text[], ${col('licence')}::text[], ${col('visibility')}::text[], ${col('school')}::uuid[],
        ${col('published')}::timestamptz[], ${col('views')}::int[])
        AS s(title, keywords, description, kind, level, grade, subject, series, licence, visibility, school, published, views)
    ), ins AS (
      INSERT INTO library_resources (kind, title, description, keywords, levels, grades, subjects, series_code,
        school_id, licence_code, visibility, status, published_at, view_count, created_by, search_vector)
      SELECT kind, title, description, string_to_array(keywords, '|'), ARRAY[level], ARRAY[grade], ARRAY[subject],
        series, school, licence, visibility, 'published', published, views, ${teacherId},
        gds_library_search_vector(title, string_to_array(keywords, '|'), description, NULL, ARRAY[subject], ARRAY[grade])
      FROM src RETURNING id
    )
    INSERT INTO library_resource_versions (resource_id, number, url, created_by)
    SELECT id, 1, 'https://example.edu.vn/hoc-lieu/' || id, ${teacherId} FROM ins RETURNING resource_id AS id`.execute(
    db,
  );
  await sql`UPDATE library_resources r SET current_version_id = v.id, published_version_id = v.id
    FROM library_resource_versions v WHERE v.resource_id = r.id AND r.published_version_id IS NULL`.execute(db);
  return ids.map((r) => r.id);
}

/** The kept bitmaps against a rebuild from library_search_docs: the keys that differ (none when right). */
async function drift(): Promise<unknown[]> {
  const { rows } = await sql`
    WITH fresh AS (SELECT * FROM library_search_index.bitmaps_of(ARRAY(SELECT s FROM library_search_docs s))),
    kept AS (SELECT * FROM library_search_index.bitmaps UNION ALL SELECT * FROM library_search_index.facets)
    SELECT coalesce(f.facet, k.facet) AS facet, coalesce(f.value, k.value) AS value, coalesce(f.chunk, k.chunk) AS chunk
    FROM fresh f FULL JOIN kept k USING (facet, value, chunk)
    WHERE coalesce(f.bits, B'0'::bit(32768)) <> coalesce(k.bits, B'0'::bit(32768))
    UNION ALL
    SELECT 'documents', d.id::text, n.doc_no FROM library_search_docs d
    LEFT JOIN library_search_index.documents n ON n.id = d.id
    WHERE n.published_at IS DISTINCT FROM d.published_at`.execute(db);
  return rows;
}

const COLUMNS: Record<FacetName, string> = {
  level: 'levels',
  grade: 'grades',
  subject: 'subjects',
  kind: 'kind',
  licence: 'licence_code',
  series: 'series_code',
};
const ARRAYS = new Set<FacetName>(['level', 'grade', 'subject']);

function filterOf(name: FacetName, q: SearchQuery): RawBuilder<boolean> | null {
  const v = q[name];
  if (!v?.length) return null;
  const col = sql.ref(`r.${COLUMNS[name]}`);
  if (name === 'grade') return sql`${col} && ${v}::int[]`;
  return ARRAYS.has(name) ? sql`${col} && ${v}::text[]` : sql`${col} = ANY(${v}::text[])`;
}

/** The search the slow way, from library_resources. */
async function reference(viewer: Viewer, q: SearchQuery) {
  const terms = searchTerms(q.q);
  const tsquery = toTsQuery(q.q);
  const matches = (weights: string) =>
    sql`r.search_vector @@ to_tsquery('simple', ${terms.map((t) => `${t}:*${weights}`).join(' & ')})`;
  const base = [
    listedVisibleSql(viewer),
    ...(tsquery ? [sql<boolean>`r.search_vector @@ to_tsquery('simple', ${tsquery})`] : []),
  ];
  const where = (except: FacetName | null) =>
    sql.join([...base, ...FACETS.filter((f) => f !== except).flatMap((f) => filterOf(f, q) ?? [])], sql` AND `);
  const total = Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM library_resources r WHERE ${where(null)}`.execute(db)).rows[0]!
      .n,
  );
  const facets: Record<string, { value: string; count: number }[]> = {};
  for (const f of FACETS) {
    const col = sql.ref(`r.${COLUMNS[f]}`);
    const value = ARRAYS.has(f) ? sql`v.value` : col;
    const from = ARRAYS.has(f) ? sql`library_resources r, unnest(${col}) v(value)` : sql`library_resources r`;
    const { rows } = await sql<{ value: string; count: number }>`
      SELECT ${value}::text AS value, count(*)::int AS count FROM ${from}
      WHERE ${where(f)} AND ${value} IS NOT NULL GROUP BY 1`.execute(db);
    facets[f] = rows.sort((a, b) => a.value.localeCompare(b.value));
  }
  const sort = q.sort ?? (terms.length > 0 ? 'relevance' : 'newest');
  const order =
    sort === 'most_used'
      ? sql`r.used_count DESC, r.id`
      : sort === 'relevance' && terms.length > 0
        ? sql`CASE WHEN ${matches('A')} THEN 1 WHEN ${matches('AB')} THEN 2 ELSE 3 END, r.published_at DESC, r.id`
        : sql`r.published_at DESC, r.id`;
  const { rows } = await sql<{ id: string }>`
    SELECT r.id FROM library_resources r WHERE ${where(null)}
    ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(db);
  return { total, facets, ids: rows.map((r) => r.id) };
}

const sorted = (facets: SearchResult['facets']) =>
  Object.fromEntries(FACETS.map((f) => [f, [...facets[f]].sort((a, b) => a.value.localeCompare(b.value))]));

async function expectAsDefined(actor: Actor, raw: Record<string, string>) {
  const q = SearchQuery.parse(raw);
  const search = libraryServices(ctx.platform).search;
  search.facetCache.clear();
  const got = await search.search(actor, q);
  const want = await reference(await viewerOf(db, actor), q);
  const label = `${actor.kind} ${JSON.stringify(raw)}`;
  expect(got.total, label).toBe(want.total);
  expect(sorted(got.facets), label).toEqual(want.facets);
  expect(
    got.items.map((i) => i.id),
    label,
  ).toEqual(want.ids);
  expect(got.matchedBy, label).toBe(q.q && searchTerms(q.q).length > 0 ? 'fulltext' : 'none');
  return got;
}

/** A query of words (whole, beginnings, one or two letters), filters, a sort and a page. */
function randomQuery(): Record<string, string> {
  const raw: Record<string, string> = {};
  const r = rand();
  if (r < 0.7) {
    const words = Array.from({ length: 1 + Math.floor(rand() * 2) }, () =>
      foldText(pick(rand, WORDS)).split(' '),
    ).flat();
    raw.q = words
      .map((w) => (rand() < 0.3 ? w.slice(0, 1 + Math.floor(rand() * Math.max(1, w.length - 1))) : w))
      .join(' ');
  }
  const sl = pick(rand, subjectLevels);
  if (rand() < 0.4) raw.grade = String(pick(rand, sl.grades));
  if (rand() < 0.3) raw.subject = sl.subject_code;
  if (rand() < 0.3) raw.kind = [pick(rand, KINDS), pick(rand, KINDS)].join(',');
  if (rand() < 0.2) raw.licence = pick(rand, LICENCES);
  if (rand() < 0.15) raw.series = pick(rand, ['kntt', 'ctst', 'canh_dieu']);
  if (rand() < 0.15) raw.level = sl.level;
  if (rand() < 0.5) raw.sort = pick(rand, ['relevance', 'newest', 'most_used']);
  raw.page = String(1 + Math.floor(rand() * 3));
  raw.pageSize = String(pick(rand, [5, 10, 20]));
  return raw;
}

beforeAll(async () => {
  ctx = await createTestContext();
  db = ctx.platform.db;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gds-search-test-'));
  teacherId = (await db.selectFrom('users').select('id').orderBy('username').executeTakeFirstOrThrow()).id;
  schools = (
    await db
      .selectFrom('org_units')
      .select('id')
      .where('type_code', '=', 'school')
      .where('valid_to', 'is', null)
      .orderBy('code')
      .limit(4)
      .execute()
  ).map((s) => s.id);
  subjectLevels = await db.selectFrom('library_subject_levels').select(['subject_code', 'level', 'grades']).execute();
  anonymous = { kind: 'anonymous', requestId: null, ip: null, locale: 'vi' };
  teacher = {
    kind: 'user',
    userId: teacherId,
    username: 'gv.search',
    fullName: 'Giáo viên',
    mustChangePassword: false,
    sessionTokenHash: null,
    grants: [{ id: 'g', role: 'teacher', unitId: schools[0]!, permissions: ['library.contribute'] }],
    requestId: null,
    ip: null,
    locale: 'vi',
  };
  // Numbers from just below the end of the first chunk (32,768 bits): the set spans two chunks.
  await sql`ALTER TABLE library_search_index.documents ALTER COLUMN doc_no RESTART WITH 32700`.execute(db);
  await addResources(250); // one statement: the bulk path
  for (let i = 0; i < 6; i++) await addResources(1 + (i % 3)); // a few at a time: bit by bit
}, 120_000);

afterAll(async () => {
  await ctx?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('library search over the bitmap index', () => {
  it('numbers the documents across two chunks and keeps the bitmaps equal to a rebuild', async () => {
    const { rows } = await sql<{ lo: number; hi: number }>`
      SELECT min(doc_no >> 15) AS lo, max(doc_no >> 15) AS hi FROM library_search_index.documents`.execute(db);
    expect(rows[0]).toEqual({ lo: 0, hi: 1 });
    expect(await drift()).toEqual([]);
  });

  it('finds, counts, filters and orders as defined, for anyone', async () => {
    for (let i = 0; i < 60; i++) await expectAsDefined(i % 3 === 0 ? teacher : anonymous, randomQuery());
    await expectAsDefined(systemActor('test'), { q: 'dao dong', sort: 'newest' });
  });

  it('lets one or two letters find every word they begin, "d" finding "đ"', async () => {
    for (const q of ['d', 'đ', 'th', 'ly', 'lop 1'])
      for (const sort of ['relevance', 'most_used', 'newest']) await expectAsDefined(anonymous, { q, sort });
    const d = await expectAsDefined(anonymous, { q: 'd', pageSize: '100' });
    expect(d.items.length).toBeGreaterThan(0);
  });

  it('reads deep pages and the end of the list', async () => {
    for (const page of ['1', '5', '30', '400']) await expectAsDefined(anonymous, { q: 'l', page, pageSize: '7' });
    for (const page of ['1', '13']) await expectAsDefined(teacher, { kind: 'video,image', page, pageSize: '9' });
  });

  it('corrects a mistyped word to the nearest words of the library', async () => {
    const search = libraryServices(ctx.platform).search;
    for (const typo of ['hcuyen dong', 'chuyen dnog', 'thi nghiemm', 'dao ddong']) {
      const r = await search.search(anonymous, SearchQuery.parse({ q: typo }));
      expect(r.matchedBy, typo).toBe('trigram');
      expect(r.total, typo).toBeGreaterThan(0);
    }
    const r = await search.search(anonymous, SearchQuery.parse({ q: 'hcuyen dong' }));
    expect(foldText(r.items[0]!.title)).toContain('chuyen');
    const none = await search.search(anonymous, SearchQuery.parse({ q: 'xqzw kplm' }));
    expect(none.total).toBe(0);
  });

  it('follows publication, edits, take-downs and visibility in the same transaction', async () => {
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM library_resources WHERE listed ORDER BY id LIMIT 40`.execute(db);
    const ids = rows.map((r) => r.id);
    // What resources.repository does on an edit: the search document follows the title.
    await sql`UPDATE library_resources SET title = 'Đồng hồ mặt trời lớp 5', visibility = 'public',
      search_vector = gds_library_search_vector('Đồng hồ mặt trời lớp 5', keywords, description, topic, subjects, grades)
      WHERE id = ${ids[0]!}`.execute(db);
    await sql`UPDATE library_resources SET status = 'taken_down' WHERE id = ANY(${ids.slice(1, 4)}::uuid[])`.execute(
      db,
    );
    await sql`UPDATE library_resources SET visibility = 'school', school_id = ${schools[0]!}
      WHERE id = ANY(${ids.slice(4, 20)}::uuid[])`.execute(db);
    await sql`UPDATE library_resources SET kind = 'audio', grades = '{7}',
      search_vector = gds_library_search_vector(title, keywords, description, topic, subjects, '{7}')
      WHERE id = ANY(${ids.slice(20, 22)}::uuid[])`.execute(db);
    expect(await drift()).toEqual([]);
    expect((await expectAsDefined(anonymous, { q: 'dong ho mat troi' })).items.map((i) => i.id)).toEqual([ids[0]]);
    await expectAsDefined(teacher, { q: 'dong ho' });
    await expectAsDefined(teacher, { kind: 'audio' });
    await expectAsDefined(anonymous, { grade: '7', sort: 'most_used' });
    // Back to published: the same numbers again.
    await sql`UPDATE library_resources SET status = 'published' WHERE id = ANY(${ids.slice(1, 4)}::uuid[])`.execute(db);
    expect(await drift()).toEqual([]);
    const { rows: numbers } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM library_search_index.documents WHERE id = ANY(${ids}::uuid[])`.execute(db);
    expect(Number(numbers[0]!.n)).toBe(ids.length);
    for (let i = 0; i < 10; i++) await expectAsDefined(i % 2 ? teacher : anonymous, randomQuery());
  });

  it('is rebuilt from library_search_docs by its migration, as a restore does', async () => {
    const search = libraryServices(ctx.platform).search;
    const before = await search.search(anonymous, SearchQuery.parse({ q: 'thi nghiem' }));
    // A restore drops schema public and runs the migrations again: 0020 drops its own schema
    // (not archived) and builds it from what is there, numbering the documents anew.
    const migration = fs.readFileSync(
      path.join(import.meta.dirname, '../../src/server/migrations/0020_library_search_speed.sql'),
      'utf8',
    );
    await ctx.database.pool.query(migration);
    expect(await drift()).toEqual([]);
    search.facetCache.clear();
    const after = await search.search(anonymous, SearchQuery.parse({ q: 'thi nghiem' }));
    expect(after).toEqual(before);
    const made = await createBackup({
      pool: ctx.database.pool,
      storage: ctx.platform.storage,
      out: path.join(tmp, 'b.tar.gz'),
    });
    expect(made.manifest.tables.map((t) => t.name)).not.toContain('documents');
    for (let i = 0; i < 10; i++) await expectAsDefined(i % 2 ? teacher : anonymous, randomQuery());
  }, 60_000);
});
