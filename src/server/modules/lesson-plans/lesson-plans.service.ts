import { LessonPlan } from '../../../shared/lesson-plan.schema.ts';
import type {
  AttachedResource,
  LessonPlanAdapt,
  LessonPlanCreate,
  LessonPlanDetail,
  LessonPlanListQuery,
  LessonPlanSave,
  LessonPlanSummary,
} from '../../../shared/lesson-plans.schema.ts';
import type { Actor, UserActor } from '../../platform/actor.ts';
import { AppError, type ErrorDetail, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { LibraryServices } from '../library/library.module.ts';
import type { OrgService } from '../org/org.service.ts';
import { sampleLessonPlan } from './lesson-plan.fixture.ts';
import { adaptLessonPlan, attributionNote, lessonPlanGaps, newLessonPlan } from './lesson-plan.ts';
import {
  contentDisposition,
  type ExportFormat,
  exportFilename,
  renderExport,
  withLinks,
} from './lesson-plan-export.ts';
import * as repo from './lesson-plans.repository.ts';

/** Who may do what, reduced to a plan's row: the owner writes; staff of its school read. */
const CONTRIBUTE = 'library.contribute';

const invalid = (details: ErrorDetail[], hint?: { vi: string; en: string }) =>
  new AppError('request.invalid', { details, ...(hint ? { hint } : {}) });

/** What an audit entry says about a plan (not the whole document: the document is in the table). */
function summaryOf(plan: LessonPlan) {
  return {
    title: plan.header.title,
    subject: plan.header.subject.code,
    grade: plan.header.grade,
    activities: plan.activities.length,
    resources: plan.resourceIds.length,
    gaps: lessonPlanGaps(plan).length,
  };
}

/**
 * Lesson plans (kế hoạch bài dạy, CV 5512/BGDĐT-GDTrH): a teacher's plans in their school,
 * created empty or from the sample, saved whole with optimistic concurrency, read by the staff
 * of the school (the tổ chuyên môn reviews its teachers' plans), copied-and-adapted from a
 * published snapshot with the source credited. Sending to the library is LessonPlanSender's.
 * Permissions are the library's: `library.contribute` on the plan's school.
 */
export class LessonPlansService {
  readonly #p: Platform;
  readonly #lib: LibraryServices;
  readonly #org: OrgService;

  constructor(platform: Platform, library: LibraryServices, org: OrgService) {
    this.#p = platform;
    this.#lib = library;
    this.#org = org;
  }

  async create(actor: Actor, input: LessonPlanCreate): Promise<LessonPlanDetail> {
    const user = requireUser(actor);
    const school = await this.#schoolFor(user, input.schoolId);
    const h = input.header;
    const who = { school: h?.school ?? school.name, teachers: h?.teachers ?? [user.fullName] };
    let content: LessonPlan;
    if (input.from === 'sample') {
      const sample = sampleLessonPlan();
      const header = h ? { ...h, ...who } : { ...sample.header, ...who, department: null };
      content = LessonPlan.parse({ ...sample, header, resourceIds: [] });
    } else {
      if (!h)
        throw invalid([{ path: 'body.header', message: 'bắt buộc / required' }], {
          vi: 'Cần tên bài dạy, môn học, lớp và số tiết.',
          en: 'The title, subject, grade and number of periods are required.',
        });
      content = newLessonPlan({ ...h, ...who });
    }
    await this.#checkContent(actor, content, []);
    const id = await this.#p.db.transaction().execute(async (trx) => {
      const id = await repo.insertPlan(trx, { schoolId: school.id, ownerId: user.userId, content });
      await this.#p.audit.record(trx, actor, {
        action: 'lesson_plan.create',
        entityType: 'lesson_plan',
        entityId: id,
        unitId: school.id,
        after: { ...summaryOf(content), from: input.from },
      });
      return id;
    });
    return this.get(actor, id);
  }

  async list(
    actor: Actor,
    q: LessonPlanListQuery,
  ): Promise<{ items: LessonPlanSummary[]; total: number; page: number; pageSize: number }> {
    const user = requireUser(actor);
    const filter =
      q.scope === 'mine' ? { ownerId: user.userId } : { scope: await this.#p.access.scope(actor, CONTRIBUTE) };
    const { rows, total } = await repo.listPlans(this.#p.db, filter, q);
    return { items: rows.map(presentSummary), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: Actor, id: string): Promise<LessonPlanDetail> {
    const row = await this.readable(actor, id);
    const content = LessonPlan.parse(row.content);
    const [resources, publications, canEdit] = await Promise.all([
      this.attached(actor, content.resourceIds),
      repo.listPublications(this.#p.db, id),
      this.#canEdit(actor, row),
    ]);
    return {
      ...presentSummary(row),
      content,
      gaps: lessonPlanGaps(content),
      resources,
      adaptedFrom: row.attribution ? { resourceId: row.adapted_from_resource_id, note: row.attribution } : null,
      publications: publications.map((p) => ({
        id: p.id,
        resourceId: p.resource_id,
        versionId: p.version_id,
        planVersion: p.plan_version,
        sentAt: new Date(p.sent_at).toISOString(),
      })),
      canEdit,
      canDelete: canEdit && row.resource_id === null && publications.length === 0,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }

  /** Saves the whole document if nobody saved since `expectedVersion`; the attribution stays the server's. */
  async save(actor: Actor, id: string, body: LessonPlanSave): Promise<LessonPlanDetail> {
    const row = await this.editable(actor, id);
    const before = LessonPlan.parse(row.content);
    const content: LessonPlan = { ...body.content, attribution: before.attribution };
    await this.#checkContent(actor, content, before.resourceIds);
    await this.#p.db.transaction().execute(async (trx) => {
      const locked = found(await repo.findPlan(trx, id, true));
      if (locked.version !== body.expectedVersion) throw new AppError('resource.stale');
      await repo.updateContent(trx, id, content, requireUser(actor).userId);
      await this.#p.audit.record(trx, actor, {
        action: 'lesson_plan.update',
        entityType: 'lesson_plan',
        entityId: id,
        unitId: row.school_id,
        before: { ...summaryOf(LessonPlan.parse(locked.content)), version: locked.version },
        after: { ...summaryOf(content), version: locked.version + 1 },
      });
    });
    return this.get(actor, id);
  }

  /** Deletes a plan that was never sent to the library (a sent one has snapshots that others may have copied). */
  async delete(actor: Actor, id: string): Promise<void> {
    const row = await this.editable(actor, id);
    await this.#p.db.transaction().execute(async (trx) => {
      const locked = found(await repo.findPlan(trx, id, true));
      if (locked.resource_id !== null || (await repo.listPublications(trx, id)).length > 0)
        throw new AppError('lesson_plan.sent');
      await repo.deletePlan(trx, id);
      await this.#p.audit.record(trx, actor, {
        action: 'lesson_plan.delete',
        entityType: 'lesson_plan',
        entityId: id,
        unitId: row.school_id,
        before: { ...summaryOf(LessonPlan.parse(locked.content)), version: locked.version },
      });
    });
  }

  /**
   * Copy-and-adapt: a new plan of the caller's school from the snapshot of a published library
   * resource (one sent from this editor), its authors replaced by the caller and the source
   * credited. Attached resources the caller may not see are left out.
   */
  async adapt(actor: Actor, input: LessonPlanAdapt): Promise<LessonPlanDetail> {
    const user = requireUser(actor);
    const school = await this.#schoolFor(user, input.schoolId);
    const resource = await this.#lib.resources.get(actor, input.resourceId);
    const versionId = resource.publishedVersionId;
    if (resource.kind !== 'lesson_plan' || versionId === null || resource.status === 'taken_down')
      throw new AppError('lesson_plan.not_adaptable');
    const source = await repo.findPublicationByVersion(this.#p.db, versionId);
    if (!source) throw new AppError('lesson_plan.not_adaptable');
    const copy = adaptLessonPlan(
      { id: source.plan_id, plan: LessonPlan.parse(source.content) },
      { name: user.fullName, school: school.name, department: null },
    );
    const visible = await this.attached(actor, copy.resourceIds);
    const content: LessonPlan = { ...copy, resourceIds: visible.map((r) => r.id) };
    const attribution = attributionNote(content) ?? '';
    const id = await this.#p.db.transaction().execute(async (trx) => {
      const id = await repo.insertPlan(trx, {
        schoolId: school.id,
        ownerId: user.userId,
        content,
        adaptedFrom: { publicationId: source.id, resourceId: resource.id, attribution },
      });
      await this.#p.audit.record(trx, actor, {
        action: 'lesson_plan.adapt',
        entityType: 'lesson_plan',
        entityId: id,
        unitId: school.id,
        after: { ...summaryOf(content), resourceId: resource.id, publicationId: source.id, attribution },
      });
      return id;
    });
    // Copying counts as a use of the library resource (its download statistics).
    await this.#lib.resources.recordUsage(actor, resource.id, 'download');
    return this.get(actor, id);
  }

  /** The plan as a .docx or PDF file, with the attached resources the reader may see. */
  async export(
    actor: Actor,
    id: string,
    format: ExportFormat,
  ): Promise<{ bytes: Uint8Array; contentType: string; disposition: string }> {
    const row = await this.readable(actor, id);
    const plan = LessonPlan.parse(row.content);
    const resources = withLinks(await this.attached(actor, plan.resourceIds), this.#p.config.PUBLIC_URL);
    const bytes = await renderExport(plan, format, { resources, createdAt: new Date() });
    const { contentType, filename } = exportFilename(plan, format);
    return { bytes, contentType, disposition: contentDisposition(filename) };
  }

  /** The plan if the actor may read it (its owner, or staff contributing in its school); 404 otherwise. */
  async readable(actor: Actor, id: string): Promise<repo.PlanRow> {
    const row = await repo.findPlan(this.#p.db, id);
    if (!row) throw new AppError('resource.not_found');
    if (actor.kind === 'user' && actor.userId === row.owner_id) return row;
    if (await this.#p.access.can(actor, CONTRIBUTE, { unitId: row.school_id })) return row;
    throw new AppError('resource.not_found');
  }

  /** The plan if the actor may change it: its owner, still contributing in its school. */
  async editable(actor: Actor, id: string): Promise<repo.PlanRow> {
    const row = await this.readable(actor, id);
    if (!(await this.#canEdit(actor, row))) throw new AppError('access.denied');
    return row;
  }

  /** The attached resources the actor may see, in plan order, with their titles (exports, the editor). */
  async attached(actor: Actor, ids: readonly string[]): Promise<AttachedResource[]> {
    const seen = await Promise.all(
      ids.map((id) =>
        this.#lib.resources.get(actor, id).then(
          (r) => ({ id: r.id, title: r.title, kind: r.kind }),
          (error: unknown) => {
            if (error instanceof AppError && error.code === 'resource.not_found') return null;
            throw error;
          },
        ),
      ),
    );
    return seen.filter((r): r is AttachedResource => r !== null);
  }

  async #canEdit(actor: Actor, row: repo.PlanRow): Promise<boolean> {
    if (actor.kind !== 'user' || actor.userId !== row.owner_id) return false;
    return this.#p.access.can(actor, CONTRIBUTE, { unitId: row.school_id });
  }

  /** The school a new plan belongs to: the one named (where the actor contributes), or the actor's only school. */
  async #schoolFor(actor: UserActor, schoolId: string | undefined): Promise<{ id: string; name: string }> {
    const candidates = schoolId
      ? [schoolId]
      : [...new Set(actor.grants.filter((g) => g.permissions.includes(CONTRIBUTE)).map((g) => g.unitId))];
    if (candidates.length === 0) throw new AppError('access.denied');
    const units = await Promise.all(candidates.map((id) => this.#org.unit(id).catch(() => null)));
    const schools = units.filter((u) => u !== null && u.typeCode === 'school' && u.active);
    if (schoolId) {
      if (schools.length === 0)
        throw invalid([{ path: 'body.schoolId', message: 'không phải trường học / not a school' }]);
      await this.#p.access.require(actor, CONTRIBUTE, { unitId: schoolId });
    } else if (schools.length !== 1)
      throw invalid([{ path: 'body.schoolId', message: 'bắt buộc / required' }], {
        vi: 'Hãy chọn trường của kế hoạch bài dạy.',
        en: 'Choose the school the lesson plan belongs to.',
      });
    const unit = schools[0]!;
    return { id: unit.id, name: unit.name };
  }

  /**
   * The curriculum codes (subject taught in the grade, known series) and the attached resources
   * the actor may see; resources already attached (`kept`) are not checked again.
   */
  async #checkContent(actor: Actor, plan: LessonPlan, kept: readonly string[]): Promise<void> {
    const ref = await this.#lib.reference.get();
    const problems: ErrorDetail[] = [];
    const { subject, grade, series } = plan.header;
    const known = ref.subjects.find((s) => s.code === subject.code);
    if (!known)
      problems.push({ path: 'body.content.header.subject.code', message: `Môn học không xác định: ${subject.code}.` });
    else if (!known.levels.some((l) => l.grades.includes(grade)))
      problems.push({ path: 'body.content.header.grade', message: `Môn ${known.nameVi} không dạy ở lớp ${grade}.` });
    if (series && !ref.series.some((s) => s.code === series.code))
      problems.push({ path: 'body.content.header.series.code', message: `Bộ sách không xác định: ${series.code}.` });
    const added = plan.resourceIds.filter((id) => !kept.includes(id));
    const visible = new Set((await this.attached(actor, added)).map((r) => r.id));
    plan.resourceIds.forEach((id, i) => {
      if (added.includes(id) && !visible.has(id))
        problems.push({
          path: `body.content.resourceIds.${i}`,
          message: 'Không tìm thấy học liệu này trong kho / resource not found',
        });
    });
    if (problems.length > 0) throw invalid(problems);
  }
}

function requireUser(actor: Actor): UserActor {
  if (actor.kind === 'user') return actor;
  throw new AppError(actor.kind === 'anonymous' ? 'auth.required' : 'access.denied');
}

function presentSummary(row: repo.PlanRow): LessonPlanSummary {
  return {
    id: row.id,
    title: row.title,
    subjectCode: row.subject_code,
    subjectName: row.subject_name,
    grade: row.grade,
    schoolId: row.school_id,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    resourceId: row.resource_id,
    adapted: row.attribution !== null,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
