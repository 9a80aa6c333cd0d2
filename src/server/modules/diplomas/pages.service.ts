import type {
  IssuingUnitList,
  PageScanList,
  PagesAttach,
  RegisterPagesAttach,
} from '../../../shared/diplomas.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { ServedFile } from '../../platform/files/send-stored-file.ts';
import type { Platform } from '../../platform/platform.ts';
import { findEntry } from './entries.repository.ts';
import { logOnly } from './entries.service.ts';
import {
  appendEntryPages,
  appendRangePages,
  findPageFiles,
  findPageLabels,
  findRegister,
  listIssuingUnits,
  ownPageUploads,
  recordRegisterPages,
} from './pages.repository.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The issuing units of the import wizard's picker, and the scanned pages of the master register
 * (issue 5 item 1): files uploaded for the purpose `diploma-pages` (images, PDF) attached to an
 * entry or to a range of register numbers, and viewed with diplomas.read, each view audited
 * like the view of an entry.
 */
export class PagesService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  /** The Sở GDĐT of today and the former ones, in the scope of diplomas.manage. */
  async issuingUnits(actor: Actor): Promise<IssuingUnitList> {
    const scope = await this.#p.access.scope(actor, 'diplomas.manage');
    const rows = await listIssuingUnits(this.#p.db, scope);
    const now = today();
    return {
      items: rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        expired: r.valid_to !== null && r.valid_to < now,
        formerNames: r.former_names.map((n) => ({ name: n.name, validFrom: n.valid_from, validTo: n.valid_to })),
      })),
    };
  }

  /** The scanned pages of an entry the actor may read (listing them shows no personal data). */
  async list(actor: Actor, id: string): Promise<PageScanList> {
    const row = await this.#readable(actor, id);
    return { items: await this.#present(row.page_file_ids, row.register_id) };
  }

  /** Attaches the actor's finished uploads to an entry, in one transaction with its audit entry. */
  async attach(actor: Actor, id: string, body: PagesAttach): Promise<PageScanList> {
    const fileIds = [...new Set(body.fileIds)];
    const { pages, registerId } = await this.#p.db.transaction().execute(async (trx) => {
      const row = await findEntry(trx, id, true);
      if (!row) throw new AppError('resource.not_found');
      await this.#p.access.require(actor, 'diplomas.manage', { unitId: row.issuing_unit_id });
      await this.#checkUploads(trx, actor, fileIds);
      const after = await appendEntryPages(trx, id, fileIds);
      if (!after) throw new AppError('resource.not_found');
      await this.#p.audit.record(trx, actor, {
        action: 'diplomas.entry.pages_attach',
        entityType: 'diploma_entry',
        entityId: id,
        unitId: row.issuing_unit_id,
        before: { pageFileIds: row.page_file_ids },
        after: { pageFileIds: after },
      });
      return { pages: after, registerId: row.register_id };
    });
    return { items: await this.#present(pages, registerId) };
  }

  /**
   * Attaches the files to every entry of a register numbered fromNo…toNo (a scanned page holds
   * several), and records what the page is (its label, 0039). Entries that already hold the
   * files are not counted.
   */
  async attachRange(actor: Actor, registerId: string, body: RegisterPagesAttach): Promise<{ entries: number }> {
    const fileIds = [...new Set(body.fileIds)];
    return this.#p.db.transaction().execute(async (trx) => {
      const register = await findRegister(trx, registerId);
      if (!register) throw new AppError('resource.not_found');
      await this.#p.access.require(actor, 'diplomas.manage', { unitId: register.issuing_unit_id });
      await this.#checkUploads(trx, actor, fileIds);
      const ids = await appendRangePages(trx, registerId, body.fromNo, body.toNo, fileIds);
      await recordRegisterPages(trx, {
        registerId,
        fileIds,
        label: body.label,
        fromNo: body.fromNo,
        toNo: body.toNo,
        by: actor.kind === 'user' ? actor.userId : null,
      });
      await this.#p.audit.record(trx, actor, {
        action: 'diplomas.register.pages_attach',
        entityType: 'diploma_register',
        entityId: registerId,
        unitId: register.issuing_unit_id,
        after: { fileIds, label: body.label, fromNo: body.fromNo, toNo: body.toNo, entryIds: ids },
      });
      return { entries: ids.length };
    });
  }

  /** One scanned page of an entry, for serving; the view is audited like the view of the entry. */
  async file(actor: Actor, id: string, fileId: string): Promise<ServedFile> {
    const row = await this.#readable(actor, id);
    if (!row.page_file_ids.includes(fileId)) throw new AppError('resource.not_found');
    const [file] = await findPageFiles(this.#p.db, [fileId]);
    if (!file) throw new AppError('resource.not_found');
    await logOnly(this.#p, (trx) =>
      this.#p.audit.record(trx, actor, {
        action: 'diplomas.entry.page_view',
        entityType: 'diploma_entry',
        entityId: id,
        unitId: row.issuing_unit_id,
        after: { fileId },
      }),
    );
    return {
      storageKey: file.storage_key,
      filename: file.filename,
      contentType: file.content_type,
      size: Number(file.size_bytes),
      sha256: file.sha256,
    };
  }

  get storage() {
    return this.#p.storage;
  }

  async #checkUploads(trx: Executor, actor: Actor, fileIds: string[]): Promise<void> {
    const own = await ownPageUploads(trx, actor.kind === 'user' ? actor.userId : null, fileIds);
    const missing = fileIds.filter((f) => !own.has(f));
    if (missing.length)
      throw new AppError('request.invalid', {
        details: missing.map((f) => ({ path: 'fileIds', message: f })),
        hint: {
          vi: 'Chỉ gắn được tệp bạn đã tải lên xong cho mục "trang sổ gốc quét" (ảnh hoặc PDF).',
          en: 'Only files you have finished uploading as scanned register pages (images or PDF) can be attached.',
        },
      });
  }

  async #present(fileIds: string[], registerId: string) {
    const files = new Map((await findPageFiles(this.#p.db, fileIds)).map((f) => [f.id, f]));
    const labels = await findPageLabels(this.#p.db, registerId, fileIds);
    return fileIds.flatMap((id) => {
      const f = files.get(id);
      return f
        ? [
            {
              fileId: f.id,
              filename: f.filename,
              contentType: f.content_type,
              size: Number(f.size_bytes),
              label: labels.get(f.id) ?? null,
            },
          ]
        : [];
    });
  }

  async #readable(actor: Actor, id: string) {
    const row = await findEntry(this.#p.db, id);
    await this.#p.access.scope(actor, 'diplomas.read');
    if (!row || !(await this.#p.access.can(actor, 'diplomas.read', { unitId: row.issuing_unit_id })))
      throw new AppError('resource.not_found');
    return row;
  }
}
