import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). */
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which type stripping cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password.normalize('NFC'));
  } catch {
    return false;
  }
}

// Verified against when the username does not exist, so that timing does not reveal which
// usernames exist.
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hashPassword('giaoducso-dummy-password-0');
  return dummyHash.then((h) => verifyPassword(h, password));
}

/**
 * Password policy: at least 10 characters with letters and digits, not the username, not the
 * previous password. Returns true when acceptable.
 */
export function isAcceptablePassword(password: string, username: string, previous?: string): boolean {
  if (password.length < 10 || password.length > 200) return false;
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) return false;
  if (password.toLowerCase().includes(username.toLowerCase())) return false;
  if (previous !== undefined && password === previous) return false;
  return true;
}

/** A readable temporary password (no 0/O/1/l), meeting the policy. */
export function generatePassword(): string {
  const letters = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const bytes = crypto.getRandomValues(new Uint8Array(14));
  const chars = [...bytes].map((b) => all[b % all.length]);
  chars[3] = digits[bytes[3]! % digits.length]!;
  chars[9] = letters[bytes[9]! % letters.length]!;
  return chars.join('');
}
