import fs from 'node:fs';
import path from 'node:path';
import type { Actor, UserActor } from '../actor.ts';
import { AppError, found } from '../errors.ts';
import type { ServedFile } from '../files/send-stored-file.ts';
import type { Platform } from '../platform.ts';
import { appendChunk, partialSize } from './partial-file.ts';
import { findUploadPurpose } from './purposes.ts';
import { checkPatch } from './tus.ts';
import { type Completed, completeUpload } from './upload-completion.ts';
import {
  countReceiving,
  deleteUpload,
  findExpired,
  findStoredFile,
  findThumbnail,
  findUpload,
  insertUpload,
  lockUploadsOf,
  moveOffset,
  type UploadRow,
} from './uploads.repository.ts';
import type { UploadsConfig } from './uploads-config.ts';

export interface UploadStatus {
  id: string;
  purpose: string;
  filename: string;
  state: 'receiving' | 'complete' | 'refused';
  offset: number;
  length: number;
  fileId: string | null;
  duplicate: boolean;
  sha256: string | null;
  contentType: string | null;
  expiresAt: string;
}

export interface Appended {
  offset: number;
  completed: Completed | undefined;
}

const HOUR = 3_600_000;
/** A HEAD waits this long for a PATCH of the same upload still running on this node. */
const HEAD_WAIT_MS = 5_000;
/** A PATCH waits this long for the one it takes over from to stop and record its bytes. */
const TAKEOVER_WAIT_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new AppError('auth.required');
  return actor;
}

/**
 * Resumable uploads (tus 1.0.0) for any module: a signed-in user creates an upload for a
 * purpose, sends its bytes in as many PATCH requests as the link allows, and on the last one
 * gets a stored file (type sniffed, SHA-256, stored once per content, preview for images).
 * Uploads are private to their owner. The bytes received so far are on the disk of the node
 * that received them (DATA_DIR/uploads): several app nodes need sticky routing per upload id.
 */
export class UploadsService {
  readonly #p: Platform;
  readonly config: UploadsConfig;
  /** PATCH requests running on this node, by upload id: one at a time per upload. */
  readonly #inflight = new Map<string, { done: Promise<void>; abort: () => void }>();

  constructor(platform: Platform, config: UploadsConfig) {
    this.#p = platform;
    this.config = config;
  }

