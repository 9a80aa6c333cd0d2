/**
 * A minimal DER (ITU-T X.690) encoder and reader for the CMS structures of a PDF signature.
 * The reader keeps each element's offsets, so a verifier can hash the exact bytes it received
 * (the signed attributes, a certificate's issuer) instead of a re-encoding of them.
 */

export interface DerNode {
  /** The identifier octet (one byte: every tag used here is below 31). */
  tag: number;
  /** Offset of the identifier octet in `bytes`. */
  start: number;
  /** Offset of the first content octet. */
  contentStart: number;
  /** Offset just past the last content octet. */
  end: number;
  bytes: Uint8Array;
}

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Context-specific tag `[n]`, constructed (EXPLICIT, or IMPLICIT of a constructed type). */
export const contextTag = (n: number): number => 0xa0 | n;

function lengthOctets(length: number): number[] {
  if (length < 0x80) return [length];
  const out: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) out.unshift(n % 256);
  return [0x80 | out.length, ...out];
}

/** One TLV with the given content. */
export function tlv(tag: number, content: Uint8Array): Uint8Array {
  const head = [tag, ...lengthOctets(content.length)];
  const out = new Uint8Array(head.length + content.length);
  out.set(head, 0);
  out.set(content, head.length);
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const sequence = (...items: Uint8Array[]): Uint8Array => tlv(TAG.SEQUENCE, concat(items));

/** A SET OF in DER order: elements sorted by their encodings (X.690 §11.6). */
export function setOf(items: readonly Uint8Array[], tag: number = TAG.SET): Uint8Array {
  const sorted = [...items].sort(compareBytes);
  return tlv(tag, concat(sorted));
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && compareBytes(a, b) === 0;
}

export function oid(dotted: string): Uint8Array {
  const parts = dotted.split('.').map(Number);
  const body: number[] = [40 * parts[0]! + parts[1]!];
  for (const arc of parts.slice(2)) {
    const chunk: number[] = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift(0x80 | (n & 0x7f));
    body.push(...chunk);
  }
  return tlv(TAG.OID, Uint8Array.from(body));
}

export const octetString = (bytes: Uint8Array): Uint8Array => tlv(TAG.OCTET_STRING, bytes);
export const derNull = (): Uint8Array => tlv(TAG.NULL, new Uint8Array(0));
export const integer = (n: number): Uint8Array => tlv(TAG.INTEGER, Uint8Array.of(n));

/** Reads the element at `offset`; throws on a truncated or indefinite-length element. */
export function readNode(bytes: Uint8Array, offset = 0): DerNode {
  const tag = bytes[offset];
  let at = offset + 1;
  const first = bytes[at++];
  if (tag === undefined || first === undefined) throw new Error('DER: truncated element');
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: multi-byte tags are not supported');
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new Error('DER: indefinite or oversized length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[at++] ?? Number.NaN);
  }
  const end = at + length;
  if (!Number.isFinite(length) || end > bytes.length) throw new Error('DER: element runs past the end');
  return { tag, start: offset, contentStart: at, end, bytes };
}

/** The children of a constructed element. */
export function children(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  for (let at = node.contentStart; at < node.end; ) {
    const child = readNode(node.bytes, at);
    if (child.end > node.end) throw new Error('DER: child runs past its parent');
    out.push(child);
    at = child.end;
  }
  return out;
}

/** The whole encoding (tag, length, content) of an element. */
export const raw = (node: DerNode): Uint8Array => node.bytes.subarray(node.start, node.end);
export const content = (node: DerNode): Uint8Array => node.bytes.subarray(node.contentStart, node.end);

export function readOid(node: DerNode): string {
  if (node.tag !== TAG.OID) throw new Error('DER: OBJECT IDENTIFIER expected');
  const b = content(node);
  const arcs: number[] = [];
  let n = 0;
  for (const byte of b) {
    n = n * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(n);
      n = 0;
    }
  }
  const first = arcs.shift() ?? 0;
  const top = first < 80 ? Math.floor(first / 40) : 2;
  return [top, first - 40 * top, ...arcs].join('.');
}

/** The n-th child, checking its tag when one is given. */
export function child(node: DerNode, index: number, tag?: number): DerNode {
  const c = children(node)[index];
  if (!c || (tag !== undefined && c.tag !== tag)) throw new Error(`DER: unexpected structure at child ${index}`);
  return c;
}
