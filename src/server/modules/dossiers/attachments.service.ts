import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Attachment, DossierState } from '../../../shared/dossiers.schema.ts';
import { type Actor, actorLabel } from '../../platform/actor.ts';
import { dayOf } from '../../platform/calendar/calendar.ts';
import { AppError, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { findOwnDossier } from './applicant-access.ts';
import { documentsOf, presentAttachment } from './dossier.presenter.ts';
import { findAttachment, insertAttachment, insertStoredFile } from './dossier-history.repository.ts';
import { isFinal } from './dossier-state.ts';
import { stepActor } from './dossier-steps.ts';
import { type DossierRow, findDossier, lockDossier } from './dossiers.repository.ts';
import { MIME, sniffKind, storedFilename } from './sniff.ts';

export interface Upload {
  documentCode: string;
  /** The client's file name (only its base name is kept, with the extension of what the bytes are). */
  filename: string | undefined;
  body: Buffer;
}

export interface Download {
  filename: string;
  contentType: string;
  size: number;
  stream: Readable;
}

const MB = 1024 * 1024;
const bad = (vi: string, en: string) => new AppError('file.invalid', { hint: { vi, en } });

/**
 * Documents attached to dossiers. The type is sniffed from the bytes (sniff.ts), checked against
 * the procedure's list for that document with its size limit, stored through platform.storage
 * under `dossiers/<yyyy>/<dossier id>/<uuid>` with its SHA-256 in stored_files.
 * The applicant adds documents while drafting or supplementing; the unit at any time before a
 * decision (e.g. a paper brought to the desk).
 */
export class AttachmentsService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  async attachAsStaff(actor: Actor, dossierId: string, upload: Upload): Promise<Attachment> {
    const row = found(await findDossier(this.#p.db, dossierId));
    await this.#p.access.require(actor, 'dossiers.process', { unitId: row.unit_id });
    return this.#attach(actor, row, upload, (s) => !isFinal(s));
  }

  /**
   * The applicant adds a document while drafting or supplementing; with `untilDecision`, at any
   * time before a decision (a module's documents that may follow the filing, e.g. proof of a
   * priority claim).
   */
  async attachAsApplicant(
    actor: Actor,
    dossierId: string,
    applicantKey: string,
    upload: Upload,
    opts: { untilDecision?: boolean } = {},
  ): Promise<Attachment> {
    const row = await findOwnDossier(this.#p, actor, dossierId, applicantKey);
    const open = opts.untilDecision
      ? (s: DossierState) => !isFinal(s)
      : (s: DossierState) => s === 'draft' || s === 'supplement_requested';
    return this.#attach(actor, row, upload, open);
  }

  /** A file of a dossier the actor may read (`dossiers.read` on its unit); the download is audited. */
  async download(actor: Actor, dossierId: string, attachmentId: string): Promise<Download> {
    const row = found(await findDossier(this.#p.db, dossierId));
    await this.#p.access.require(actor, 'dossiers.read', { unitId: row.unit_id });
    return this.#open(actor, row, attachmentId);
  }

  async downloadAsApplicant(actor: Actor, dossierId: string, applicantKey: string, attachmentId: string) {
    return this.#open(actor, await findOwnDossier(this.#p, actor, dossierId, applicantKey), attachmentId);
  }

  async #open(actor: Actor, row: DossierRow, attachmentId: string): Promise<Download> {
    const a = found(await findAttachment(this.#p.db, row.id, attachmentId));
    const stream = await this.#p.storage.get(a.storage_key);
    // Children's documents are sensitive personal data (Nghị định 13/2023/NĐ-CP): log access.
    await this.#p.audit.record(this.#p.db, actor, {
      action: 'dossiers.attachment.download',
      entityType: 'dossier',
      entityId: row.id,
      unitId: row.unit_id,
      after: { attachmentId, documentCode: a.document_code },
    });
    return { filename: a.filename, contentType: a.content_type, size: Number(a.size_bytes), stream };
  }

  async #attach(actor: Actor, row: DossierRow, upload: Upload, open: (s: DossierState) => boolean) {
    if (!open(row.state as DossierState)) throw new AppError('dossier.invalid_transition');
    const doc = documentsOf(row).find((d) => d.code === upload.documentCode);
    if (!doc)
      throw new AppError('request.invalid', { details: [{ path: 'documentCode', message: upload.documentCode }] });
    const kind = sniffKind(upload.body);
    const accepted = doc.accepted.map((k) => k.toUpperCase()).join(', ');
    if (!kind || !doc.accepted.includes(kind))
      throw bad(`Chỉ nhận tệp ${accepted}.`, `Only ${accepted} files are accepted.`);
    if (upload.body.length > doc.maxSizeMb * MB)
      throw bad(`Tệp lớn hơn ${doc.maxSizeMb} MB.`, `The file is larger than ${doc.maxSizeMb} MB.`);
    const key = `dossiers/${dayOf(new Date()).slice(0, 4)}/${row.id}/${randomUUID()}`;
    const stored = await this.#p.storage.put(key, upload.body, MIME[kind]);
    const who = stepActor(actor);
    try {
      const id = await this.#p.db.transaction().execute(async (trx) => {
        const locked = found(await lockDossier(trx, row.id));
        if (!open(locked.state as DossierState)) throw new AppError('dossier.invalid_transition');
        const fileId = await insertStoredFile(trx, {
          storageKey: key,
          filename: storedFilename(upload.filename, kind),
          contentType: MIME[kind],
          size: stored.size,
          sha256: stored.sha256,
          createdBy: actorLabel(actor).id,
        });
        const attachmentId = await insertAttachment(trx, {
          dossierId: row.id,
          documentCode: doc.code,
          fileId,
          byKind: who.kind,
          by: who.id,
        });
        await this.#p.audit.record(trx, actor, {
          action: 'dossiers.attach',
          entityType: 'dossier',
          entityId: row.id,
          unitId: row.unit_id,
          after: {
            attachmentId,
            documentCode: doc.code,
            contentType: MIME[kind],
            size: stored.size,
            sha256: stored.sha256,
          },
        });
        return attachmentId;
      });
      return presentAttachment(found(await findAttachment(this.#p.db, row.id, id)));
    } catch (err) {
      await this.#p.storage.delete(key).catch(() => {});
      throw err;
    }
  }
}
