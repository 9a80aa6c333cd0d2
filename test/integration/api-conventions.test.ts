import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
});
afterAll(() => ctx.close());

describe('health', () => {
  it('answers live and ready while the database is reachable', async () => {
    expect((await ctx.app.inject('/health/live')).json()).toEqual({ status: 'ok' });
    const ready = await ctx.app.inject('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks.database).toBe('ok');
  });
});

describe('OpenAPI document', () => {
  it('is served as OpenAPI 3.1 and lists the module routes', async () => {
    const res = await ctx.app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/org/schools', '/api/audit', '/api/users']),
    );
  });
});

describe('error shape', () => {
  it('answers an invalid query with request.invalid, field details and both languages', async () => {
    const res = await ctx.app.inject({ url: '/api/org/schools?pageSize=100000', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('request.invalid');
    expect(error.messages.vi).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(error.message).toBe(error.messages.en);
    expect(error.details[0].path).toContain('pageSize');
    expect(error.requestId).toBe(res.headers['x-request-id']);
  });

  it('speaks Vietnamese by default, field details included, and keeps a caller-supplied request id', async () => {
    const res = await ctx.app.inject({ url: '/api/org/units/not-a-uuid', headers: { 'x-request-id': 'req-abc-123' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['x-request-id']).toBe('req-abc-123');
    expect(res.json().error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(res.json().error.details).toEqual([{ path: 'params.id', message: 'UUID không hợp lệ' }]);
  });

  it('gives field details in English when asked', async () => {
    const en = await ctx.app.inject({
      url: '/api/org/units/not-a-uuid',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(en.json().error.details[0].message).toBe('Invalid UUID');
  });

  it('answers unknown API paths with resource.not_found', async () => {
    const res = await ctx.app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('resource.not_found');
  });

  it('asks anonymous callers of a protected route to sign in', async () => {
    const res = await ctx.app.inject('/api/audit');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.required');
  });
});
