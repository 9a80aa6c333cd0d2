import { SearchQuery } from '../../../shared/library.schema.ts';
import { sampleLessonPlan } from '../../modules/lesson-plans/lesson-plan.fixture.ts';
import { lessonPlansServices } from '../../modules/lesson-plans/lesson-plans.module.ts';
import * as repo from '../../modules/lesson-plans/lesson-plans.repository.ts';
import { libraryServices } from '../../modules/library/library.module.ts';
import { systemActor, type UserActor } from '../../platform/actor.ts';
import type { Platform } from '../../platform/platform.ts';
import { DEMO_RESOURCES } from '../library/catalogue.ts';
import { findDemoUser } from '../library/demo-library.repository.ts';

const SYSTEM = systemActor('demo');
const LOADED_KEY = 'demo.lesson_plans';

export interface DemoLessonPlansSummary {
  published: number;
  drafts: number;
  adapted: number;
}

/**
 * The SYNTHETIC lesson-plan demo, after the library demo (load-demo-library.ts):
 *  - the library demo's published "Kế hoạch bài dạy KHTN 6: Lực ma sát" becomes adaptable: its
 *    PDF was rendered from the sample plan (lesson-plan.fixture.ts), so the sample is recorded as
 *    the plan it was sent from, with its snapshot on that library version;
 *  - the demo teacher (gv.tranquoctuan) gets a draft of her own (Vật lí 10, partly written) and
 *    an adaptation of the published plan, crediting its authors — through the module's services.
 * Idempotent (a settings row); does nothing without the library demo.
 */
export async function loadDemoLessonPlans(p: Platform): Promise<DemoLessonPlansSummary> {
  const none = { published: 0, drafts: 0, adapted: 0 };
  const done = await p.db.selectFrom('settings').select('key').where('key', '=', LOADED_KEY).executeTakeFirst();
  if (done) return none;
  const lib = libraryServices(p);
  const title = DEMO_RESOURCES.find((r) => r.kind === 'lesson_plan')?.title;
  if (!title) return none;
  const found = await lib.search.search(SYSTEM, SearchQuery.parse({ q: title, kind: 'lesson_plan' }));
  const hit = found.items.find((r) => r.title === title);
  if (!hit) return none;
  const resource = await lib.resources.get(SYSTEM, hit.id);
  const version = resource.versions.find((v) => v.id === resource.publishedVersionId);
  if (!version?.fileId || !resource.createdBy) return none;
  const ownerId = resource.createdBy;
  const pdfFileId = version.fileId;
  const plan = { ...sampleLessonPlan(), resourceIds: [] };

  await p.db.transaction().execute(async (trx) => {
    const planId = await repo.insertPlan(trx, { schoolId: resource.schoolId, ownerId, content: plan });
    const publicationId = await repo.insertPublication(trx, {
      planId,
      planVersion: 1,
      resourceId: resource.id,
      versionId: version.id,
      content: plan,
      pdfFileId,
      docxFileId: null,
      sentBy: ownerId,
    });
    await repo.markSent(trx, planId, resource.id);
    await trx
      .insertInto('settings')
      .values({ key: LOADED_KEY, value: JSON.stringify({ planId, publicationId, synthetic: true }) })
      .execute();
    await p.audit.record(trx, SYSTEM, {
      action: 'demo.lesson_plans.load',
      entityType: 'lesson_plan',
      entityId: planId,
      unitId: resource.schoolId,
      after: { resourceId: resource.id, publicationId, synthetic: true },
    });
  });

  const { plans } = lessonPlansServices(p);
  const teacher = await userActor(p, 'gv.tranquoctuan');
  const draft = await plans.create(teacher, {
    from: 'empty',
    header: {
      subject: { code: 'vat_li', name: 'Vật lí' },
      grade: 10,
      title: 'Bài 1: Làm quen với Vật lí',
      periods: 2,
      department: 'Tổ Vật lí – Công nghệ',
      series: { code: 'kntt', name: 'Kết nối tri thức với cuộc sống' },
    },
  });
  await plans.save(teacher, draft.id, {
    expectedVersion: draft.version,
    content: {
      ...draft.content,
      objectives: {
        ...draft.content.objectives,
        knowledge: [
          'Nêu được đối tượng nghiên cứu của Vật lí và mục tiêu của môn Vật lí (dữ liệu mẫu).',
          'Nêu được ví dụ về ảnh hưởng của Vật lí đối với cuộc sống và sự phát triển của khoa học, công nghệ.',
        ],
      },
      materials: { teacher: ['Bài trình chiếu, video giới thiệu các thành tựu của Vật lí.'], students: [] },
    },
  });
  await plans.adapt(teacher, { resourceId: resource.id });
  return { published: 1, drafts: 1, adapted: 1 };
}

/** A demo login as the services see it (as load-demo-library.ts builds it). */
async function userActor(p: Platform, username: string): Promise<UserActor> {
  const u = await findDemoUser(p.db, username);
  return {
    kind: 'user',
    userId: u.id,
    username: u.username,
    fullName: u.full_name,
    mustChangePassword: false,
    grants: u.grants.map((g) => ({ id: g.id, role: g.role_code, unitId: g.unit_id, permissions: g.permissions })),
    sessionTokenHash: null,
    requestId: null,
    ip: null,
    locale: 'vi',
  };
}
