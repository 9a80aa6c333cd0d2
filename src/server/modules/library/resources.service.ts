import type { z } from 'zod';
import {
  type ActionBody,
  type ModerationAction,
  type ResourceCreate,
  type ResourceDetail,
  ResourceMetadata,
  type ResourcePatch,
  type ResourceStatus,
  type VersionInput,
} from '../../../shared/library.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { actorLabel } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { isAssigned } from './assignments.repository.ts';
import { toDublinCore } from './dublin-core.ts';
import { presentDetail } from './library.presenter.ts';
import { checkCodes, LEVEL_NAMES, type LibraryReference } from './library-reference.ts';
import type { LibrarySchools } from './library-schools.ts';
import { canAddVersion, EDITABLE, nextStatus, STEPS, stepsFrom } from './library-state.ts';
import { viewerOf } from './library-viewer.ts';
import * as repo from './resources.repository.ts';

/** For modules that store a file themselves on a person's behalf (never from a request's body). */
export interface ContentOptions {
  trustedFileIds?: readonly string[];
}

const invalid = (vi: string, en: string) => new AppError('library.invalid_metadata', { hint: { vi, en } });

/**
 * Resources: creation by a school's contributors, edits of drafts, new versions, the
 * moderation steps (library-state.ts), reading with the visibility rules (library-viewer.ts),
 * and usage events. Every change is audited in its transaction.
 */
export class ResourcesService {
  readonly #p: Platform;
  readonly #ref: LibraryReference;
  readonly #schools: LibrarySchools;

  constructor(platform: Platform, ref: LibraryReference, schools: LibrarySchools) {
    this.#p = platform;
    this.#ref = ref;
    this.#schools = schools;
  }

