import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('audit trail', () => {
  it('records who, when, what, the unit and before/after values of a change', async () => {
    const principal = await login(ctx, 'ht.tranquoctuan');
    const me = (await principal.get('/api/auth/me')).body.user;
    const schoolId = me.grants[0].unitId;
    const before = (await principal.get(`/api/org/schools/${schoolId}`)).body;
    await principal.patch(`/api/org/schools/${schoolId}`, { address: 'Số 1 đường Mô Phỏng, phường Cẩm Thành' });
    const { body } = await principal.get(`/api/audit?entityId=${schoolId}&action=org.school.update`);
    const entry = body.items[0];
    expect(entry).toMatchObject({
      actorId: me.id,
      actorName: 'ht.tranquoctuan',
      unitId: schoolId,
      entityType: 'school',
    });
    expect(entry.before.address).toBe(before.address);
    expect(entry.after.address).toBe('Số 1 đường Mô Phỏng, phường Cẩm Thành');
    expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000);
    expect(entry.requestId).toBeTruthy();
  });

  it('records sign-ins and failed sign-ins', async () => {
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'so.gdtrh', password: 'wrong-password-1' },
    });
    const admin = await login(ctx, 'admin');
    const actions = (await admin.get('/api/audit?action=auth.&pageSize=100')).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed']));
    const signIn = (await admin.get('/api/audit?action=auth.login&pageSize=1')).body.items[0];
    expect(signIn.actorName).toBe('admin');
    const failed = (await admin.get('/api/audit?action=auth.login_failed&pageSize=1')).body.items[0];
    expect(failed.after).toEqual({ username: 'so.gdtrh' });
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const db = ctx.platform.db;
    await expect(sql`UPDATE audit_log SET action = 'tampered'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('filters by date (Vietnam calendar days) and entity type', async () => {
    const admin = await login(ctx, 'admin');
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const todays = await admin.get(`/api/audit?from=${today}&to=${today}&entityType=user`);
    expect(todays.body.total).toBeGreaterThan(0);
    expect(todays.body.items.every((e: { entityType: string }) => e.entityType === 'user')).toBe(true);
    const past = await admin.get('/api/audit?from=2001-01-01&to=2001-12-31');
    expect(past.body.total).toBe(0);
  });

  it('is closed to roles without audit.read', async () => {
    const teacher = await login(ctx, 'gv.tranquoctuan');
    const r = await teacher.get('/api/audit');
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('access.denied');
  });
});
