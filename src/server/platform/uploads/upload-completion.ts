import fs from 'node:fs';
import type { Actor } from '../actor.ts';
import { actorLabel } from '../actor.ts';
import { dayOf } from '../calendar/calendar.ts';
import { AppError } from '../errors.ts';
import type { Platform } from '../platform.ts';
import { withExtension } from './filename.ts';
import { fileReader, sha256File } from './partial-file.ts';
import type { UploadPurpose } from './purposes.ts';
import { type FileKind, KIND_INFO, sniffFile } from './sniff.ts';
import { makeThumbnail, THUMBNAIL_WIDTH } from './thumbnails.ts';
import {
  findThumbnail,
  findUploadedFileBySha,
  insertStoredFileOnce,
  insertThumbnailLink,
  markComplete,
  markRefused,
  type UploadRow,
} from './uploads.repository.ts';

export interface Completed {
  fileId: string;
  sha256: string;
  duplicate: boolean;
  kind: FileKind;
}

/**
 * The last byte has arrived: sniff the type and check it against the purpose, hash the file,
 * and store it under `uploads/<yyyy>/<sha256>` unless the same bytes are already stored (then
 * the earlier stored file is the answer, `duplicate`). Images and, with ffmpeg, videos get a
 * preview. Called again after a failure (a PATCH at the full offset), it finishes the work.
 */
export async function completeUpload(
  p: Platform,
  actor: Actor,
  row: UploadRow,
  partialPath: string,
  purpose: UploadPurpose | undefined,
): Promise<Completed> {
  const size = Number(row.upload_length);
  const fh = await fs.promises.open(partialPath, 'r');
  let kind: FileKind | null;
  try {
    kind = await sniffFile(fileReader(fh), size);
  } finally {
    await fh.close();
  }
  if (!kind || !purpose?.kinds.includes(kind)) {
    const reason = kind ? KIND_INFO[kind].ext.toUpperCase() : 'unknown';
    await p.db.transaction().execute(async (trx) => {
      await markRefused(trx, row.id, reason);
      await p.audit.record(trx, actor, {
        action: 'uploads.refuse',
        entityType: 'upload',
        entityId: row.id,
        after: { purpose: row.purpose, kind: reason },
      });
    });
    await fs.promises.rm(partialPath, { force: true });
    throw new AppError('upload.type_refused', { hint: { vi: `(${reason})`, en: `(${reason})` } });
  }
  const info = KIND_INFO[kind];
  const sha256 = await sha256File(partialPath);
  let fileId = (await findUploadedFileBySha(p.db, sha256))?.id;
  let duplicate = fileId !== undefined;
  const thumb = !duplicate ? await makeThumbnail(partialPath, kind) : null;
  if (!fileId) {
    const key = `uploads/${dayOf(new Date()).slice(0, 4)}/${sha256}`;
    await p.storage.putFile(key, partialPath, info.mime, sha256);
    const inserted = await insertStoredFileOnce(p.db, {
      storageKey: key,
      filename: withExtension(row.filename, info.ext),
      contentType: info.mime,
      size,
      sha256,
      createdBy: actorLabel(actor).id,
    });
    // Another upload of the same bytes finished in between: its stored file is the one.
    fileId = inserted ?? (await findUploadedFileBySha(p.db, sha256))?.id;
    duplicate = inserted === undefined;
    if (!fileId) throw new Error(`upload ${row.id}: stored file ${sha256} vanished`);
  } else {
    await fs.promises.rm(partialPath, { force: true });
  }
  if (thumb && !(await findThumbnail(p.db, fileId))) {
    const key = `thumbnails/${dayOf(new Date()).slice(0, 4)}/${sha256}-${THUMBNAIL_WIDTH}.webp`;
    const stored = await p.storage.put(key, thumb.data, thumb.contentType);
    const thumbId = await insertStoredFileOnce(p.db, {
      storageKey: key,
      filename: withExtension(row.filename, 'webp'),
      contentType: thumb.contentType,
      size: stored.size,
      sha256: stored.sha256,
      createdBy: actorLabel(actor).id,
    });
    if (thumbId)
      await insertThumbnailLink(p.db, { fileId, thumbnailId: thumbId, width: thumb.width, height: thumb.height });
  }
  const id = fileId;
  await p.db.transaction().execute(async (trx) => {
    await markComplete(trx, row.id, id, duplicate);
    await p.audit.record(trx, actor, {
      action: 'uploads.complete',
      entityType: 'upload',
      entityId: row.id,
      after: { fileId: id, sha256, size, contentType: info.mime, duplicate },
    });
  });
  return { fileId: id, sha256, duplicate, kind };
}
