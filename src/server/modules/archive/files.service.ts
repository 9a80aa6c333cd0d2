import type {
  DocumentCreate,
  FileCreate,
  FileDetail,
  FilePage,
  FilePatch,
  FileSearchQuery,
  Fonds,
  FondsInput,
} from '../../../shared/archive.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { ServedFile } from '../../platform/files/send-stored-file.ts';
import type { Platform } from '../../platform/platform.ts';
import { OrgService } from '../org/org.service.ts';
import { presentDetail, presentSummary } from './archive.presenter.ts';
import { readGround, visibleLevels } from './archive-access.ts';
import { checkFileMeta } from './file-rules.ts';
import * as repo from './files.repository.ts';
import { FondsService } from './fonds.service.ts';
import { insertAccess } from './requests.repository.ts';

const notFound = () => new AppError('resource.not_found');
const isUnique = (err: unknown) => (err as { code?: string }).code === '23505';

/** Fonds, files and documents of the electronic archive: description (archivists) and reading (by access level). */
export class ArchiveFilesService {
  readonly #p: Platform;
  readonly #org: OrgService;
  readonly #fonds: FondsService;

  constructor(p: Platform) {
    this.#p = p;
    this.#org = new OrgService(p);
    this.#fonds = new FondsService(p);
  }

  /** The fonds (kept here for the demo loader; see fonds.service.ts). */
  async listFonds(): Promise<Fonds[]> {
    return this.#fonds.list();
  }

  async createFonds(actor: Actor, input: FondsInput): Promise<Fonds> {
    return this.#fonds.create(actor, input);
  }

