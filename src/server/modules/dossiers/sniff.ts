import type { FileKind } from '../../../shared/dossiers.schema.ts';

/**
 * File types are read from the bytes, never from the client's name or Content-Type (an .exe
 * renamed to .pdf is still an .exe). Signatures: PDF "%PDF-" (ISO 32000-1 §7.5.2), JPEG
 * FF D8 FF (JFIF/Exif SOI marker), PNG 89 50 4E 47 0D 0A 1A 0A (RFC 2083 §3.1).
 */
const SIGNATURES: readonly { kind: FileKind; bytes: readonly number[] }[] = [
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export const MIME: Readonly<Record<FileKind, string>> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

const EXTENSION: Readonly<Record<FileKind, string>> = { pdf: 'pdf', jpeg: 'jpg', png: 'png' };

/** The accepted kind the bytes are, or null for anything else. */
export function sniffKind(body: Uint8Array): FileKind | null {
  for (const s of SIGNATURES) {
    if (body.length >= s.bytes.length && s.bytes.every((b, i) => body[i] === b)) return s.kind;
  }
  return null;
}

/**
 * A safe stored name: the client's base name (no folders), NFC, control and path characters
 * removed, at most 120 characters, with the extension of the sniffed kind
 * ("giay-khai-sinh.pdf" that is really a PNG is kept as "giay-khai-sinh.png").
 */
export function storedFilename(clientName: string | undefined, kind: FileKind): string {
  const base = (clientName ?? '')
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()!
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim();
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '').slice(0, 110) || 'tep-dinh-kem';
  return `${stem}.${EXTENSION[kind]}`;
}
