import type { FastifyReply, FastifyRequest } from 'fastify';
import { fold } from '../notify/templates.ts';
import { parseRange } from './range.ts';
import type { Storage } from './storage.ts';

/** A row of stored_files, as much of it as serving needs. */
export interface ServedFile {
  storageKey: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface SendOptions {
  /** `inline` (viewed in the browser: images, PDF, video, audio) or `attachment` (downloaded). */
  disposition?: 'inline' | 'attachment';
  cacheControl?: string;
}

const INLINE = /^(image\/(jpeg|png|gif|webp)|application\/pdf|video\/|audio\/)/;

/** RFC 6266 with an RFC 8187 UTF-8 name (Vietnamese file names) and an ASCII fallback. */
export function dispositionHeader(kind: 'inline' | 'attachment', name: string): string {
  const ascii = fold(name).replace(/[^A-Za-z0-9._-]/g, '_');
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/**
 * Answers a GET for a stored file, with byte ranges so that video and audio seek and resume
 * (RFC 9110 §14): 200 with the whole file, 206 with one range and its Content-Range, 416 with
 * `Content-Range: bytes *\/size` past the end, 304 when If-None-Match names its ETag (the
 * SHA-256: the bytes of a stored file never change). If-Range with another ETag gets the whole
 * file. The caller has already checked that the actor may read the file.
 */
export async function sendStoredFile(
  req: FastifyRequest,
  reply: FastifyReply,
  storage: Storage,
  file: ServedFile,
  opts: SendOptions = {},
): Promise<FastifyReply> {
  const etag = `"${file.sha256}"`;
  const disposition = opts.disposition ?? (INLINE.test(file.contentType) ? 'inline' : 'attachment');
  reply
    .header('accept-ranges', 'bytes')
    .header('etag', etag)
    .header('content-type', file.contentType)
    .header('content-disposition', dispositionHeader(disposition, file.filename))
    .header('cache-control', opts.cacheControl ?? 'private, no-cache')
    .header('x-content-type-options', 'nosniff');
  const inm = req.headers['if-none-match'];
  if (typeof inm === 'string' && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
    return reply.code(304).send();
  }
  const ifRange = req.headers['if-range'];
  const rangeHeader = ifRange && ifRange !== etag ? undefined : req.headers.range;
  const answer = parseRange(rangeHeader, file.size);
  if (answer.kind === 'unsatisfiable') {
    return reply.code(416).header('content-range', `bytes */${file.size}`).header('content-length', 0).send();
  }
  if (answer.kind === 'full') {
    return reply
      .code(200)
      .header('content-length', file.size)
      .send(await storage.get(file.storageKey));
  }
  const { start, end } = answer.range;
  return reply
    .code(206)
    .header('content-range', `bytes ${start}-${end}/${file.size}`)
    .header('content-length', end - start + 1)
    .send(await storage.get(file.storageKey, answer.range));
}
