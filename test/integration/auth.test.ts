import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../support/http.ts';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_IP_MAX_PER_MINUTE: '8' } });
});
afterAll(() => ctx.close());

const attempt = (username: string, password: string, ip = '10.0.0.1') =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('login', () => {
  it('sets an httpOnly SameSite session cookie and returns the user with grants and a CSRF token', async () => {
    const res = await attempt('ht.tranquoctuan', DEMO_PASSWORD, '10.0.1.1');
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^gds_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const body = res.json();
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect(body.user.grants[0].role).toBe('principal');
    expect(body.user.grants[0].unitName).toBe('Trường THPT Trần Quốc Tuấn');
  });

  it('accepts the username in any case', async () => {
    expect((await attempt('HT.TranQuocTuan', DEMO_PASSWORD, '10.0.1.2')).statusCode).toBe(200);
  });

  it('refuses a wrong password without saying whether the user exists', async () => {
    const wrong = await attempt('so.lanhdao', 'not-the-password-1', '10.0.2.1');
    const unknown = await attempt('nobody.here', 'not-the-password-1', '10.0.2.1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
    expect(wrong.json().error.messages).toEqual(unknown.json().error.messages);
  });

  it('locks the account after repeated failures, even for the right password, until an admin unlocks it', async () => {
    for (let i = 0; i < 2; i++)
      expect((await attempt('gv.tranquoctuan', 'wrong-password-9', '10.0.3.1')).statusCode).toBe(401);
    const third = await attempt('gv.tranquoctuan', 'wrong-password-9', '10.0.3.1');
    expect(third.statusCode).toBe(423);
    expect(third.json().error.code).toBe('auth.locked');
    expect((await attempt('gv.tranquoctuan', DEMO_PASSWORD, '10.0.3.2')).statusCode).toBe(423);

    const principal = await login(ctx, 'ht.tranquoctuan');
    const { body: page } = await principal.get('/api/users?q=gv.tranquoctuan');
    const teacher = page.items[0];
    expect(teacher.lockedUntil).not.toBeNull();
    expect((await principal.post(`/api/users/${teacher.id}/unlock`)).status).toBe(204);
    expect((await attempt('gv.tranquoctuan', DEMO_PASSWORD, '10.0.3.3')).statusCode).toBe(200);
  });

  it('throttles one client address that keeps failing', async () => {
    const ip = '10.0.4.1';
    let last = 0;
    for (let i = 0; i < 9; i++) last = (await attempt(`ghost${i}`, 'wrong-password-1', ip)).statusCode;
    expect(last).toBe(429);
    expect((await attempt('so.lanhdao', DEMO_PASSWORD, ip)).json().error.code).toBe('auth.throttled');
    expect((await attempt('so.lanhdao', DEMO_PASSWORD, '10.0.4.2')).statusCode).toBe(200);
  });

  it('validates the body', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('request.invalid');
  });
});

describe('session', () => {
  it('ends at logout', async () => {
    const c = await login(ctx, 'so.lanhdao');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token', async () => {
    const c = await login(ctx, 'admin');
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
  });

  it('refuses a write from another origin even with the token', async () => {
    const c = await login(ctx, 'admin');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, origin: 'https://evil.example', host: 'localhost:3000' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('initial password', () => {
  it('must be changed before anything else, to a policy-compliant password', async () => {
    const c = await login(ctx, 'moi.capphep');
    expect((await c.get('/api/auth/me')).body.user.mustChangePassword).toBe(true);
    const blocked = await c.get('/api/org/units/00000000-0000-4000-8000-000000000000/name-at?date=2020-01-01');
    expect(blocked.body.error.code).toBe('auth.password_change_required');
    const weak = await c.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.body.error.code).toBe('auth.weak_password');
    const wrong = await c.post('/api/auth/password', {
      currentPassword: 'nope-nope-1',
      newPassword: 'Giáo dục số 2027',
    });
    expect(wrong.body.error.code).toBe('auth.wrong_password');
    expect(
      (await c.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Giáo dục số 2027' })).status,
    ).toBe(204);
    expect((await c.get('/api/auth/me')).body.user.mustChangePassword).toBe(false);
    expect((await login(ctx, 'moi.capphep', 'Giáo dục số 2027')).username).toBe('moi.capphep');
  });

  it('is forced again after an administrator resets it', async () => {
    const admin = await login(ctx, 'admin');
    const { body } = await admin.get('/api/users?q=so.gdtrh');
    const reset = await admin.post(`/api/users/${body.items[0].id}/reset-password`);
    expect(reset.status).toBe(200);
    const c = await login(ctx, 'so.gdtrh', reset.body.temporaryPassword);
    expect((await c.get('/api/auth/me')).body.user.mustChangePassword).toBe(true);
    expect((await attempt('so.gdtrh', DEMO_PASSWORD, '10.0.5.1')).statusCode).toBe(401);
  });
});
