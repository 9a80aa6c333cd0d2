import type { OtpChannel } from './public-api.ts';

/*
 * Where the parent's work is kept in the browser, and why (Decree 13/2023/NĐ-CP: a child's
 * personal ID number is sensitive personal data).
 *
 * - sessionStorage (this tab only, gone when the tab closes): the child's 12-digit personal ID,
 *   date of birth and the one-time-code session token. A shared family phone must not keep them.
 * - localStorage (survives a closed tab): only what lets the parent find the way back — the
 *   parent's own contact, the step reached, the time of the last save. Never the child's ID,
 *   name or date of birth. After a closed tab the parent verifies the contact again and types
 *   the ID and date of birth; the form itself then comes back from the server-side draft
 *   (PUT/GET …/draft), which is keyed by a hash of the ID and the verified contact.
 */

const SESSION = 'gds.tuyensinh.session';
const RESUME = (roundId: string) => `gds.tuyensinh.resume.${roundId}`;
const SUBMIT_KEY = (roundId: string) => `gds.tuyensinh.submit.${roundId}`;

export interface OtpSession {
  channel: OtpChannel;
  address: string;
  token: string;
  expiresAt: string;
}

export interface ChildKey {
  personalId: string;
  dateOfBirth: string;
}

interface SessionData {
  otp?: OtpSession;
  /** The child's identity per dossier code (lookups) or per round (the application). */
  children?: Record<string, ChildKey>;
}

export interface ResumeHint {
  channel: OtpChannel;
  address: string;
  step: number;
  savedAt: string;
}

function read<T>(store: Storage | undefined, key: string): T | null {
  try {
    const raw = store?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(store: Storage | undefined, key: string, value: unknown): void {
  try {
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, JSON.stringify(value));
  } catch {
    // Private browsing or a full quota: the data then lives in memory for this visit only.
  }
}

const session = () => (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);
const local = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

/** The verified contact of this tab, while its token has not expired. */
export function currentOtp(now = Date.now()): OtpSession | null {
  const otp = read<SessionData>(session(), SESSION)?.otp;
  return otp && Date.parse(otp.expiresAt) > now + 30_000 ? otp : null;
}

export function rememberOtp(otp: OtpSession | null): void {
  const data = read<SessionData>(session(), SESSION) ?? {};
  write(session(), SESSION, { ...data, otp: otp ?? undefined });
}

/** The child's ID and date of birth for a round id or a dossier code, in this tab only. */
export function rememberedChild(key: string): ChildKey | null {
  return read<SessionData>(session(), SESSION)?.children?.[key] ?? null;
}

export function rememberChild(key: string, child: ChildKey | null): void {
  const data = read<SessionData>(session(), SESSION) ?? {};
  const children = { ...data.children };
  if (child) children[key] = child;
  else delete children[key];
  write(session(), SESSION, { ...data, children });
}

export function resumeHint(roundId: string): ResumeHint | null {
  return read<ResumeHint>(local(), RESUME(roundId));
}

export function rememberResume(roundId: string, hint: ResumeHint | null): void {
  write(local(), RESUME(roundId), hint);
}

/**
 * The idempotency key of the current "Nộp hồ sơ" press sequence: made on the first press and
 * kept (sessionStorage) until a receipt comes back, so a retry after a dropped connection, a
 * double click or a reload sends the same key and the server files one dossier.
 */
export function submitKey(roundId: string, make: () => string = () => crypto.randomUUID()): string {
  const existing = read<string>(session(), SUBMIT_KEY(roundId));
  if (existing) return existing;
  const key = make();
  write(session(), SUBMIT_KEY(roundId), key);
  return key;
}

/** Forgets the key once the receipt is shown (a new application would need a new one). */
export function clearSubmitKey(roundId: string): void {
  write(session(), SUBMIT_KEY(roundId), null);
}
