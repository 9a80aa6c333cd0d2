import { expect } from 'vitest';
import { type Client, login } from '../support/http.ts';
import type { TestContext } from '../support/test-app.ts';

/** A user with one role on one unit (by unit code), signed in. */
export async function makeUser(
  ctx: TestContext,
  username: string,
  role: string | null,
  unitCode: string,
): Promise<Client> {
  const db = ctx.platform.db;
  const { password_hash } = await db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const u = await db
    .insertInto('users')
    .values({ username, full_name: `Người dùng ${username}`, password_hash, must_change_password: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (role)
    await db
      .insertInto('role_grants')
      .values({ user_id: u.id, role_code: role, unit_id: await unitId(ctx, unitCode) })
      .execute();
  return login(ctx, username);
}

export async function unitId(ctx: TestContext, code: string): Promise<string> {
  return (await ctx.platform.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow())
    .id;
}

/** The Sở GDĐT Quảng Ngãi fonds (identifier 000.00.31.H48), made by the archivist. */
export async function makeFonds(
  ctx: TestContext,
  archivist: Client,
  orgIdentifier = '000.00.31.H48',
  unitCode = 'QNG.SGD',
) {
  const r = await archivist.post('/api/archive/fonds', {
    orgIdentifier,
    name: unitCode === 'QNG.SGD' ? 'Phông Sở GDĐT tỉnh Quảng Ngãi' : 'Phông Sở GDĐT tỉnh Kon Tum (1991–2025)',
    unitId: await unitId(ctx, unitCode),
    startYear: unitCode === 'QNG.SGD' ? 1989 : 1991,
    endYear: unitCode === 'QNG.SGD' ? null : 2025,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

export function fileBody(fondsId: string, creatorUnitId: string, over: Record<string, unknown> = {}) {
  return {
    fondsId,
    code: '000.00.31.H48.2024.01',
    title: 'Hồ sơ tổ chức kỳ thi tốt nghiệp THPT năm 2024',
    retentionYears: null,
    accessLevel: 'public',
    language: 'vi',
    startDate: '2024-03-01',
    endDate: '2024-08-30',
    keywords: ['thi tốt nghiệp', 'THPT'],
    sheetCount: 120,
    pageCount: 236,
    reliability: 'original',
    creatorUnitId,
    ...over,
  };
}
