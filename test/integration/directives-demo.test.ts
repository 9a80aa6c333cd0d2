import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KONTUM_PRINCIPAL, loadDemoDirectives } from '../../src/server/demo/directives/load-demo-directives.ts';
import { dayInVietnam } from '../../src/server/modules/directives/directive-rules.ts';
import { directiveResponses } from '../../src/server/modules/directives/directives.read-model.ts';
import { login } from '../support/http.ts';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../support/test-app.ts';

/** The demo directives: every state, answers on time, late and missing; loading twice adds nothing. */
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoDirectives(ctx.platform, DEMO_PASSWORD);
  await loadDemoDirectives(ctx.platform, DEMO_PASSWORD);
}, 60_000);
afterAll(() => ctx?.close());

describe('demo directives', () => {
  it('holds drafts, issued and closed directives, once', async () => {
    const { rows } = await sql<{ state: string }>`SELECT state FROM directives`.execute(ctx.platform.db);
    const states = rows.map((r) => r.state).sort();
    expect(states).toEqual(['closed', 'draft', 'issued', 'issued', 'issued', 'issued', 'issued']);
  });

  it('shows the Sở the digital-transformation report with on-time, late and missing answers', async () => {
    const so = await login(ctx, 'so.lanhdao');
    const sent = await so.get('/api/directives/sent?pageSize=50');
    const dx = sent.body.items.find((d: { number: string }) => d.number === '2150/SGDĐT-GDTrH');
    expect(dx.counts.answered).toBe(2);
    expect(dx.counts.late).toBe(dx.counts.recipients - 1);
    const all = await directiveResponses(ctx.platform.db, { rootUnitId: null, today: dayInVietnam() });
    expect(all.late).toBeGreaterThan(0);
    expect(all.answered).toBeGreaterThan(0);
  });

  it('gives the demo principals something to read and answer', async () => {
    const tqt = await login(ctx, 'ht.tranquoctuan');
    const inbox = await tqt.get('/api/directives/inbox');
    expect(inbox.body.items.map((i: { status: string }) => i.status)).toContain('new');
    const th = await login(ctx, 'ht.thso1tinhkhe');
    expect((await th.get('/api/directives/inbox')).body.items[0].title).toBe('Báo cáo số học sinh lớp 1 đầu năm học');
    const kt = await login(ctx, DEMO_KONTUM_PRINCIPAL);
    const ktInbox = await kt.get('/api/directives/inbox?status=answered');
    expect(ktInbox.body.items[0]).toMatchObject({ late: true });
  });
});
