import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { verificationHashes } from '../../src/server/modules/diplomas/verify.service.ts';
import { serverSecret } from '../../src/server/platform/otp/server-secret.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const so = await db.selectFrom('org_units').select('id').where('code', '=', 'KTM.SGD').executeTakeFirstOrThrow();
  const { rows } = await sql<{ id: string }>`
    INSERT INTO diploma_registers (type_code, year, issuing_unit_id, issuing_unit_name)
    VALUES ('thpt', 2012, ${so.id}, 'Sở Giáo dục và Đào tạo tỉnh Kon Tum') RETURNING id`.execute(db);
  await sql`
    INSERT INTO diploma_entries (register_id, type_code, year, register_no, serial, full_name, birth_year, birth_month,
      birth_day, birth_place, gender, ethnicity, school_name, classification)
    VALUES (${rows[0]!.id}, 'thpt', 2012, '17', 'KT 0012345', 'Đinh Thị Ánh Hồng', 1994, 8, 15, 'Đăk Tô', 'female',
      'Xơ Đăng', 'Trường THPT Kon Tum', 'Khá')`.execute(db);
});
afterAll(() => ctx?.close());

let client = 0;
/** Each test its own client address, so that the rate limit of one does not spill over. */
const verify = async (query: Record<string, string>, ip = `10.0.0.${++client}`) => {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/public/diplomas/verify?${new URLSearchParams(query)}`,
    remoteAddress: ip,
  });
  return { status: res.statusCode, body: res.json(), headers: res.headers, raw: res.body };
};

describe('public verification', () => {
  it('confirms a diploma by serial and name, accents, case and spacing aside, with only the public fields', async () => {
    const r = await verify({ serial: 'kt0012345', name: 'dinh thi  anh HONG' });
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.body).toEqual({
      match: true,
      diploma: {
        fullName: 'Đinh Thị Ánh Hồng',
        typeCode: 'thpt',
        typeName: { vi: 'Bằng tốt nghiệp trung học phổ thông', en: 'Upper-secondary school graduation diploma' },
        year: 2012,
        serial: 'KT 0012345',
        issuingUnitName: 'Sở Giáo dục và Đào tạo tỉnh Kon Tum',
        classification: 'Khá',
      },
    });
    for (const secret of ['Xơ Đăng', 'Đăk Tô', '1994', 'female', 'birth']) expect(r.raw).not.toContain(secret);
  });

  it('compares the whole name, not a part of it', async () => {
    expect((await verify({ serial: 'KT 0012345', name: 'Đinh Thị Ánh' })).body.match).toBe(false);
    expect((await verify({ serial: 'KT 0012345', name: 'Đinh Thị Ánh Hồng Nhung' })).body.match).toBe(false);
  });

  it('checks the date of birth when given, as far as the register knows it', async () => {
    expect(
      (await verify({ serial: 'KT 0012345', name: 'Đinh Thị Ánh Hồng', birthDate: '15/08/1994' })).body.match,
    ).toBe(true);
    expect((await verify({ serial: 'KT 0012345', name: 'Đinh Thị Ánh Hồng', birthDate: '1994' })).body.match).toBe(
      true,
    );
    expect(
      (await verify({ serial: 'KT 0012345', name: 'Đinh Thị Ánh Hồng', birthDate: '16/08/1994' })).body.match,
    ).toBe(false);
    expect((await verify({ serial: 'KT 0012345', name: 'Đinh Thị Ánh Hồng', birthDate: 'hôm qua' })).status).toBe(400);
  });

  it('gives the same answer for an unknown serial and for a name that differs', async () => {
    const unknown = await verify({ serial: 'KT 9999999', name: 'Đinh Thị Ánh Hồng' });
    const otherName = await verify({ serial: 'KT 0012345', name: 'Nguyễn Văn Bình' });
    expect(unknown.status).toBe(200);
    expect(otherName.status).toBe(200);
    expect(unknown.raw).toBe(otherName.raw);
    expect(unknown.body).toEqual({ match: false, diploma: null });
    const sameHeaders = (h: Record<string, unknown>) =>
      Object.keys(h)
        .filter((k) => !['date', 'x-request-id', 'content-length'].includes(k))
        .sort()
        .map((k) => `${k}: ${k === 'content-length' ? '' : String(h[k])}`);
    expect(sameHeaders(unknown.headers)).toEqual(sameHeaders(otherName.headers));
  });

  it('logs every lookup with hashes only', async () => {
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM diploma_verifications`.execute(
      ctx.database.db,
    );
    await verify({ serial: 'KT 0012345', name: 'Đinh Thị Ánh Hồng' });
    await verify({ serial: 'KT 0000000', name: 'Ai Đó' });
    const { rows } = await sql<
      Record<string, unknown>
    >`SELECT * FROM diploma_verifications ORDER BY id DESC LIMIT 2`.execute(ctx.database.db);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM diploma_verifications`.execute(
      ctx.database.db,
    );
    expect(after.rows[0]!.n - before.rows[0]!.n).toBe(2);
    expect(rows.map((r) => r.matched)).toEqual([false, true]);
    const text = JSON.stringify(rows);
    for (const clear of ['KT 0000000', 'Ai Đó', 'ai do', '10.0.0']) expect(text).not.toContain(clear);
    expect(rows[0]!.serial_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the name, the serial and the client with the server secret, not a plain SHA-256 one could guess back', async () => {
    await verify({ serial: 'KT 0012345', name: 'Đinh Thị Ánh Hồng' }, '10.7.7.7');
    const { rows } = await sql<{ client_hash: string; serial_hash: string; name_hash: string }>`
      SELECT client_hash, serial_hash, name_hash FROM diploma_verifications ORDER BY id DESC LIMIT 1`.execute(
      ctx.database.db,
    );
    const row = rows[0]!;
    const plain = (s: string) => createHash('sha256').update(s).digest('hex');
    for (const guess of ['name:dinh thi anh hong', 'dinh thi anh hong', 'Đinh Thị Ánh Hồng'])
      expect(row.name_hash).not.toBe(plain(guess));
    for (const guess of ['serial:KT0012345', 'KT0012345']) expect(row.serial_hash).not.toBe(plain(guess));
    const key = await serverSecret(ctx.platform);
    expect(row).toMatchObject(verificationHashes(key, '10.7.7.7', 'KT0012345', 'dinh thi anh hong'));
  });

  it('stops a client that hammers it with 429 and Retry-After, other clients unaffected', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < ctx.platform.config.RATE_DIPLOMA_VERIFY_PER_IP_PER_MINUTE; i++) {
      expect((await verify({ serial: `KT ${i}`, name: 'Ai Đó' }, ip)).status).toBe(200);
    }
    const stopped = await verify({ serial: 'KT 0012345', name: 'Đinh Thị Ánh Hồng' }, ip);
    expect(stopped.status).toBe(429);
    expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(0);
    expect(stopped.body.error.code).toBe('rate.limited');
    // Malformed requests count too.
    expect((await verify({ serial: '', name: '' }, ip)).status).toBe(429);
    expect((await verify({ serial: 'KT 0012345', name: 'Đinh Thị Ánh Hồng' }, '10.9.9.10')).status).toBe(200);
  });
});
