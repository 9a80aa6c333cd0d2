import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCommunes } from '../../src/server/demo/residents/communes.ts';
import { loadDemoResidents } from '../../src/server/demo/residents/load-residents.ts';
import { buildTrickyResidents } from '../../src/server/demo/residents/tricky.ts';
import { getPopulationService } from '../../src/server/modules/population/population-provider.ts';
import { systemActor } from '../../src/server/platform/actor.ts';
import { setOtpSender } from '../../src/server/platform/otp/otp-provider.ts';
import { MemoryOtpSender } from '../../src/server/platform/otp/otp-sender.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
const sender = new MemoryOtpSender();
const tricky = buildTrickyResidents(2027, demoCommunes());
const twin = tricky.twin_boy;
const UNKNOWN_ID = '051221999999';

beforeAll(async () => {
  ctx = await createTestContext();
  setOtpSender(ctx.platform, sender);
  // The template database has the demo province but not its synthetic residents.
  await loadDemoResidents(ctx.platform.db);
});
afterAll(() => ctx.close());

const post = (url: string, payload: object, ip: string) =>
  ctx.app.inject({ method: 'POST', url, payload, remoteAddress: ip });

/** A verified-contact token for `phone` ('0905…'), as a parent gets it. */
async function tokenFor(phone: string, ip: string, purpose = 'admissions.apply'): Promise<string> {
  await post('/api/public/otp/request', { channel: 'sms', address: phone, purpose }, ip);
  const code = sender.lastCode(`+84${phone.slice(1)}`)!;
  const res = await post('/api/public/otp/verify', { channel: 'sms', address: phone, purpose, code }, ip);
  expect(res.statusCode).toBe(200);
  return res.json().token;
}

const lookup = (body: { personalId: string; dateOfBirth: string; otpToken?: string }, ip: string) =>
  post('/api/public/population/lookup', body, ip);

async function dump(table: 'population_lookups' | 'audit_log'): Promise<string> {
  const { rows } = await sql<{ t: string }>`SELECT coalesce(string_agg(to_jsonb(x)::text, ' '), '') AS t
    FROM ${sql.table(table)} x`.execute(ctx.platform.db);
  return rows[0]!.t;
}

describe('loadDemoResidents', () => {
  it('loads about 6,000 synthetic children once', async () => {
    const { n } = await ctx.platform.db
      .selectFrom('demo_residents')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(n).toBeGreaterThan(5500);
    expect(await loadDemoResidents(ctx.platform.db)).toBe(0);
  });
});

