import { sql } from 'kysely';

/**
 * The rules of a recipient's state, in one place (TypeScript for the service, SQL for lists and
 * counts; the unit test checks the TypeScript, the integration tests the SQL on the same cases).
 *
 * - A recipient has *complied* when it answered (confirmation, text or report), or, for a
 *   read-only directive (`none`), when a user of the unit opened it.
 * - It is *late* when the directive has a deadline and either it has not complied and the
 *   deadline (a calendar day in Vietnam) has passed, or it complied after that day. The first
 *   answer decides: amending an on-time answer before the deadline keeps it on time.
 */
export type RecipientStatus = 'new' | 'read' | 'answered' | 'late';

export interface RecipientFacts {
  responseKind: 'none' | 'confirm' | 'text' | 'report';
  deadline: string | null;
  firstReadAt: Date | string | null;
  firstAnsweredAt: Date | string | null;
}

/** The calendar day (yyyy-mm-dd) of an instant in Vietnam. */
export function dayInVietnam(at: Date | string = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(at));
}

export function compliedAt(f: RecipientFacts): Date | string | null {
  return f.responseKind === 'none' ? f.firstReadAt : f.firstAnsweredAt;
}

export function isLate(f: RecipientFacts, today: string): boolean {
  if (!f.deadline) return false;
  const done = compliedAt(f);
  return done === null ? today > f.deadline : dayInVietnam(done) > f.deadline;
}

/** What the inbox and the issuer's table show: answered (perhaps late), late, read, new. */
export function recipientStatus(f: RecipientFacts, today: string): RecipientStatus {
  if (f.responseKind !== 'none' && f.firstAnsweredAt) return 'answered';
  if (isLate(f, today)) return 'late';
  return f.firstReadAt ? 'read' : 'new';
}

/** Whether the unit may still answer or amend: amendments until the deadline; a first answer at any time while open. */
export function mayAnswer(f: RecipientFacts & { state: string }, today: string): boolean {
  if (f.state !== 'issued' || f.responseKind === 'none') return false;
  if (!f.firstAnsweredAt || !f.deadline) return true;
  return today <= f.deadline;
}

// ── SQL twins (alias r = directive_recipients, which carries the kind, the deadline and the
// day the unit complied: no join needed) ─────────────────────────────────────────────────────

/** SQL: the recipient has complied. */
export const compliedSql = sql<boolean>`(r.complied_on IS NOT NULL)`;

/** SQL: the recipient is late on `today` (see isLate). */
export const lateSql = (today: string) =>
  sql<boolean>`(r.deadline IS NOT NULL AND coalesce(r.complied_on, ${today}::date) > r.deadline)`;

/** SQL: the recipient's status (see recipientStatus). */
export const statusSql = (today: string) =>
  sql<RecipientStatus>`(CASE WHEN r.response_kind <> 'none' AND r.first_answered_at IS NOT NULL THEN 'answered'
    WHEN ${lateSql(today)} THEN 'late' WHEN r.first_read_at IS NOT NULL THEN 'read' ELSE 'new' END)`;

/** SQL: today's calendar day in Vietnam (the day a read or an answer made now is on). */
export const todaySql = sql<string>`(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
