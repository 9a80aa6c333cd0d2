import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diplomaServices } from '../../src/server/modules/diplomas/diplomas.module.ts';
import { searchEntries } from '../../src/server/modules/diplomas/entries.repository.ts';
import { type Actor, systemActor } from '../../src/server/platform/actor.ts';
import { EntrySearchQuery } from '../../src/shared/diplomas.schema.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * The staff name search reads names in name order through the given name and the other words
 * separately (0026_diplomas_speed.sql); whatever the plan, the answer must be the plain one:
 * every word of the query is a word of the name, in any order, listed by the accent-free name,
 * then birth year, then id. Checked against that plain definition over a register of colliding
 * names (a middle name equal to another's given name, one-word names, reversed queries).
 */
let ctx: TestContext;
let services: ReturnType<typeof diplomaServices>;
let soId: string;
let kontumSoId: string;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'An', 'Đinh'];
const MIDDLE = ['Văn', 'Thị', 'An', 'Ngọc', 'Đức'];
const GIVEN = ['An', 'Bình', 'Đức', 'Khang', 'Văn', 'Ngọc'];

beforeAll(async () => {
  ctx = await createTestContext();
  services = diplomaServices(ctx.platform);
  const db = ctx.database.db;
  const unit = async (code: string) =>
    (await db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  soId = await unit('QNG.SGD');
  kontumSoId = await unit('KTM.SGD');
  let n = 0;
  for (const [unitId, unitName, year] of [
    [soId, 'Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi', 2015],
    [kontumSoId, 'Sở Giáo dục và Đào tạo tỉnh Kon Tum', 2016],
  ] as const) {
    const { rows } = await sql<{ id: string }>`
      INSERT INTO diploma_registers (type_code, year, issuing_unit_id, issuing_unit_name)
      VALUES ('thpt', ${year}, ${unitId}, ${unitName}) RETURNING id`.execute(db);
    const values = [];
    for (let i = 0; i < 220; i++) {
      n++;
      const words = [FAMILY[n % 5]!, MIDDLE[(n * 7) % 5]!];
      if (n % 3 === 0) words.push(MIDDLE[(n * 11) % 5]!);
      words.push(GIVEN[(n * 13) % 6]!);
      const name = n % 37 === 0 ? 'Y Khang' : words.join(' ');
      values.push(
        sql`(${rows[0]!.id}::uuid, 'thpt', ${year}::smallint, ${String(i + 1)}, ${`SR ${year}${String(i).padStart(4, '0')}`},
          ${name}, ${1994 + (n % 4)}::smallint, ${n % 2 ? 'Trường THPT Trần Quốc Tuấn' : 'Trường THPT số 1 Đức Phổ'})`,
      );
    }
    await sql`INSERT INTO diploma_entries (register_id, type_code, year, register_no, serial, full_name, birth_year, school_name)
      VALUES ${sql.join(values)}`.execute(db);
  }
});
afterAll(() => ctx?.close());

interface Plain {
  id: string;
  full_name: string;
  birth_year: number;
  year: number;
  school_name: string;
  issuing_unit_id: string;
}

/** The plain definition, over every entry of the database. */
async function expected(q: Record<string, string>, unitIds?: string[]): Promise<string[]> {
  const { rows } = await sql<Plain>`SELECT e.id, e.full_name, e.birth_year, e.year, e.school_name, r.issuing_unit_id
    FROM diploma_entries e JOIN diploma_registers r ON r.id = e.register_id`.execute(ctx.database.db);
  const words = fold(q.name!).split(/\s+/).filter(Boolean);
  return rows
    .filter((r) => {
      const have = fold(r.full_name).split(' ');
      if (!words.every((w) => have.includes(w))) return false;
      if (q.birthYear && r.birth_year !== Number(q.birthYear)) return false;
      if (q.year && r.year !== Number(q.year)) return false;
      if (q.school && !fold(r.school_name).includes(fold(q.school))) return false;
      return !unitIds || unitIds.includes(r.issuing_unit_id);
    })
    .map((r) => ({ key: fold(r.full_name), by: r.birth_year, id: r.id }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.by - b.by || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    .map((r) => r.id);
}

async function pages(actor: Actor, q: Record<string, string>, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; page <= 200; page++) {
    const res = await services.entries.search(
      actor,
      EntrySearchQuery.parse({ ...q, page: String(page), pageSize: String(pageSize) }),
    );
    ids.push(...res.items.map((i) => i.id));
    if (!res.hasMore) break;
  }
  return ids;
}

const QUERIES: Record<string, string>[] = [
  { name: 'nguyen an' },
  { name: 'an' },
  { name: 'An' },
  { name: 'an nguyen' },
  { name: 'nguyen van' },
  { name: 'Nguyễn Văn An' },
  { name: 'van an' },
  { name: 'an an' },
  { name: 'duc' },
  { name: 'dinh duc ngoc' },
  { name: 'khang', year: '2016' },
  { name: 'an', birthYear: '1995' },
  { name: 'tran khang', school: 'tran quoc tuan' },
  { name: 'ngoc', year: '2015', school: 'Đức Phổ' },
  { name: 'y khang' },
  { name: 'le  thi   binh' },
  { name: 'khong co ai' },
  { name: 'nguyen a%' },
  { name: 'an _' },
];

describe('name search', () => {
  it('gives, page after page, exactly the names holding every word of the query, in name order', async () => {
    const system = systemActor('test');
    for (const q of QUERIES) {
      const want = await expected(q);
      expect({ q, ids: await pages(system, q, 7) }).toEqual({ q, ids: want });
    }
    // The queries above meet both ways in: names whose given name is a word of the query, and
    // names holding the query's words only among their other words.
    expect((await expected({ name: 'an' })).length).toBeGreaterThan(30);
  });

  it('gives the same when the sets overflow and every part is read in name order', async () => {
    for (const q of QUERIES) {
      const want = await expected(q);
      for (const limit of [4, 500]) {
        const ids: string[] = [];
        for (let offset = 0; ; offset += limit) {
          const filter = { ...EntrySearchQuery.parse(q), limit, offset };
          const rows = await searchEntries(ctx.database.db, { all: true }, filter, 0);
          ids.push(...rows.map((r) => r.id));
          if (rows.length < limit) break;
        }
        expect({ q, limit, ids }).toEqual({ q, limit, ids: want });
      }
    }
  });

  it('keeps to the scope of a staff member of one Sở', async () => {
    const officer: Actor = {
      kind: 'user',
      userId: randomUUID(),
      username: 'vb.kontum',
      fullName: 'Cán bộ văn bằng',
      mustChangePassword: false,
      grants: [{ id: randomUUID(), role: 'diploma_officer', unitId: kontumSoId, permissions: ['diplomas.read'] }],
      sessionTokenHash: null,
      requestId: null,
      ip: null,
      locale: 'vi',
    };
    const { rows } = await sql<{ id: string }>`SELECT descendant_id AS id FROM org_unit_closure
      WHERE ancestor_id = ${kontumSoId}`.execute(ctx.database.db);
    const queries: Record<string, string>[] = [
      { name: 'nguyen an' },
      { name: 'an' },
      { name: 'nguyen van' },
      { name: 'khang', year: '2015' },
    ];
    for (const q of queries) {
      const want = await expected(
        q,
        rows.map((r) => r.id),
      );
      expect({ q, ids: await pages(officer, q, 10) }).toEqual({ q, ids: want });
    }
  });

  it('audits every search', async () => {
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log
      WHERE action = 'diplomas.entry.search'`.execute(ctx.database.db);
    await services.entries.search(systemActor('test'), EntrySearchQuery.parse({ name: 'nguyen an' }));
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log
      WHERE action = 'diplomas.entry.search'`.execute(ctx.database.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n + 1);
  });
});
