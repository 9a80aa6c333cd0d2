/**
 * Scores as integer hundredths of a point (3650 = 36,50). Exam marks, priority and bonus points
 * are published with two decimals at most (Thông tư 30/2024/TT-BGDĐT); adding them as binary
 * floats drifts (0.1 + 0.2 ≠ 0.3), and a cut-off decided by a drift of 1e-15 is a wrong
 * admission. So every score enters through `toHundredths` and is an integer from then on.
 */
export type Hundredths = number;

/** Thrown when allocation inputs break a documented rule; the message names the record. */
export class AllocationInputError extends Error {
  override name = 'AllocationInputError';
}

/** Converts points (e.g. 8.25) to hundredths, refusing values finer than 0.01. */
export function toHundredths(points: number, what: string): Hundredths {
  const h = hundredthsOrNaN(points);
  if (Number.isNaN(h)) throw new AllocationInputError(`${what}: ${points} is not a number with at most two decimals`);
  return h;
}

/**
 * `toHundredths` without the error, for hot loops: NaN when the value has more than two decimals
 * (or is not finite), so the caller builds its message only when it throws.
 */
export function hundredthsOrNaN(points: number): number {
  const scaled = points * 100;
  const h = Math.round(scaled);
  return Number.isFinite(scaled) && Math.abs(scaled - h) <= 1e-6 ? h : Number.NaN;
}

export type Locale = 'vi' | 'en';

/** Renders hundredths with two decimals: Vietnamese uses a decimal comma (36,50), English a point. */
export function formatScore(h: Hundredths, locale: Locale): string {
  const abs = Math.abs(h);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, '0');
  return `${h < 0 ? '−' : ''}${whole}${locale === 'vi' ? ',' : '.'}${frac}`;
}

export type SortDirection = 'asc' | 'desc';

/**
 * A named comparator over applicant fields, used after the effective score. Provinces publish
 * their own order (e.g. priority points, then maths, then literature). The applicant-id
 * comparator is always appended by the allocator so the order is total and reproducible; it is
 * never used to decide a tie at the last seat (see `TieAtLastSeat`).
 */
export type TieBreaker =
  | `priorityPoints ${SortDirection}`
  | `bonusPoints ${SortDirection}`
  | `subject:${string} ${SortDirection}`
  | `dateOfBirth ${SortDirection}`
  // The round configuration's vocabulary (src/shared/admissions.schema.ts): higher is better.
  | 'priority_points'
  | 'bonus_points'
  | `subject:${string}`;

/** The fields a tie-breaker reads; grade-10 applicants satisfy it. */
export interface TieBreakerFields {
  readonly id: string;
  readonly scores: Readonly<Record<string, number>>;
  readonly priorityPoints: number;
  readonly bonusPoints: number;
  readonly dateOfBirth?: string | undefined;
}

const ALIASES: Readonly<Record<string, string>> = { priority_points: 'priorityPoints', bonus_points: 'bonusPoints' };
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A tie-breaker taken apart: which field, and +1 (ascending) or −1 (descending). */
export interface ParsedTieBreaker {
  readonly field: 'priorityPoints' | 'bonusPoints' | 'dateOfBirth' | 'subject';
  readonly subject: string;
  readonly sign: 1 | -1;
}

/**
 * Reads "<field> <asc|desc>". Without a direction (the round configuration's `priority_points`,
 * `bonus_points`, `subject:math`, where higher is better) it is descending.
 */
export function parseTieBreaker(tb: TieBreaker): ParsedTieBreaker {
  const [name = '', dir = 'desc', extra] = tb.split(' ');
  if ((dir !== 'asc' && dir !== 'desc') || extra !== undefined) {
    throw new AllocationInputError(`tie-breaker "${tb}": direction`);
  }
  const sign = dir === 'asc' ? 1 : -1;
  if (name.startsWith('subject:') && name.length > 'subject:'.length) {
    return { field: 'subject', subject: name.slice('subject:'.length), sign };
  }
  const field = ALIASES[name] ?? name;
  if (field === 'priorityPoints' || field === 'bonusPoints' || field === 'dateOfBirth')
    return { field, subject: '', sign };
  throw new AllocationInputError(`tie-breaker "${tb}": unknown field`);
}

/**
 * Returns, for each tie-breaker, a reader giving a number where smaller means better (descending
 * fields are negated). A missing date of birth or subject score gives +∞: after every present
 * value, in both directions.
 */
export function tieBreakerReaders(tieBreakers: readonly TieBreaker[]): ((a: TieBreakerFields) => number)[] {
  return tieBreakers.map((tb) => {
    const { field, subject, sign } = parseTieBreaker(tb);
    const read = fieldReader(field, subject);
    return (a: TieBreakerFields) => {
      const v = read(a);
      return v === null ? Number.POSITIVE_INFINITY : sign * v;
    };
  });
}

/** The tie-breaker vector of one applicant (see `tieBreakerReaders`). */
export function readTieBreakers(tieBreakers: readonly TieBreaker[]): (a: TieBreakerFields) => number[] {
  const readers = tieBreakerReaders(tieBreakers);
  return (a) => readers.map((r) => r(a));
}

function fieldReader(field: ParsedTieBreaker['field'], subject: string): (a: TieBreakerFields) => number | null {
  if (field === 'priorityPoints') return (a) => toHundredths(a.priorityPoints, `${a.id} priorityPoints`);
  if (field === 'bonusPoints') return (a) => toHundredths(a.bonusPoints, `${a.id} bonusPoints`);
  if (field === 'dateOfBirth') return (a) => (a.dateOfBirth === undefined ? null : dayNumber(a.dateOfBirth, a.id));
  return (a) => {
    const v = a.scores[subject];
    return v === undefined ? null : toHundredths(v, `${a.id} ${subject}`);
  };
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(iso: string, who: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new AllocationInputError(`${who}: date of birth "${iso}" is not YYYY-MM-DD`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** Compares tie-breaker vectors (smaller is better); 0 means tied on every configured comparator. */
export function compareTieBreakers(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Code-unit order of ids: the same in every language and locale, unlike `localeCompare`. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