  async create(actor: Actor, input: ResourceCreate, options: ContentOptions = {}): Promise<ResourceDetail> {
    await this.#p.access.require(actor, 'library.contribute');
    const schoolId = input.schoolId ?? (await this.#defaultSchool(actor));
    if (!(await this.#schools.facts(schoolId))?.isSchool)
      throw invalid('Đơn vị sở hữu phải là một trường học.', 'The owning unit must be a school.');
    await this.#p.access.require(actor, 'library.contribute', { unitId: schoolId });
    await this.#checkCodes(input);
    if (input.version) await this.#checkContent(actor, input.kind, input.version, options);
    const userId = actorLabel(actor).id;
    const id = await this.#p.db.transaction().execute(async (trx) => {
      const id = await repo.insertResource(trx, { ...columnsOf(input), school_id: schoolId, created_by: userId });
      if (input.version) {
        const v = await repo.insertVersion(trx, versionOf(id, input.version, userId));
        await repo.updateResource(trx, id, { current_version_id: v.id, updated_by: userId });
      }
      await repo.refreshSearch(trx, id);
      await this.#p.audit.record(trx, actor, {
        action: 'library.resource.create',
        entityType: 'library_resource',
        entityId: id,
        unitId: schoolId,
        after: { title: input.title, kind: input.kind, visibility: input.visibility },
      });
      return id;
    });
    return this.get(actor, id);
  }

  /**
   * Metadata edits. Before the first publication they change the resource (draft or returned).
   * Once a version has been published, readers keep the published metadata: the edit becomes a
   * proposal (`proposed_metadata`) that goes through review like a new version and is applied
   * when a moderator publishes it.
   */
  async update(actor: Actor, id: string, patch: ResourcePatch): Promise<ResourceDetail> {
    const seen = found(await repo.findResource(this.#p.db, id));
    await this.#p.access.require(actor, 'library.contribute', { unitId: seen.school_id });
    const wasPublished = seen.published_version_id !== null;
    if (!editableMetadata(seen.status as ResourceStatus, wasPublished))
      throw new AppError('library.invalid_transition', {
        hint: {
          vi: 'Không sửa được thông tin khi học liệu đang chờ duyệt hoặc đã bị gỡ xuống.',
          en: 'Metadata cannot be edited while the resource waits for review or is taken down.',
        },
      });
    const { expectedVersion, ...fields } = patch;
    const base = proposalOf(seen) ?? fromRow(seen);
    const next: Meta = { ...base, ...definedOnly(fields) };
    if (wasPublished && next.kind !== seen.kind)
      throw invalid(
        'Không đổi được loại của học liệu đã xuất bản; hãy đóng góp một học liệu mới.',
        'The kind of a published resource cannot change; contribute a new resource instead.',
      );
    const columns = columnsOf(next);
    await this.#checkCodes({
      levels: columns.levels,
      grades: columns.grades,
      subjects: columns.subjects,
      seriesCode: columns.series_code,
      licenceCode: columns.licence_code,
      languageCode: columns.language_code,
    });
    const userId = actorLabel(actor).id;
    await this.#p.db.transaction().execute(async (trx) => {
      const row = found(await repo.lockResource(trx, id));
      if (row.version !== expectedVersion) throw new AppError('resource.stale');
      if (!wasPublished) {
        await repo.updateResource(trx, id, { ...columns, updated_by: userId });
        await repo.refreshSearch(trx, id);
        await this.#p.audit.record(trx, actor, {
          action: 'library.resource.update',
          entityType: 'library_resource',
          entityId: id,
          unitId: row.school_id,
          before: columnsOf(fromRow(row)),
          after: columns,
        });
        return;
      }
      const status = row.status === 'published' ? 'draft' : row.status;
      await repo.updateResource(trx, id, { proposed_metadata: JSON.stringify(next), status, updated_by: userId });
      if (status !== row.status) await this.#transition(trx, actor, row, 'propose_metadata', status, null, null);
      await this.#p.audit.record(trx, actor, {
        action: 'library.resource.propose_metadata',
        entityType: 'library_resource',
        entityId: id,
        unitId: row.school_id,
        before: columnsOf(proposalOf(row) ?? fromRow(row)),
        after: columns,
      });
    });
    return this.get(actor, id);
  }

  /**
   * A new version (file or link). On a published resource the status goes back to draft for
   * the new version's review while readers keep the published one.
   */
  async addVersion(
    actor: Actor,
    id: string,
    input: z.output<typeof VersionInput>,
    options: ContentOptions = {},
  ): Promise<ResourceDetail> {
    const seen = found(await repo.findResource(this.#p.db, id));
    await this.#p.access.require(actor, 'library.contribute', { unitId: seen.school_id });
    await this.#checkContent(actor, seen.kind, input, options);
    const userId = actorLabel(actor).id;
    await this.#p.db.transaction().execute(async (trx) => {
      const row = found(await repo.lockResource(trx, id));
      if (!canAddVersion(row.status as never)) throw new AppError('library.invalid_transition');
      const v = await repo.insertVersion(trx, versionOf(id, input, userId));
      const status = row.status === 'published' ? 'draft' : row.status;
      await repo.updateResource(trx, id, { current_version_id: v.id, status, updated_by: userId });
      await this.#transition(trx, actor, row, 'new_version', status, input.note ?? null, v.id);
    });
    return this.get(actor, id);
  }

  /** One moderation step on the version of the resource the actor saw. */
  async act(actor: Actor, id: string, body: ActionBody): Promise<ResourceDetail> {
    const seen = found(await repo.findResource(this.#p.db, id));
    const rule = STEPS[body.action];
    await this.#p.access.require(actor, rule.by === 'contributor' ? 'library.contribute' : 'library.moderate', {
      unitId: seen.school_id,
    });
    if (rule.assignmentRequired && actor.kind === 'user' && !(await isAssigned(this.#p.db, actor.userId, seen)))
      throw new AppError('access.denied', {
        hint: {
          vi: 'Bạn không được phân công duyệt môn học và cấp học của học liệu này.',
          en: 'You are not assigned to moderate the subjects and levels of this resource.',
        },
      });
    if (rule.commentRequired && !body.comment)
      throw new AppError('request.invalid', {
        hint: { vi: 'Cần ghi rõ lý do hoặc nội dung cần sửa.', en: 'A comment (reason or what to fix) is required.' },
      });
    await this.#p.db.transaction().execute(async (trx) => {
      const row = found(await repo.lockResource(trx, id));
      if (row.version !== body.expectedVersion) throw new AppError('resource.stale');
      const hasPublished = row.published_version_id !== null;
      const to = nextStatus(row.status as ResourceStatus, body.action, hasPublished);
      if (to === null) throw new AppError('library.invalid_transition');
      const proposal = proposalOf(row);
      if (body.action === 'submit') assertComplete(row, proposal);
      const userId = actorLabel(actor).id;
      if (body.action === 'publish') {
        // The reviewed version and, when there is one, the reviewed metadata become what readers see.
        await repo.updateResource(trx, id, {
          ...(proposal ? columnsOf(proposal) : {}),
          proposed_metadata: null,
          status: to,
          published_version_id: row.current_version_id,
          published_at: new Date(),
          updated_by: userId,
        });
        if (proposal) await repo.refreshSearch(trx, id);
      } else if (body.action === 'take_down' && row.status !== 'published') {
        // Pending work is dropped: the working version goes back to the published one (the
        // dropped version stays in the history, the dropped metadata in the audit log).
        await repo.updateResource(trx, id, {
          status: to,
          current_version_id: row.published_version_id,
          proposed_metadata: null,
          updated_by: userId,
        });
      } else {
        await repo.updateResource(trx, id, { status: to, updated_by: userId });
      }
      await this.#transition(trx, actor, row, body.action, to, body.comment ?? null, row.current_version_id, {
        ...(proposal ? { metadata: columnsOf(proposal) } : {}),
      });
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<ResourceDetail> {
    const viewer = await viewerOf(this.#p.db, actor);
    const row = await repo.findForViewer(this.#p.db, viewer, id);
    if (!row?.readable) throw new AppError('resource.not_found');
    const [allVersions, transitions, ref, school] = await Promise.all([
      repo.listVersions(this.#p.db, id),
      row.full ? repo.listTransitions(this.#p.db, id) : Promise.resolve([]),
      this.#ref.get(),
      this.#schools.facts(row.school_id),
    ]);
    const versions = row.full ? allVersions : allVersions.filter((v) => v.id === row.published_version_id);
    const shown = allVersions.find((v) => v.id === (row.published_version_id ?? row.current_version_id));
    const [file] = await repo.findFileTypes(this.#p.db, shown?.file_id ? [shown.file_id] : []);
    const licence = ref.licences.find((l) => l.code === row.licence_code);
    const dc = toDublinCore({
      id,
      title: row.title,
      description: row.description,
      keywords: row.keywords,
      authors: row.authors,
      subjectNames: row.subjects.map((c) => ref.subjects.find((s) => s.code === c)?.nameVi ?? c),
      levelNames: row.levels.map((l) => LEVEL_NAMES[l as keyof typeof LEVEL_NAMES] ?? l),
      grades: row.grades,
      kind: row.kind,
      contentType: file?.content_type ?? null,
      url: shown?.url ?? null,
      schoolName: school?.name ?? '',
      languageCode: row.language_code,
      licenceName: licence?.nameVi ?? row.licence_code,
      licenceUrl: licence?.url ?? null,
      publishedAt: row.published_at ? new Date(row.published_at) : null,
      createdAt: new Date(row.created_at),
      baseUrl: (this.#p.config.PUBLIC_URL ?? '').replace(/\/$/, ''),
    });
    return presentDetail(row, versions, transitions, dc, {
      proposedMetadata: row.full ? proposalOf(row) : null,
      actions: row.full ? await this.#actionsFor(actor, row) : [],
    });
  }

  /** The steps `actor` may take now on `row`, with the same checks as `act`. */
  async #actionsFor(actor: Actor, row: repo.ResourceRow): Promise<ModerationAction[]> {
    const status = row.status as ResourceStatus;
    const hasPublished = row.published_version_id !== null;
    const unit = { unitId: row.school_id };
    const [contributes, moderates] = await Promise.all([
      this.#p.access.can(actor, 'library.contribute', unit),
      this.#p.access.can(actor, 'library.moderate', unit),
    ]);
    const steps: ModerationAction[] = contributes ? stepsFrom(status, 'contributor', hasPublished) : [];
    if (!moderates) return steps;
    const modSteps = stepsFrom(status, 'moderator', hasPublished);
    const assigned =
      actor.kind !== 'user' ||
      !modSteps.some((a) => STEPS[a].assignmentRequired) ||
      (await isAssigned(this.#p.db, actor.userId, row));
    return [...steps, ...modSteps.filter((a) => assigned || !STEPS[a].assignmentRequired)];
  }

  /** A view or a download of what the actor may read; counted with the actor's school. */
  async recordUsage(actor: Actor, id: string, kind: 'view' | 'download'): Promise<void> {
    await this.get(actor, id);
    const [schoolId] = await this.#schools.schoolsOf(actor);
    await this.#p.db
      .transaction()
      .execute((trx) =>
        repo.recordUsage(trx, { resourceId: id, kind, userId: actorLabel(actor).id, schoolId: schoolId ?? null }),
      );
  }

  async #transition(
    trx: Executor,
    actor: Actor,
    row: repo.ResourceRow,
    action: string,
    to: string,
    comment: string | null,
    versionId: string | null,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const who = actorLabel(actor);
    await repo.insertTransition(trx, {
      resource_id: row.id,
      version_id: versionId,
      action,
      from_status: row.status,
      to_status: to,
      comment,
      actor_id: who.id,
      actor_name: actor.kind === 'user' ? actor.fullName : who.name,
    });
    await this.#p.audit.record(trx, actor, {
      action: `library.resource.${action}`,
      entityType: 'library_resource',
      entityId: row.id,
      unitId: row.school_id,
      before: { status: row.status },
      after: { status: to, comment, versionId, ...extra },
    });
  }

  /** The contributor's one school; several or none means the request must name it. */
  async #defaultSchool(actor: Actor): Promise<string> {
    const schools = await this.#schools.schoolsOf(actor, 'library.contribute');
    if (schools.length !== 1)
      throw invalid(
        'Hãy chọn trường sở hữu học liệu (schoolId).',
        'Choose the school that owns the resource (schoolId).',
      );
    return schools[0]!;
  }

  async #checkCodes(m: Parameters<typeof checkCodes>[1]): Promise<void> {
    const problems = checkCodes(await this.#ref.get(), m);
    if (problems.length > 0) throw new AppError('library.invalid_metadata', { details: problems });
  }

  /**
   * Links need a URL. A stored file must exist and, for a person, come from their own finished
   * upload for the library (so nobody attaches a file id seen elsewhere), unless the calling
   * module made the file itself on their behalf (`trusted`: a lesson plan's PDF, an import).
   */
  async #checkContent(
    actor: Actor,
    kind: string,
    v: z.output<typeof VersionInput>,
    trusted: ContentOptions = {},
  ): Promise<void> {
    if (kind === 'link' && !v.url)
      throw invalid('Học liệu dạng liên kết cần địa chỉ URL.', 'A link resource needs a URL.');
    if (!v.fileId) return;
    const file = await repo.findStoredFile(this.#p.db, v.fileId);
    if (!file) throw invalid('Không tìm thấy tệp đã tải lên.', 'The uploaded file was not found.');
    if (actor.kind !== 'user' || trusted.trustedFileIds?.includes(v.fileId)) return;
    if (!(await repo.uploadedForLibrary(this.#p.db, actor.userId, v.fileId)))
      throw new AppError('access.denied', {
        hint: {
          vi: 'Chỉ gắn được tệp do chính bạn tải lên cho kho học liệu.',
          en: 'Only a file you uploaded yourself for the library can be attached.',
        },
      });
  }
}

type Meta = ResourceMetadata;

function columnsOf(m: Meta): repo.ResourceValues {
  return {
    kind: m.kind,
    title: m.title,
    description: m.description,
    keywords: m.keywords,
    levels: [...new Set(m.levels)],
    grades: [...new Set(m.grades)].sort((a, b) => a - b),
    subjects: [...new Set(m.subjects)],
    series_code: m.seriesCode,
    topic: m.topic,
    authors: m.authors,
    language_code: m.languageCode,
    licence_code: m.licenceCode,
    visibility: m.visibility,
  };
}

function fromRow(r: repo.ResourceRow): Meta {
  return {
    kind: r.kind as Meta['kind'],
    title: r.title,
    description: r.description,
    keywords: r.keywords,
    levels: r.levels as Meta['levels'],
    grades: r.grades,
    subjects: r.subjects,
    seriesCode: r.series_code,
    topic: r.topic,
    authors: r.authors,
    languageCode: r.language_code,
    licenceCode: r.licence_code,
    visibility: r.visibility as Meta['visibility'],
  };
}

/** The pending metadata edit of a published resource, parsed with the API's schema (null when none). */
function proposalOf(r: repo.ResourceRow): Meta | null {
  if (r.proposed_metadata === null || r.proposed_metadata === undefined) return null;
  const parsed = ResourceMetadata.safeParse(r.proposed_metadata);
  return parsed.success ? parsed.data : null;
}

/** Whether a contributor may edit the metadata now: a draft or returned resource, or a published one (as a proposal). */
function editableMetadata(status: ResourceStatus, wasPublished: boolean): boolean {
  return EDITABLE.includes(status) || (wasPublished && status === 'published');
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function versionOf(resourceId: string, v: z.output<typeof VersionInput>, createdBy: string | null) {
  return { resourceId, fileId: v.fileId ?? null, url: v.url ?? null, note: v.note ?? null, createdBy };
}

/** What a submission needs: content, at least one level and one subject (so that a moderator is assigned). */
function assertComplete(row: repo.ResourceRow, proposal: Meta | null): void {
  const meta = proposal ?? row;
  const missing: string[] = [];
  if (!row.current_version_id) missing.push('nội dung (tệp hoặc liên kết) / content');
  if (meta.levels.length === 0) missing.push('cấp học / level');
  if (meta.subjects.length === 0) missing.push('môn học / subject');
  if (missing.length > 0)
    throw new AppError('library.incomplete', {
      hint: { vi: `Còn thiếu: ${missing.join(', ')}.`, en: `Missing: ${missing.join(', ')}.` },
    });
}
