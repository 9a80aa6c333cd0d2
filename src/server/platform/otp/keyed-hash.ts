import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Keyed hashes (HMAC-SHA256) of personal values that must be matched or counted but never
 * stored: phone numbers, e-mails, client addresses, personal ID numbers, one-time codes.
 * Without the server secret a leaked table cannot be reversed by trying every phone number
 * or every 12-digit ID (a plain SHA-256 of a 10-digit phone falls in minutes). Each label
 * separates one kind of value from another.
 */
export type HashLabel = 'address' | 'client' | 'code' | 'personal-id';

export function keyedHash(key: Buffer, label: HashLabel, value: string): string {
  return createHmac('sha256', key).update(label).update('\u0000').update(value).digest('hex');
}

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** Binds a code to the row it was issued with, so a hash cannot be replayed on another row. */
export function codeHash(key: Buffer, codeId: string, code: string): string {
  return keyedHash(key, 'code', `${codeId}:${code}`);
}
