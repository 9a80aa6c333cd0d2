import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoLessonPlans } from '../../src/server/demo/lesson-plans/load-demo-lesson-plans.ts';
import { loadDemoLibrary } from '../../src/server/demo/library/load-demo-library.ts';
import { login } from '../support/http.ts';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../support/test-app.ts';

/** The lesson-plan demo (synthetic) on top of the library demo: the published plan can be adapted. */
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoLibrary(ctx.platform, DEMO_PASSWORD);
  expect(await loadDemoLessonPlans(ctx.platform)).toEqual({ published: 1, drafts: 1, adapted: 1 });
}, 60_000);
afterAll(() => ctx?.close());

describe('lesson-plan demo', () => {
  it('gives the demo teacher a draft and an adaptation crediting the published plan’s authors', async () => {
    const teacher = await login(ctx, 'gv.tranquoctuan');
    const mine = (await teacher.get('/api/lesson-plans')).body.items as {
      id: string;
      title: string;
      adapted: boolean;
    }[];
    expect(mine.map((p) => [p.title, p.adapted]).sort()).toEqual([
      ['Bài 1: Làm quen với Vật lí', false],
      ['Bài 5: Lực ma sát', true],
    ]);
    const adapted = (await teacher.get(`/api/lesson-plans/${mine.find((p) => p.adapted)!.id}`)).body;
    expect(adapted.adaptedFrom.note).toBe(
      'Phỏng theo kế hoạch bài dạy “Bài 5: Lực ma sát” của Nguyễn Thị Ánh Tuyết, Hồ Văn Ửng',
    );
  });

  it('lets any teacher adapt the published demo plan, and loads only once', async () => {
    const principal = await login(ctx, 'ht.thso1tinhkhe');
    const hits = (await principal.get('/api/library/resources?kind=lesson_plan')).body.items as { id: string }[];
    expect(hits).toHaveLength(1);
    const r = await principal.post('/api/lesson-plans/adapt', { resourceId: hits[0]!.id });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.content.header.school).toBe('Trường Tiểu học số 1 Tịnh Khê');
    expect(await loadDemoLessonPlans(ctx.platform)).toEqual({ published: 0, drafts: 0, adapted: 0 });
  });
});
