import type { DocumentPatch, FileDetail } from '../../../shared/archive.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import * as repo from './files.repository.ts';
import type { ArchiveFilesService } from './files.service.ts';

const withdrawnAlready = () =>
  new AppError('archive.invalid_metadata', {
    details: [
      {
        path: 'documentId',
        message: 'văn bản đã được rút khỏi hồ sơ / the document has already been withdrawn from the file',
      },
    ],
  });

/** The document's columns of the fields present in a patch. */
function documentColumns(p: DocumentPatch) {
  const c = {
    title: p.title,
    doc_number: p.docNumber,
    doc_date: p.docDate,
    author: p.author,
    page_count: p.pageCount,
  };
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as Partial<typeof c>;
}

/**
 * An archivist's changes to a document already in a file: its description (title, number, date,
 * author, pages) and its withdrawal. An archive never silently deletes (Luật Lưu trữ 2024): a
 * withdrawn document stays recorded with when, by whom and why; readers no longer see it, the
 * fonds' archivists see it marked "đã rút"; it leaves the file's count (its bytes are kept and still checked for fixity).
 */
export class ArchiveDocumentsService {
  readonly #p: Platform;
  readonly #files: ArchiveFilesService;

  constructor(p: Platform, files: ArchiveFilesService) {
    this.#p = p;
    this.#files = files;
  }

  async update(actor: Actor, fileId: string, documentId: string, patch: DocumentPatch): Promise<FileDetail> {
    await this.#p.db.transaction().execute(async (trx) => {
      const { file, doc } = await this.#load(trx, actor, fileId, documentId);
      if (doc.withdrawn_at) throw withdrawnAlready();
      const set = documentColumns(patch);
      const before = Object.fromEntries(Object.keys(set).map((k) => [k, doc[k as keyof typeof doc]]));
      await repo.updateDocument(trx, documentId, set);
      await this.#p.audit.record(trx, actor, {
        action: 'archive.document.update',
        entityType: 'archive_document',
        entityId: documentId,
        unitId: file.fonds_unit_id,
        before: { fileId, ...before },
        after: { fileId, ...set },
      });
    });
    return this.#files.get(actor, fileId, false);
  }

  async withdraw(actor: Actor, fileId: string, documentId: string, reason: string): Promise<FileDetail> {
    await this.#p.db.transaction().execute(async (trx) => {
      const { file, doc } = await this.#load(trx, actor, fileId, documentId);
      if (doc.withdrawn_at) throw withdrawnAlready();
      const by = actor.kind === 'user' ? actor.userId : null;
      if (!(await repo.withdrawDocument(trx, fileId, documentId, by, reason))) throw withdrawnAlready();
      await this.#p.audit.record(trx, actor, {
        action: 'archive.document.withdraw',
        entityType: 'archive_document',
        entityId: documentId,
        unitId: file.fonds_unit_id,
        before: { fileId, title: doc.title, withdrawn: false, documentCount: file.document_count },
        after: {
          fileId,
          title: doc.title,
          withdrawn: true,
          reason,
          documentCount: Math.max(0, file.document_count - 1),
        },
      });
    });
    return this.#files.get(actor, fileId, false);
  }

  /** The file and the document (row-locked), once the actor is known to be an archivist of the fonds. */
  async #load(trx: Executor, actor: Actor, fileId: string, documentId: string) {
    const file = await repo.findFile(trx, fileId);
    if (!file) throw new AppError('resource.not_found');
    await this.#p.access.require(actor, 'archive.manage', { unitId: file.fonds_unit_id });
    const doc = await repo.findDocument(trx, fileId, documentId);
    if (!doc) throw new AppError('resource.not_found');
    return { file, doc };
  }
}