describe('POST /api/public/population/lookup', () => {
  it('pre-fills a seeded child: name, birth, gender, commune and village, nothing about the parents', async () => {
    const token = await tokenFor('0912000001', '10.3.1.1');
    const res = await lookup(
      { personalId: twin.personalId, dateOfBirth: twin.dateOfBirth, otpToken: token },
      '10.3.1.1',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      personalId: twin.personalId,
      fullName: 'Trần Gia Bảo',
      dateOfBirth: twin.dateOfBirth,
      gender: 'male',
      disclosure: 'basic',
      guardians: [],
      synthetic: true,
    });
    expect(body.permanentResidence).toMatchObject({ communeName: 'Xã Tịnh Khê', village: 'Thôn Trường Thọ' });
    expect(res.body).not.toMatch(/Trần Văn Phúc|905100101|kinh/);
  });

  it("adds the guardians' names when the verified phone is one of the child's parents'", async () => {
    const token = await tokenFor('0905100102', '10.3.2.1');
    const res = await lookup(
      { personalId: twin.personalId, dateOfBirth: twin.dateOfBirth, otpToken: token },
      '10.3.2.1',
    );
    expect(res.json().disclosure).toBe('guardian');
    expect(res.json().guardians).toEqual([
      { fullName: 'Trần Văn Phúc', relation: 'father', isVerifiedContact: false },
      { fullName: 'Lê Thị Thu Hà', relation: 'mother', isVerifiedContact: true },
    ]);
    expect(res.body).not.toContain('905100101');
  });

  it('shows where a child lives now when it differs from the permanent residence', async () => {
    const token = await tokenFor('0912000002', '10.3.3.1');
    const m = tricky.moved;
    const body = (
      await lookup({ personalId: m.personalId, dateOfBirth: m.dateOfBirth, otpToken: token }, '10.3.3.1')
    ).json();
    expect(body.permanentResidence.communeName).toBe('Xã Ba Tơ');
    expect(body.currentResidence.communeName).toBe('Phường Cẩm Thành');
  });

  it('answers a wrong date of birth exactly like an unknown ID', async () => {
    const token = await tokenFor('0912000003', '10.3.4.1');
    const wrongDay = `${twin.dateOfBirth.slice(0, 4)}-03-16`;
    const a = await lookup({ personalId: twin.personalId, dateOfBirth: wrongDay, otpToken: token }, '10.3.4.1');
    const b = await lookup({ personalId: UNKNOWN_ID, dateOfBirth: twin.dateOfBirth, otpToken: token }, '10.3.4.1');
    expect(a.statusCode).toBe(404);
    expect(b.statusCode).toBe(404);
    const strip = (r: typeof a) => ({ ...r.json().error, requestId: undefined });
    expect(strip(a)).toEqual(strip(b));
    expect(a.json().error.code).toBe('population.not_found');
  });

  it('refuses an ID that contradicts the year of birth before asking the registry', async () => {
    const token = await tokenFor('0912000004', '10.3.5.1');
    const before = await dump('population_lookups');
    const res = await lookup({ personalId: twin.personalId, dateOfBirth: '2016-03-15', otpToken: token }, '10.3.5.1');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.personalId');
    expect(await dump('population_lookups')).toBe(before);
  });

  it('needs a verified contact: no token, an unknown token or one for another purpose give 401', async () => {
    const other = await tokenFor('0912000005', '10.3.6.1', 'dossiers.track');
    const child = { personalId: twin.personalId, dateOfBirth: twin.dateOfBirth };
    for (const otpToken of [undefined, 'x'.repeat(43), other]) {
      const res = await lookup({ ...child, ...(otpToken ? { otpToken } : {}) }, '10.3.6.1');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('auth.required');
    }
  });

  it('logs every lookup with a keyed hash of the ID, never the ID itself', async () => {
    const token = await tokenFor('0912000006', '10.3.7.1');
    const d = tricky.rare_diacritic;
    expect(
      (await lookup({ personalId: d.personalId, dateOfBirth: d.dateOfBirth, otpToken: token }, '10.3.7.1')).json()
        .fullName,
    ).toBe('Nguyễn Thị Ỷ');
    const rows = await ctx.platform.db
      .selectFrom('population_lookups')
      .selectAll()
      .where('client_hash', 'is not', null)
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    expect(rows[0]).toMatchObject({ actor_kind: 'public', kind: 'child', purpose: 'admissions.apply', found: true });
    expect(rows[0]!.personal_id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.otp_session_id).not.toBeNull();
    const logs = `${await dump('population_lookups')} ${await dump('audit_log')}`;
    for (const r of [d, twin, tricky.moved]) expect(logs).not.toContain(r.personalId);
    expect(logs).not.toContain(UNKNOWN_ID);
    // The public is recorded as a keyed hash of the client address.
    expect(await dump('population_lookups')).not.toContain('10.3.7.1');
  });

  it('allows 10 lookups per verified contact', async () => {
    const token = await tokenFor('0912000007', '10.3.8.1');
    const child = { personalId: twin.personalId, dateOfBirth: twin.dateOfBirth, otpToken: token };
    for (let i = 0; i < 10; i++) expect((await lookup(child, `10.3.8.${i + 2}`)).statusCode).toBe(200);
    const res = await lookup(child, '10.3.8.50');
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('rate.limited');
  });

  it('allows 30 lookups per client address an hour', async () => {
    const ip = '10.3.9.1';
    const tokens = await Promise.all([1, 2, 3, 4].map((n) => tokenFor(`091200010${n}`, ip)));
    const child = { personalId: UNKNOWN_ID, dateOfBirth: twin.dateOfBirth };
    for (let i = 0; i < 30; i++) {
      expect((await lookup({ ...child, otpToken: tokens[Math.floor(i / 10)]! }, ip)).statusCode).toBe(404);
    }
    const res = await lookup({ ...child, otpToken: tokens[3]! }, ip);
    expect(res.statusCode).toBe(429);
    expect((await lookup({ ...child, otpToken: tokens[3]! }, '10.3.9.2')).statusCode).toBe(404);
  });
});

describe('childrenBornIn', () => {
  it("lists a commune's children of a birth year (either residence), logged as one access", async () => {
    const population = getPopulationService(ctx.platform);
    const tinhKhe = await ctx.platform.db
      .selectFrom('org_units')
      .select('id')
      .where('code', '=', twin.permanent.communeCode)
      .executeTakeFirstOrThrow();
    const year = Number(twin.dateOfBirth.slice(0, 4));
    const children = await population.childrenBornIn(systemActor('test'), tinhKhe.id, year, year);
    expect(children.map((c) => c.fullName)).toEqual(expect.arrayContaining(['Trần Gia Bảo', 'Trần Gia Hân']));
    expect(children.every((c) => c.dateOfBirth.startsWith(String(year)))).toBe(true);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM population_lookups
      WHERE kind = 'cohort' AND commune_id = ${tinhKhe.id} AND result_count = ${children.length}`.execute(
      ctx.platform.db,
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('is refused to the public', async () => {
    const population = getPopulationService(ctx.platform);
    const anonymous = { kind: 'anonymous' as const, requestId: null, ip: '10.3.10.1', locale: 'vi' as const };
    await expect(
      population.childrenBornIn(anonymous, '00000000-0000-4000-8000-000000000000', 2021, 2021),
    ).rejects.toMatchObject({
      code: 'auth.required',
    });
  });
});
