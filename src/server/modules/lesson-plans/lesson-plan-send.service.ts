import { randomUUID } from 'node:crypto';
import { LessonPlan } from '../../../shared/lesson-plan.schema.ts';
import type { LessonPlanSend, LessonPlanSent } from '../../../shared/lesson-plans.schema.ts';
import {
  type LibraryLevel,
  ResourceCreate,
  type ResourceDetail,
  type ResourceMetadata,
} from '../../../shared/library.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { actorLabel } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { insertStoredFileOnce } from '../../platform/uploads/uploads.repository.ts';
import type { LibraryServices } from '../library/library.module.ts';
import { attributionNote, lessonPlanGaps } from './lesson-plan.ts';
import { exportFilename, renderExport, withLinks } from './lesson-plan-export.ts';
import * as repo from './lesson-plans.repository.ts';
import type { LessonPlansService } from './lesson-plans.service.ts';

/** A send that has not finished after this long is taken to have died (the next one may start). */
const SEND_LEASE_MS = 120_000;

/** School level of a grade (Luật Giáo dục 2019, art. 28: primary 1–5, lower secondary 6–9, upper secondary 10–12). */
export function levelOf(grade: number): LibraryLevel {
  return grade <= 5 ? 'tieu_hoc' : grade <= 9 ? 'thcs' : 'thpt';
}

/** The library metadata of a plan, from its header. */
export function resourceMetadataOf(plan: LessonPlan, send: LessonPlanSend): ResourceMetadata {
  const h = plan.header;
  const note = attributionNote(plan);
  return ResourceCreate.parse({
    kind: 'lesson_plan',
    title: `Kế hoạch bài dạy ${h.subject.name} ${h.grade}: ${h.title}`.slice(0, 300),
    description: [
      `Kế hoạch bài dạy ${h.periods} tiết theo Phụ lục IV, Công văn 5512/BGDĐT-GDTrH.`,
      ...(note ? [`${note}.`] : []),
    ].join(' '),
    keywords: ['kế hoạch bài dạy', h.subject.name.slice(0, 80)],
    levels: [levelOf(h.grade)],
    grades: [h.grade],
    subjects: [h.subject.code],
    seriesCode: h.series?.code ?? null,
    topic: h.title,
    authors: h.teachers,
    languageCode: 'vi',
    licenceCode: send.licenceCode,
    visibility: send.visibility,
  });
}

const COMPARED = ['title', 'description', 'keywords', 'grades', 'subjects', 'seriesCode', 'topic', 'authors'] as const;

/** Whether the library's metadata (its pending proposal first) differs from the plan's. */
function metadataChanged(r: ResourceDetail, next: ResourceMetadata): boolean {
  const current = r.proposedMetadata ?? r;
  return COMPARED.some((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]));
}

/**
 * "Send to the library": the plan rendered as PDF (the library's file, previewed in browsers)
 * and .docx (kept with the snapshot), stored, then a library resource of kind lesson_plan made
 * through the library's service (or a new version of the one already made), the snapshot
 * recorded, and, when asked, the library's `submit` step. The library's moderation applies
 * unchanged. One send at a time per plan (a lease on the row, since the library's calls are
 * transactions of their own).
 */
export class LessonPlanSender {
  readonly #p: Platform;
  readonly #plans: LessonPlansService;
  readonly #lib: LibraryServices;

  constructor(platform: Platform, plans: LessonPlansService, library: LibraryServices) {
    this.#p = platform;
    this.#plans = plans;
    this.#lib = library;
  }

  async send(actor: Actor, id: string, body: LessonPlanSend): Promise<LessonPlanSent> {
    const row = await this.#plans.editable(actor, id);
    if (row.version !== body.expectedVersion) throw new AppError('resource.stale');
    const plan = LessonPlan.parse(row.content);
    if (body.submit) {
      const gaps = lessonPlanGaps(plan);
      if (gaps.length > 0)
        throw new AppError('lesson_plan.incomplete', {
          details: gaps.map((path) => ({ path: `content.${path}`, message: 'còn trống / empty' })),
        });
    }
    if (!(await repo.claimSend(this.#p.db, id, SEND_LEASE_MS))) throw new AppError('lesson_plan.busy');
    try {
      const resources = withLinks(await this.#plans.attached(actor, plan.resourceIds), this.#p.config.PUBLIC_URL);
      const at = new Date();
      const [pdf, docx] = await Promise.all([
        renderExport(plan, 'pdf', { resources, createdAt: at }),
        renderExport(plan, 'docx', { resources, createdAt: at }),
      ]);
      const userId = actorLabel(actor).id;
      const pdfId = await this.#store(id, plan, 'pdf', pdf, userId);
      const docxId = await this.#store(id, plan, 'docx', docx, userId);
      const metadata = resourceMetadataOf(plan, body);
      const version = { fileId: pdfId, note: body.note ?? `Phiên bản ${row.version} của kế hoạch bài dạy` };
      const trusted = { trustedFileIds: [pdfId] };
      let resource: ResourceDetail;
      if (row.resource_id) {
        resource = await this.#lib.resources.addVersion(actor, row.resource_id, version, trusted);
        if (metadataChanged(resource, metadata))
          resource = await this.#lib.resources.update(actor, resource.id, {
            expectedVersion: resource.version,
            ...metadata,
          });
      } else {
        resource = await this.#lib.resources.create(actor, { ...metadata, schoolId: row.school_id, version }, trusted);
      }
      const versionId = resource.currentVersionId;
      if (!versionId) throw new Error(`lesson plan ${id}: the library kept no version`);
      await this.#p.db.transaction().execute(async (trx) => {
        await repo.insertPublication(trx, {
          planId: id,
          planVersion: row.version,
          resourceId: resource.id,
          versionId,
          content: plan,
          pdfFileId: pdfId,
          docxFileId: docxId,
          sentBy: userId,
        });
        await repo.markSent(trx, id, resource.id);
        await this.#p.audit.record(trx, actor, {
          action: 'lesson_plan.send',
          entityType: 'lesson_plan',
          entityId: id,
          unitId: row.school_id,
          after: { resourceId: resource.id, versionId, planVersion: row.version, submit: body.submit },
        });
      });
      if (body.submit)
        resource = await this.#lib.resources.act(actor, resource.id, {
          action: 'submit',
          expectedVersion: resource.version,
        });
      return {
        plan: await this.#plans.get(actor, id),
        resource: { id: resource.id, status: resource.status, version: resource.version },
      };
    } finally {
      await repo.releaseSend(this.#p.db, id);
    }
  }

  /** Stores a rendered file under lesson-plans/<yyyy>/<plan>/ with its stored_files row. */
  async #store(
    planId: string,
    plan: LessonPlan,
    format: 'pdf' | 'docx',
    bytes: Uint8Array,
    createdBy: string | null,
  ): Promise<string> {
    const { contentType, filename } = exportFilename(plan, format);
    const key = `lesson-plans/${new Date().getUTCFullYear()}/${planId}/${randomUUID()}.${format}`;
    const stored = await this.#p.storage.put(key, Buffer.from(bytes), contentType);
    const id = await insertStoredFileOnce(this.#p.db, {
      storageKey: key,
      filename: filename.utf8,
      contentType,
      size: stored.size,
      sha256: stored.sha256,
      createdBy,
    });
    if (!id) throw new Error(`lesson plan ${planId}: stored file ${key} already recorded`);
    return id;
  }
}
