/**
 * The tus resumable upload protocol 1.0.0 (https://tus.io/protocols/resumable-upload), core
 * protocol with the Creation and Termination extensions: the pure parts, tested alone.
 */
export const TUS_VERSION = '1.0.0';
export const TUS_EXTENSIONS = 'creation,termination';
/** The only Content-Type a PATCH may carry (core protocol, PATCH). */
export const TUS_CONTENT_TYPE = 'application/offset+octet-stream';

/**
 * Upload-Metadata: comma-separated pairs of a key and an optional base64 value ("Creation",
 * Upload-Metadata). Keys are ASCII without spaces or commas and unique; values are decoded as
 * UTF-8. Returns null when the header is malformed.
 */
export function parseMetadata(header: string | undefined): Record<string, string> | null {
  const out: Record<string, string> = {};
  if (!header?.trim()) return out;
  for (const pair of header.split(',')) {
    const [key, value, ...rest] = pair.trim().split(' ');
    if (!key || rest.length || !/^[\x21-\x7e]+$/.test(key) || Object.hasOwn(out, key)) return null;
    if (value !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return null;
    out[key] = value === undefined ? '' : Buffer.from(value, 'base64').toString('utf8');
  }
  return out;
}

/** What a PATCH may do, given the server's offset and the upload's length. */
export type PatchCheck = 'ok' | 'offset_mismatch' | 'too_large';

/**
 * Core protocol, PATCH: "The Upload-Offset header's value MUST be equal to the current offset
 * of the resource", else 409; a body that would go past Upload-Length is refused (413) before
 * any byte of it is read, when its Content-Length says so.
 */
export function checkPatch(p: {
  declaredOffset: number;
  offset: number;
  length: number;
  contentLength: number | undefined;
}): PatchCheck {
  if (p.declaredOffset !== p.offset) return 'offset_mismatch';
  if (p.contentLength !== undefined && p.offset + p.contentLength > p.length) return 'too_large';
  return 'ok';
}