  #partialPath(id: string): string {
    return path.join(this.config.dir, `${id}.part`);
  }

  #expiry(): Date {
    return new Date(Date.now() + this.config.expiryHours * HOUR);
  }

  /** The upload, if it is the actor's; otherwise not found (another user's uploads are invisible). */
  async #own(actor: Actor, id: string): Promise<UploadRow> {
    const user = requireUser(actor);
    const row = found(await findUpload(this.#p.db, id));
    if (row.owner_id !== user.userId) throw new AppError('resource.not_found');
    return row;
  }

  async create(
    actor: Actor,
    input: { length: number; purpose: string; filename: string; declaredType: string | null },
  ): Promise<{ id: string }> {
    const user = requireUser(actor);
    const purpose = findUploadPurpose(input.purpose);
    if (!purpose) throw new AppError('request.invalid', { details: [{ path: 'purpose', message: input.purpose }] });
    if (input.length > Math.min(this.config.maxBytes, purpose.maxBytes ?? Number.POSITIVE_INFINITY)) {
      throw new AppError('upload.too_large');
    }
    await fs.promises.mkdir(this.config.dir, { recursive: true });
    const id = await this.#p.db.transaction().execute(async (trx) => {
      await lockUploadsOf(trx, user.userId);
      if ((await countReceiving(trx, user.userId)) >= this.config.maxInProgress) throw new AppError('upload.too_many');
      const id = await insertUpload(trx, { ownerId: user.userId, ...input, expiresAt: this.#expiry() });
      await this.#p.audit.record(trx, actor, {
        action: 'uploads.create',
        entityType: 'upload',
        entityId: id,
        after: { purpose: input.purpose, filename: input.filename, length: input.length },
      });
      return id;
    });
    await fs.promises.writeFile(this.#partialPath(id), '', { mode: 0o600 });
    return { id };
  }

  /** tus HEAD and the JSON status; waits for a PATCH of this upload still running here. */
  async status(actor: Actor, id: string): Promise<UploadStatus> {
    const running = this.#inflight.get(id);
    if (running) await Promise.race([running.done, sleep(HEAD_WAIT_MS)]);
    const row = await this.#own(actor, id);
    const file = row.file_id ? await findStoredFile(this.#p.db, row.file_id) : undefined;
    return {
      id: row.id,
      purpose: row.purpose,
      filename: row.filename,
      state: row.state,
      offset: Number(row.upload_offset),
      length: Number(row.upload_length),
      fileId: row.file_id,
      duplicate: row.duplicate,
      sha256: file?.sha256 ?? null,
      contentType: file?.content_type ?? null,
      expiresAt: new Date(row.expires_at).toISOString(),
    };
  }

  /**
   * tus PATCH: appends the body at `declaredOffset`, which must be the server's offset. A body
   * cut off by a dropped connection keeps what arrived; the last byte completes the upload.
   * `abort` stops reading this request's body (a later PATCH of the same upload takes over).
   */
  async append(
    actor: Actor,
    id: string,
    declaredOffset: number,
    contentLength: number | undefined,
    body: AsyncIterable<Buffer>,
    abort: () => void = () => {},
  ): Promise<Appended> {
    const previous = this.#inflight.get(id);
    if (previous) {
      // A link lost without a reset leaves the old request open here for minutes while the
      // client, back on a new connection, resumes: the new PATCH stops the old one, which keeps
      // what it had received, then is checked against the offset as usual (409 → HEAD → resume).
      await this.#own(actor, id);
      previous.abort();
      await Promise.race([previous.done, sleep(TAKEOVER_WAIT_MS)]);
      if (this.#inflight.has(id)) throw new AppError('upload.busy');
    }
    let release = () => {};
    const done = new Promise<void>((r) => {
      release = r;
    });
    this.#inflight.set(id, { done, abort });
    try {
      return await this.#append(actor, id, declaredOffset, contentLength, body);
    } finally {
      this.#inflight.delete(id);
      release();
    }
  }

  async #append(
    actor: Actor,
    id: string,
    declaredOffset: number,
    contentLength: number | undefined,
    body: AsyncIterable<Buffer>,
  ): Promise<Appended> {
    const row = await this.#own(actor, id);
    const length = Number(row.upload_length);
    const offset = Number(row.upload_offset);
    if (row.state === 'refused') throw new AppError('upload.type_refused', { hint: refusedHint(row.refused_reason) });
    if (row.state === 'complete') {
      if (declaredOffset !== length) throw new AppError('upload.offset_mismatch');
      return { offset: length, completed: undefined };
    }
    const check = checkPatch({ declaredOffset, offset, length, contentLength });
    if (check === 'offset_mismatch') throw new AppError('upload.offset_mismatch');
    if (check === 'too_large') throw new AppError('upload.too_large');
    const partial = this.#partialPath(id);
    const held = await partialSize(partial);
    if (held < offset) {
      // The acknowledged bytes are not on this node's disk (another node, or a lost disk):
      // move the offset back to what is here, so the client asks again and resends the rest.
      await moveOffset(this.#p.db, id, offset, held, this.#expiry());
      throw new AppError('upload.offset_mismatch');
    }
    const r = await appendChunk(partial, offset, length - offset, body);
    const next = offset + r.written;
    if (r.written > 0 && !(await moveOffset(this.#p.db, id, offset, next, this.#expiry()))) {
      throw new AppError('upload.offset_mismatch');
    }
    if (r.overflow) throw new AppError('upload.too_large');
    if (r.error) throw r.error;
    if (next < length) return { offset: next, completed: undefined };
    const purpose = findUploadPurpose(row.purpose);
    const completed = await completeUpload(this.#p, actor, { ...row, upload_offset: String(next) }, partial, purpose);
    return { offset: next, completed };
  }

  /** tus DELETE (Termination): the upload and its received bytes are gone; a stored file stays. */
  async terminate(actor: Actor, id: string): Promise<void> {
    const row = await this.#own(actor, id);
    if (this.#inflight.has(id)) throw new AppError('upload.busy');
    await this.#p.db.transaction().execute(async (trx) => {
      await deleteUpload(trx, id);
      await this.#p.audit.record(trx, actor, {
        action: 'uploads.terminate',
        entityType: 'upload',
        entityId: id,
        before: { state: row.state, offset: Number(row.upload_offset), length: Number(row.upload_length) },
      });
    });
    await fs.promises.rm(this.#partialPath(id), { force: true });
  }

  /** The stored file of the actor's finished upload (to preview before attaching it). */
  async content(actor: Actor, id: string): Promise<ServedFile> {
    const row = await this.#own(actor, id);
    if (!row.file_id) throw new AppError('resource.not_found');
    return served(found(await findStoredFile(this.#p.db, row.file_id)));
  }

  async thumbnail(actor: Actor, id: string): Promise<ServedFile> {
    const row = await this.#own(actor, id);
    if (!row.file_id) throw new AppError('resource.not_found');
    return served(found(await findThumbnail(this.#p.db, row.file_id)));
  }

  /** Unfinished uploads past their expiry, with their partial files (a scheduled job). */
  async purgeExpired(now = new Date()): Promise<number> {
    let purged = 0;
    for (;;) {
      const rows = await findExpired(this.#p.db, now, 500);
      const idle = rows.filter((r) => !this.#inflight.has(r.id));
      for (const r of idle) {
        await deleteUpload(this.#p.db, r.id);
        await fs.promises.rm(this.#partialPath(r.id), { force: true });
      }
      purged += idle.length;
      if (rows.length < 500 || idle.length === 0) return purged;
    }
  }
}

function refusedHint(reason: string | null) {
  return reason ? { vi: `(${reason})`, en: `(${reason})` } : undefined;
}

export function served(f: {
  storage_key: string;
  filename: string;
  content_type: string;
  size_bytes: string;
  sha256: string;
}): ServedFile {
  return {
    storageKey: f.storage_key,
    filename: f.filename,
    contentType: f.content_type,
    size: Number(f.size_bytes),
    sha256: f.sha256,
  };
}
