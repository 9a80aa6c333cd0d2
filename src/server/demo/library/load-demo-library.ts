import type { ResourceDetail } from '../../../shared/library.schema.ts';
import { ResourceCreate } from '../../../shared/library.schema.ts';
import { sampleLessonPlan } from '../../modules/lesson-plans/lesson-plan.fixture.ts';
import { renderLessonPlanPdf } from '../../modules/lesson-plans/lesson-plan-pdf.ts';
import { libraryServices } from '../../modules/library/library.module.ts';
import type { UserActor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Platform } from '../../platform/platform.ts';
import { unitIdsByCode } from '../admissions/seed.repository.ts';
import { buildDemoDataset, type DemoDataset } from '../data/dataset.ts';
import { DEMO_COLLECTION, DEMO_MODERATORS, DEMO_RESOURCES, type DemoContent, type DemoResource } from './catalogue.ts';
import { diagramPng, onePagePdf, simulationZip, storeDemoFile } from './demo-files.ts';
import {
  demoLibraryLoaded,
  ensureModeratorAccounts,
  findDemoUser,
  markDemoLibraryLoaded,
} from './demo-library.repository.ts';

export interface DemoLibrarySummary {
  moderators: number;
  resources: number;
  collection: boolean;
}

const SYSTEM = systemActor('demo');

/**
 * Loads the SYNTHETIC learning-library demo (catalogue.ts) after the demo province: moderator
 * accounts of the Sở with the demo password (listed on the login page) and their assignments,
 * then resources contributed by the demo schools' staff and moved through the moderation steps
 * by those moderators, all through the library's services; and the curated collection.
 * Idempotent: does nothing once loaded.
 */
export async function loadDemoLibrary(
  p: Platform,
  password: string,
  opts: { dataset?: DemoDataset } = {},
): Promise<DemoLibrarySummary> {
  if (await demoLibraryLoaded(p.db)) return { moderators: 0, resources: 0, collection: false };
  const lib = libraryServices(p);
  const moderatorIds = await ensureModeratorAccounts(p, DEMO_MODERATORS, password);
  for (const m of DEMO_MODERATORS) await lib.moderators.replace(SYSTEM, moderatorIds.get(m.username)!, m.assignments);

  const dataset = opts.dataset ?? buildDemoDataset();
  const codeOf = new Map(dataset.schools.map((s) => [s.key, s.code]));
  const schoolCodes = DEMO_RESOURCES.flatMap((r) => (r.schoolKey ? [codeOf.get(r.schoolKey) ?? r.schoolKey] : []));
  const schoolIds = await unitIdsByCode(p.db, [...new Set(schoolCodes)]);
  const actors = new Map<string, UserActor>();
  const actorOf = async (username: string) => {
    let a = actors.get(username);
    if (!a) {
      a = await userActor(p, username);
      actors.set(username, a);
    }
    return a;
  };
  const moderatorFor = (r: DemoResource) => {
    const m = DEMO_MODERATORS.find((m) =>
      m.assignments.some((a) => r.subjects.includes(a.subjectCode) && r.levels.includes(a.level)),
    );
    if (!m) throw new Error(`demo library: no moderator for ${r.title}`);
    return actorOf(m.username);
  };

  const inCollection: string[] = [];
  for (const r of DEMO_RESOURCES) {
    const author = await actorOf(r.by);
    const schoolId = r.schoolKey ? schoolIds.get(codeOf.get(r.schoolKey) ?? '') : undefined;
    if (r.schoolKey && !schoolId) throw new Error(`demo library: unknown school ${r.schoolKey}`);
    const version = await contentOf(p, r.content, r.title, author.userId);
    const input = ResourceCreate.parse({
      kind: r.kind,
      title: r.title,
      description: r.description,
      keywords: r.keywords,
      levels: r.levels,
      grades: r.grades,
      subjects: r.subjects,
      seriesCode: r.seriesCode,
      topic: r.topic,
      authors: r.authors,
      languageCode: r.languageCode,
      licenceCode: r.licenceCode,
      visibility: r.visibility,
      ...(schoolId ? { schoolId } : {}),
      version,
    });
    // The demo stores its synthetic files itself, as a module does for a lesson plan's PDF.
    const trustedFileIds = input.version?.fileId ? [input.version.fileId] : [];
    let res = await lib.resources.create(author, input, { trustedFileIds });
    const step = async (by: UserActor, action: Parameters<typeof lib.resources.act>[2]['action'], comment?: string) => {
      res = await lib.resources.act(by, res.id, { action, expectedVersion: res.version, comment });
      return res;
    };
    if (r.story === 'draft') continue;
    await step(author, 'submit');
    if (r.story === 'submitted') continue;
    const moderator = await moderatorFor(r);
    if (r.story === 'returned') {
      await step(moderator, 'start_review');
      await step(moderator, 'return', r.comment);
      continue;
    }
    await step(moderator, 'start_review');
    if (r.story === 'in_review') continue;
    await step(moderator, 'publish');
    if (r.inCollection) inCollection.push(res.id);
    if (r.story === 'taken_down') await step(moderator, 'take_down', r.comment);
    if (r.story === 'published_new_version') {
      res = await newVersion(lib.resources, author, res, r);
      await step(author, 'submit');
      await step(moderator, 'start_review');
    }
  }

  const curator = await actorOf(DEMO_MODERATORS[0]!.username);
  await lib.collections.create(curator, { ...DEMO_COLLECTION, resourceIds: inCollection });
  await markDemoLibraryLoaded(p, { moderators: DEMO_MODERATORS.length, resources: DEMO_RESOURCES.length });
  return { moderators: DEMO_MODERATORS.length, resources: DEMO_RESOURCES.length, collection: true };
}

/** A second version of a published link: the new address goes to review, readers keep the first. */
function newVersion(
  resources: ReturnType<typeof libraryServices>['resources'],
  author: UserActor,
  res: ResourceDetail,
  r: DemoResource,
): Promise<ResourceDetail> {
  const url = r.content.kind === 'url' ? `${r.content.url}-ban-2` : undefined;
  if (!url) throw new Error(`demo library: a new version is made for links only (${r.title})`);
  return resources.addVersion(author, res.id, { url, note: 'Bản quay lại có phụ đề tiếng Việt (dữ liệu mẫu).' });
}

/** The version of a resource: a stored file made in code, or a link. */
async function contentOf(p: Platform, c: DemoContent, title: string, userId: string) {
  if (c.kind === 'url') return { url: c.url };
  const bytes = await bytesOf(c, title);
  return {
    fileId: await storeDemoFile(p, bytes.data, { filename: c.filename, contentType: bytes.type, createdBy: userId }),
  };
}

async function bytesOf(c: Exclude<DemoContent, { kind: 'url' }>, title: string) {
  switch (c.kind) {
    case 'png':
      return { data: diagramPng(c.hue), type: 'image/png' };
    case 'pdf':
      return { data: await onePagePdf(title, c.paragraphs), type: 'application/pdf' };
    case 'simulation':
      return { data: simulationZip(title, c.caption), type: 'application/zip' };
    case 'lesson_plan': {
      const pdf = await renderLessonPlanPdf(sampleLessonPlan(), { createdAt: new Date('2026-01-05T02:00:00Z') });
      return { data: pdf, type: 'application/pdf' };
    }
  }
}

/** A demo login as the services see it: its grants with their permissions. */
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
