/**
 * File types read from the bytes, never from the client's name or declared type (an .exe
 * renamed to .pdf is still an .exe). The first bytes decide the family; ZIP and OLE2
 * containers are then opened far enough to tell Office documents apart.
 */
export type FileKind =
  | 'pdf'
  | 'jpeg'
  | 'png'
  | 'gif'
  | 'webp'
  | 'mp4'
  | 'mov'
  | 'm4a'
  | 'webm'
  | 'mkv'
  | 'mp3'
  | 'ogg'
  | 'zip'
  | 'docx'
  | 'pptx'
  | 'xlsx'
  | 'doc'
  | 'ppt'
  | 'xls';

export const KIND_INFO: Readonly<Record<FileKind, { mime: string; ext: string }>> = {
  pdf: { mime: 'application/pdf', ext: 'pdf' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  gif: { mime: 'image/gif', ext: 'gif' },
  webp: { mime: 'image/webp', ext: 'webp' },
  mp4: { mime: 'video/mp4', ext: 'mp4' },
  mov: { mime: 'video/quicktime', ext: 'mov' },
  m4a: { mime: 'audio/mp4', ext: 'm4a' },
  webm: { mime: 'video/webm', ext: 'webm' },
  mkv: { mime: 'video/x-matroska', ext: 'mkv' },
  mp3: { mime: 'audio/mpeg', ext: 'mp3' },
  ogg: { mime: 'audio/ogg', ext: 'ogg' },
  zip: { mime: 'application/zip', ext: 'zip' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ext: 'pptx' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  doc: { mime: 'application/msword', ext: 'doc' },
  ppt: { mime: 'application/vnd.ms-powerpoint', ext: 'ppt' },
  xls: { mime: 'application/vnd.ms-excel', ext: 'xls' },
};

/** Random access to the file being sniffed: up to `length` bytes from `position`. */
export type ReadAt = (position: number, length: number) => Promise<Buffer>;

const ascii = (b: Buffer, from: number, to: number) => b.subarray(from, to).toString('latin1');
const starts = (b: Buffer, bytes: readonly number[], at = 0) =>
  b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The family from the first bytes (at least 64 of them when the file has them). Signatures:
 * PDF "%PDF-" (ISO 32000-1 §7.5.2); JPEG FF D8 FF; PNG 89 "PNG" 0D 0A 1A 0A (RFC 2083 §3.1);
 * GIF "GIF87a"/"GIF89a"; WebP "RIFF" size "WEBP"; ISO BMFF "ftyp" at 4 (ISO/IEC 14496-12 §4.3)
 * with the major brand telling audio (M4A/M4B) from video; EBML 1A 45 DF A3 with DocType "webm"
 * or "matroska"; MP3 "ID3" (ID3v2) or an MPEG audio frame sync (11 set bits, layer ≠ 00);
 * "OggS"; ZIP "PK" 03 04 (or 05 06, empty); OLE2 compound file D0 CF 11 E0 A1 B1 1A E1.
 */
export function sniffHead(b: Buffer): FileKind | 'ole2' | null {
  if (ascii(b, 0, 5) === '%PDF-') return 'pdf';
  if (starts(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (/^GIF8[79]a$/.test(ascii(b, 0, 6))) return 'gif';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  if (ascii(b, 4, 8) === 'ftyp') {
    const brand = ascii(b, 8, 12);
    if (brand === 'M4A ' || brand === 'M4B ') return 'm4a';
    if (brand === 'qt  ') return 'mov';
    return 'mp4';
  }
  if (starts(b, [0x1a, 0x45, 0xdf, 0xa3])) return ascii(b, 0, 64).includes('webm') ? 'webm' : 'mkv';
  if (ascii(b, 0, 3) === 'ID3') return 'mp3';
  if (b.length >= 2 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0 && (b[1]! & 0x06) !== 0) return 'mp3';
  if (ascii(b, 0, 4) === 'OggS') return 'ogg';
  if (starts(b, [0x50, 0x4b, 0x03, 0x04]) || starts(b, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (starts(b, OLE2)) return 'ole2';
  return null;
}

/**
 * Names of the entries in a ZIP's central directory, read from its end (APPNOTE.TXT §4.3.16:
 * the end-of-central-directory record, within the last 64 KiB + 22 bytes).
 */
export async function zipEntryNames(read: ReadAt, size: number, max = 5000): Promise<string[]> {
  const tailLength = Math.min(size, 65_557);
  const tail = await read(size - tailLength, tailLength);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) return [];
  const count = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (dirOffset + dirSize > size || dirSize > 64 * 1024 * 1024) return [];
  const dir = await read(dirOffset, dirSize);
  const names: string[] = [];
  let p = 0;
  for (let i = 0; i < Math.min(count, max) && p + 46 <= dir.length; i++) {
    if (dir.readUInt32LE(p) !== 0x02014b50) break;
    const nameLength = dir.readUInt16LE(p + 28);
    const extra = dir.readUInt16LE(p + 30);
    const comment = dir.readUInt16LE(p + 32);
    names.push(dir.subarray(p + 46, p + 46 + nameLength).toString('utf8'));
    p += 46 + nameLength + extra + comment;
  }
  return names;
}

/** Office Open XML (ECMA-376 Part 2): a ZIP with [Content_Types].xml and the main part. */
function ooxmlKind(names: readonly string[]): FileKind {
  if (!names.includes('[Content_Types].xml')) return 'zip';
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('ppt/presentation.xml')) return 'pptx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  return 'zip';
}

/**
 * Legacy Office in an OLE2 compound file ([MS-CFB] §2.2): the directory's first sector holds
 * the root's children; Word keeps a "WordDocument" stream, PowerPoint "PowerPoint Document",
 * Excel "Workbook" (or "Book" before Excel 97).
 */
async function ole2Kind(read: ReadAt, head: Buffer): Promise<FileKind | null> {
  if (head.length < 512) return null;
  const sectorShift = head.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sector = 1 << sectorShift;
  const firstDirSector = head.readUInt32LE(0x30);
  const dir = await read((firstDirSector + 1) * sector, sector);
  for (let p = 0; p + 128 <= dir.length; p += 128) {
    const nameBytes = Math.min(dir.readUInt16LE(p + 0x40), 64);
    const name = dir.subarray(p, p + Math.max(0, nameBytes - 2)).toString('utf16le');
    if (name === 'WordDocument') return 'doc';
    if (name === 'PowerPoint Document') return 'ppt';
    if (name === 'Workbook' || name === 'Book') return 'xls';
  }
  return null;
}

/** The kind of a whole file of `size` bytes, or null when it is none the platform knows. */
export async function sniffFile(read: ReadAt, size: number): Promise<FileKind | null> {
  const head = await read(0, Math.min(size, 512));
  const family = sniffHead(head);
  if (family === 'ole2') return ole2Kind(read, head);
  if (family === 'zip') return ooxmlKind(await zipEntryNames(read, size));
  return family;
}

/** A reader over a buffer (tests, small files). */
export function bufferReader(b: Buffer): ReadAt {
  return async (position, length) => b.subarray(position, position + length);
}