  async create(actor: Actor, input: FileCreate): Promise<FileDetail> {
    const fonds = await repo.findFonds(this.#p.db, input.fondsId);
    if (!fonds) throw notFound();
    await this.#p.access.require(actor, 'archive.manage', { unitId: fonds.unit_id });
    const { year } = checkFileMeta(input, fondsMeta(fonds));
    const creatorName = await this.#unitNameAt(input.creatorUnitId, input.startDate);
    if (await repo.codeTaken(this.#p.db, input.code)) throw new AppError('archive.code_taken');
    try {
      const id = await this.#p.db.transaction().execute(async (trx) => {
        const { id } = await repo.insertFile(trx, {
          ...(fileColumns(input) as Omit<repo.FileInsert, 'fonds_id' | 'code' | 'year' | 'creator_unit_name'>),
          fonds_id: fonds.id,
          code: input.code,
          year,
          creator_unit_name: creatorName,
          created_by: actor.kind === 'user' ? actor.userId : null,
        });
        await this.#p.audit.record(trx, actor, {
          action: 'archive.file.create',
          entityType: 'archive_file',
          entityId: id,
          unitId: fonds.unit_id,
          after: { ...input },
        });
        return id;
      });
      return this.get(actor, id, false);
    } catch (err) {
      if (isUnique(err)) throw new AppError('archive.code_taken');
      throw err;
    }
  }

  async update(actor: Actor, id: string, patch: FilePatch): Promise<FileDetail> {
    const file = await repo.findFile(this.#p.db, id);
    if (!file) throw notFound();
    await this.#p.access.require(actor, 'archive.manage', { unitId: file.fonds_unit_id });
    const fonds = (await repo.findFonds(this.#p.db, file.fonds_id))!;
    const { expectedVersion, ...fields } = patch;
    const merged = {
      code: file.code,
      startDate: fields.startDate ?? file.start_date,
      endDate: fields.endDate ?? file.end_date,
      reliability: fields.reliability ?? file.reliability,
      paperCode: fields.paperCode === undefined ? file.paper_code : fields.paperCode,
      physicalCondition: fields.physicalCondition === undefined ? file.physical_condition : fields.physicalCondition,
      keywords: fields.keywords ?? file.keywords,
    };
    checkFileMeta(merged, fondsMeta(fonds));
    const creatorId = fields.creatorUnitId ?? file.creator_unit_id;
    const set: repo.FileUpdate = { ...fileColumns(fields) };
    if (fields.creatorUnitId || fields.startDate)
      set.creator_unit_name = await this.#unitNameAt(creatorId, merged.startDate);
    await this.#p.db.transaction().execute(async (trx) => {
      if (!(await repo.updateFile(trx, id, expectedVersion, set))) throw new AppError('resource.stale');
      await this.#p.audit.record(trx, actor, {
        action: 'archive.file.update',
        entityType: 'archive_file',
        entityId: id,
        unitId: file.fonds_unit_id,
        before: pick(file, Object.keys(set)),
        after: { ...set },
      });
    });
    return this.get(actor, id, false);
  }

  /**
   * A file's description, and its documents when the caller may read them (the read is logged).
   * Restricted files show their description to staff, their documents only to archivists and
   * approved requesters; anonymous readers and accounts without a role see public files only.
   */
  async get(actor: Actor, id: string, log = true): Promise<FileDetail> {
    const file = await repo.findFile(this.#p.db, id);
    if (!file) throw notFound();
    const canManage = await this.#p.access.can(actor, 'archive.manage', { unitId: file.fonds_unit_id });
    const allowed = await readGround(this.#p, this.#p.db, actor, file);
    if (!allowed) {
      if (file.access_level === 'public') throw notFound();
      if (actor.kind === 'anonymous') throw new AppError('auth.required');
      if (file.access_level === 'internal') throw new AppError('access.denied');
      if (actor.kind === 'user' && actor.grants.length === 0) throw new AppError('access.denied');
      return presentDetail(file, null, false);
    }
    const docs = await repo.listDocuments(this.#p.db, id, canManage);
    if (log)
      await insertAccess(this.#p.db, {
        ...who(actor),
        fileId: id,
        documentId: null,
        action: 'view_file',
        ground: allowed.ground,
        requestId: allowed.requestId,
      });
    return presentDetail(file, docs, canManage);
  }

  async search(actor: Actor, query: FileSearchQuery): Promise<FilePage> {
    const { total, rows } = await repo.searchFiles(this.#p.db, visibleLevels(actor), query);
    return { items: rows.map(presentSummary), total, page: query.page, pageSize: query.pageSize };
  }

  async addDocument(actor: Actor, fileId: string, input: DocumentCreate): Promise<FileDetail> {
    const file = await repo.findFile(this.#p.db, fileId);
    if (!file) throw notFound();
    await this.#p.access.require(actor, 'archive.manage', { unitId: file.fonds_unit_id });
    if (input.storedFileId && !(await repo.findStoredFile(this.#p.db, input.storedFileId)))
      throw new AppError('archive.invalid_metadata', {
        details: [{ path: 'body.storedFileId', message: 'không có tệp này / no such stored file' }],
      });
    await this.#p.db.transaction().execute((trx) => this.insertDocument(trx, actor, file, input));
    return this.get(actor, fileId, false);
  }

  /** Adds a document in the caller's transaction (also used by the flow-in of dossiers). */
  async insertDocument(
    trx: Executor,
    actor: Actor,
    file: { id: string; fonds_unit_id: string },
    input: DocumentCreate,
  ) {
    const { id } = await repo.insertDocument(trx, {
      file_id: file.id,
      title: input.title,
      doc_number: input.docNumber,
      doc_date: input.docDate,
      author: input.author,
      page_count: input.pageCount,
      stored_file_id: input.storedFileId,
      created_by: actor.kind === 'user' ? actor.userId : null,
    });
    await this.#p.audit.record(trx, actor, {
      action: 'archive.document.create',
      entityType: 'archive_document',
      entityId: id,
      unitId: file.fonds_unit_id,
      after: { fileId: file.id, ...input },
    });
    return id;
  }

  /** A document's stored file, when the caller may read the file (each read logged). */
  async readDocument(actor: Actor, fileId: string, documentId: string): Promise<ServedFile> {
    const file = await repo.findFile(this.#p.db, fileId);
    if (!file) throw notFound();
    const allowed = await readGround(this.#p, this.#p.db, actor, file);
    if (!allowed) {
      if (file.access_level === 'public') throw notFound();
      if (actor.kind === 'anonymous') throw new AppError('auth.required');
      throw new AppError(file.access_level === 'restricted' ? 'archive.restricted' : 'access.denied');
    }
    // A withdrawn document's file stays readable to the fonds' archivists only.
    const withWithdrawn = allowed.ground === 'archivist' || (await this.#canManage(actor, file.fonds_unit_id));
    const doc = (await repo.listDocuments(this.#p.db, fileId, withWithdrawn)).find((d) => d.id === documentId);
    if (!doc?.storage_key) throw notFound();
    await insertAccess(this.#p.db, {
      ...who(actor),
      fileId,
      documentId,
      action: 'read_document',
      ground: allowed.ground,
      requestId: allowed.requestId,
    });
    return {
      storageKey: doc.storage_key,
      filename: doc.filename ?? 'tai-lieu',
      contentType: doc.content_type ?? 'application/octet-stream',
      size: Number(doc.size_bytes),
      sha256: doc.sha256 ?? '',
    };
  }

  #canManage(actor: Actor, unitId: string): Promise<boolean> {
    return this.#p.access.can(actor, 'archive.manage', { unitId });
  }

  async #unitNameAt(unitId: string, day: string): Promise<string> {
    try {
      return await this.#org.nameAt(unitId, day);
    } catch {
      throw new AppError('archive.invalid_metadata', {
        details: [{ path: 'body.creatorUnitId', message: 'không có đơn vị này / no such unit' }],
      });
    }
  }
}

function fondsMeta(f: { org_identifier: string; start_year: number; end_year: number | null }) {
  return { orgIdentifier: f.org_identifier, startYear: f.start_year, endYear: f.end_year };
}

/** The columns of the describable fields that are present. */
function fileColumns(f: Partial<Omit<FileCreate, 'fondsId' | 'code'>>) {
  const c = {
    title: f.title,
    retention_years: f.retentionYears,
    access_level: f.accessLevel,
    language: f.language,
    start_date: f.startDate,
    end_date: f.endDate,
    keywords: f.keywords,
    sheet_count: f.sheetCount,
    page_count: f.pageCount,
    reliability: f.reliability,
    physical_condition: f.physicalCondition,
    paper_code: f.paperCode,
    backup_status: f.backupStatus,
    creator_unit_id: f.creatorUnitId,
  };
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as repo.FileUpdate;
}

function pick(row: object, keys: string[]): Record<string, unknown> {
  const r = row as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, r[k]]));
}

function who(actor: Actor) {
  return {
    userId: actor.kind === 'user' ? actor.userId : null,
    actorName: actor.kind === 'user' ? actor.username : actor.kind === 'system' ? `system:${actor.name}` : null,
    ip: actor.ip,
  };
}
