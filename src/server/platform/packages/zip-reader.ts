import { crc32, inflateRawSync } from 'node:zlib';

/**
 * A small reader of the ZIP central directory (PKWARE APPNOTE 6.3.10 §4.3), for checking
 * uploaded zips before anything is inflated and for answering one member without inflating
 * the others. fflate's `unzipSync` gives names and sizes but not the external attributes
 * that mark a symlink, and its one-shot inflate keeps decoding past a full output buffer;
 * here a member is inflated by zlib with `maxOutputLength` set to its declared size, so a
 * member that lies about its size stops there and then fails its CRC-32.
 */
export interface ZipEntry {
  /** The name as stored (UTF-8, or Latin-1 when it is not valid UTF-8), NFC. */
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  isDirectory: boolean;
  /** A Unix symlink (S_IFLNK in the high bits of the external attributes, §4.4.15). */
  isSymlink: boolean;
  /** Traditional PKWARE or strong encryption (general purpose bit 0). */
  isEncrypted: boolean;
}

export type ZipErrorReason = 'unreadable' | 'too_many_entries' | 'corrupt_entry' | 'unsupported_method';

export class ZipError extends Error {
  readonly reason: ZipErrorReason;
  constructor(reason: ZipErrorReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

const asBuffer = (zip: Uint8Array) => Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
const unreadable = (why: string) => new ZipError('unreadable', why);

function decodeName(bytes: Buffer): string {
  try {
    return utf8.decode(bytes).normalize('NFC');
  } catch {
    return bytes.toString('latin1').normalize('NFC');
  }
}

/** Where the central directory is and how many entries it declares (§4.3.16, §4.3.14 for ZIP64). */
function findCentralDirectory(b: Buffer): { count: number; offset: number; size: number } {
  const lowest = Math.max(0, b.length - 22 - U16_MAX);
  let at = b.length - 22;
  while (at >= lowest && b.readUInt32LE(at) !== EOCD) at -= 1;
  if (at < lowest) throw unreadable('no end of central directory record');
  let count = b.readUInt16LE(at + 10);
  let size = b.readUInt32LE(at + 12);
  let offset = b.readUInt32LE(at + 16);
  if ((count === U16_MAX || size === U32_MAX || offset === U32_MAX) && at >= 20) {
    if (b.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
      const z = Number(b.readBigUInt64LE(at - 12));
      if (z + 56 > b.length || b.readUInt32LE(z) !== ZIP64_EOCD) throw unreadable('bad ZIP64 record');
      count = Number(b.readBigUInt64LE(z + 32));
      size = Number(b.readBigUInt64LE(z + 40));
      offset = Number(b.readBigUInt64LE(z + 48));
    }
  }
  if (offset + size > b.length) throw unreadable('central directory outside the file');
  return { count, offset, size };
}

/** Sizes and offset from the ZIP64 extended information field (0x0001) when the header says 0xFFFFFFFF. */
function applyZip64(extra: Buffer, e: { size: number; compressedSize: number; localHeaderOffset: number }): void {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const len = extra.readUInt16LE(at + 2);
    let field = at + 4;
    if (id === 0x0001) {
      const next = () => {
        if (field + 8 > at + 4 + len) throw unreadable('short ZIP64 field');
        const v = Number(extra.readBigUInt64LE(field));
        field += 8;
        return v;
      };
      if (e.size === U32_MAX) e.size = next();
      if (e.compressedSize === U32_MAX) e.compressedSize = next();
      if (e.localHeaderOffset === U32_MAX) e.localHeaderOffset = next();
      return;
    }
    at += 4 + len;
  }
}

/**
 * The entries of a zip, from its central directory only (nothing is inflated). Throws
 * `ZipError('too_many_entries')` before reading them when it declares more than `maxEntries`.
 */
export function readZipDirectory(zip: Uint8Array, maxEntries: number): ZipEntry[] {
  const b = asBuffer(zip);
  if (b.length < 22) throw unreadable('too short to be a zip');
  const dir = findCentralDirectory(b);
  if (dir.count > maxEntries) throw new ZipError('too_many_entries', `${dir.count} entries`);
  const entries: ZipEntry[] = [];
  let at = dir.offset;
  for (let i = 0; i < dir.count; i += 1) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== CENTRAL) throw unreadable(`bad central header ${i}`);
    const madeBy = b.readUInt16LE(at + 4);
    const flags = b.readUInt16LE(at + 8);
    const nameLength = b.readUInt16LE(at + 28);
    const extraLength = b.readUInt16LE(at + 30);
    const commentLength = b.readUInt16LE(at + 32);
    const external = b.readUInt32LE(at + 38);
    const name = decodeName(b.subarray(at + 46, at + 46 + nameLength));
    const e = {
      size: b.readUInt32LE(at + 24),
      compressedSize: b.readUInt32LE(at + 20),
      localHeaderOffset: b.readUInt32LE(at + 42),
    };
    applyZip64(b.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), e);
    entries.push({
      name,
      method: b.readUInt16LE(at + 10),
      crc32: b.readUInt32LE(at + 16),
      ...e,
      isDirectory: name.endsWith('/'),
      isSymlink: madeBy >> 8 === 3 && ((external >>> 16) & S_IFMT) === S_IFLNK,
      isEncrypted: (flags & 1) === 1,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The bytes of one member, checked against its declared size and CRC-32. Inflating stops at
 * the declared size, so a member cannot expand beyond what the directory said (and what the
 * caller's limits accepted). A stored member is returned as a view of `zip`, not a copy.
 */
export function readZipEntry(zip: Uint8Array, entry: ZipEntry): Buffer {
  const b = asBuffer(zip);
  const at = entry.localHeaderOffset;
  if (at + 30 > b.length || b.readUInt32LE(at) !== LOCAL) throw new ZipError('corrupt_entry', 'bad local header');
  const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
  const data = b.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ZipError('corrupt_entry', 'member data truncated');
  let out: Buffer;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (cause) {
      throw new ZipError('corrupt_entry', `inflate failed: ${(cause as Error).message}`);
    }
  } else throw new ZipError('unsupported_method', `compression method ${entry.method}`);
  if (out.length !== entry.size || crc32(out) !== entry.crc32) {
    throw new ZipError('corrupt_entry', 'size or CRC-32 does not match the directory');
  }
  return out;
}

/**
 * A member name as a safe relative path ("a/b.js"), or null when it could escape the folder it
 * is extracted to (zip slip): absolute, a drive letter, backslashes, `.` or `..` segments,
 * empty segments, control characters. A trailing slash (a directory) is dropped.
 */
export function safeZipPath(name: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (name.includes('\\') || /[\u0000-\u001f\u007f]/.test(name)) return null;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return null;
  const parts = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return null;
  return parts.join('/');
}
