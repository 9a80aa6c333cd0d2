import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Roles are granted on a unit and apply to its subtree: each role sees and changes only its
 * own subtree. Units: two schools in different communes (A: a primary school of Tịnh Khê,
 * B: a school of the Đăk Hà commune), the two communes, and an upper-secondary school (T)
 * managed by the Sở.
 */
let ctx: TestContext;
const who: Record<string, Client> = {};
const unit: Record<'A' | 'B' | 'T' | 'X' | 'Y', string> = { A: '', B: '', T: '', X: '', Y: '' };

beforeAll(async () => {
  ctx = await createTestContext();
  for (const u of ['admin', 'so.lanhdao', 'xa.tinhkhe', 'xa.dakha', 'ht.tranquoctuan', 'gv.tranquoctuan'])
    who[u] = await login(ctx, u);
  const grantUnit = async (c: Client) => (await c.get('/api/auth/me')).body.user.grants[0].unitId as string;
  unit.X = await grantUnit(who['xa.tinhkhe']!);
  unit.Y = await grantUnit(who['xa.dakha']!);
  unit.T = await grantUnit(who['ht.tranquoctuan']!);
  const users = (await who.admin!.get('/api/users?pageSize=200')).body.items as {
    username: string;
    grants: { role: string; unitId: string }[];
  }[];
  const principalIn = async (communeId: string) => {
    for (const u of users.filter((x) => x.grants.some((g) => g.role === 'principal'))) {
      const s = (await who.admin!.get(`/api/org/units/${u.grants[0]!.unitId}`)).body;
      if (s.school?.communeId === communeId && u.grants[0]!.unitId !== unit.T)
        return { username: u.username, school: s.id as string };
    }
    throw new Error('no principal in commune');
  };
  const a = await principalIn(unit.X);
  const b = await principalIn(unit.Y);
  unit.A = a.school;
  unit.B = b.school;
  who.pA = await login(ctx, a.username);
  who.pB = await login(ctx, b.username);
  // Every school gets one audited change, so that each subtree has audit entries.
  for (const [c, s] of [
    ['pA', 'A'],
    ['pB', 'B'],
    ['ht.tranquoctuan', 'T'],
  ] as const) {
    expect((await who[c]!.patch(`/api/org/schools/${unit[s]}`, { phone: '0255 3 000 111' })).status).toBe(200);
  }
});
afterAll(() => ctx.close());

const canReadUsersOf = async (c: Client, u: string) => {
  const r = await c.get(`/api/users?unitId=${u}`);
  if (r.status !== 200) return false;
  return r.body.items.length > 0;
};
const canReadAuditOf = async (c: Client, u: string) => {
  const r = await c.get(`/api/audit?unitId=${u}&entityType=school`);
  return r.status === 200 && r.body.items.length > 0;
};
const canUpdateSchool = async (c: Client, u: string) =>
  (await c.patch(`/api/org/schools/${unit[u as 'A']}`, { address: 'Địa chỉ mô phỏng' })).status === 200;

// actor → [users of A, users of B, users of T, audit of A, audit of B, update A, update B, update T]
const matrix: [string, boolean[]][] = [
  ['admin', [true, true, true, true, true, true, true, true]],
  ['so.lanhdao', [true, true, true, true, true, false, false, false]],
  ['xa.tinhkhe', [true, false, false, true, false, true, false, false]],
  ['xa.dakha', [false, true, false, false, true, false, true, false]],
  ['pA', [true, false, false, true, false, true, false, false]],
  ['pB', [false, true, false, false, true, false, true, false]],
  ['ht.tranquoctuan', [false, false, true, false, false, false, false, true]],
  ['gv.tranquoctuan', [false, false, false, false, false, false, false, false]],
];

describe('access matrix', () => {
  it.each(matrix)('%s sees and changes only its own subtree', async (actor, expected) => {
    const c = who[actor]!;
    const got = [
      await canReadUsersOf(c, unit.A),
      await canReadUsersOf(c, unit.B),
      await canReadUsersOf(c, unit.T),
      await canReadAuditOf(c, unit.A),
      await canReadAuditOf(c, unit.B),
      await canUpdateSchool(c, 'A'),
      await canUpdateSchool(c, 'B'),
      await canUpdateSchool(c, 'T'),
    ];
    expect(got).toEqual(expected);
  });

  it('a school cannot read a user of another school directly', async () => {
    const other = (await who.pB!.get(`/api/users?unitId=${unit.B}`)).body.items[0].id;
    const r = await who.pA!.get(`/api/users/${other}`);
    expect(r.status).toBe(404);
  });

  it('a commune cannot list the audit entries of another commune even without a filter', async () => {
    const { body } = await who['xa.tinhkhe']!.get('/api/audit?pageSize=200');
    const units = new Set((body.items as { unitId: string }[]).map((e) => e.unitId));
    expect(units.has(unit.B)).toBe(false);
    expect(units.has(unit.A)).toBe(true);
  });

  it('a principal cannot grant a role on a school of another commune', async () => {
    const r = await who.pA!.post('/api/users', {
      username: 'gv.thu.nghiem',
      fullName: 'Giáo viên Thử Nghiệm',
      grants: [{ role: 'teacher', unitId: unit.B }],
    });
    expect(r.status).toBe(403);
  });

  it('nobody grants a role carrying a permission they lack (school IT cannot create a principal)', async () => {
    const r = await who['xa.tinhkhe']!.post('/api/users', {
      username: 'ht.moi.tinhkhe',
      fullName: 'Hiệu Trưởng Mới',
      grants: [{ role: 'principal', unitId: unit.A }],
    });
    expect(r.status).toBe(201);
    expect(r.body.temporaryPassword).toMatch(/^\S{10,}$/);
    const teacher = who['gv.tranquoctuan']!;
    expect(
      (
        await teacher.post('/api/users', {
          username: 'x.y.z',
          fullName: 'Ai Đó',
          grants: [{ role: 'teacher', unitId: unit.T }],
        })
      ).status,
    ).toBe(403);
  });
  it('the system administrator can grant every role of the platform (it holds every permission a role carries)', async () => {
    const roles = (await ctx.platform.db.selectFrom('roles').select(['code', 'permissions']).execute()).filter(
      (r) => r.code !== 'system_admin',
    );
    const admin = (
      await ctx.platform.db
        .selectFrom('roles')
        .select('permissions')
        .where('code', '=', 'system_admin')
        .executeTakeFirstOrThrow()
    ).permissions;
    const lacking = roles.flatMap((r) => r.permissions.filter((p) => !admin.includes(p)).map((p) => `${r.code}: ${p}`));
    expect(lacking).toEqual([]);
    for (const [i, role] of [
      ['principal', unit.A],
      ['commune_education_officer', unit.X],
      ['teacher', unit.T],
    ].entries()) {
      const r = await who.admin!.post('/api/users', {
        username: `thu.nghiem.${i}`,
        fullName: 'Tài Khoản Thử Nghiệm',
        grants: [{ role: role[0], unitId: role[1] }],
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
  });
});
