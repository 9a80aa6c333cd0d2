/**
 * Working days in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year: no daylight saving since 1975).
 *
 * Processing times of administrative procedures are counted in working days ("ngày làm việc"):
 * Saturdays and Sundays are off for public bodies, and so are the public holidays of the Labour
 * Code 2019 (Art. 112) and the days the Government swaps to make long holidays. A swapped day
 * is made up on a Saturday ("làm bù"), which is then a working day. Both lists are data
 * (table `public_holidays`), edited by staff when the Government announces each year's plan.
 *
 * Everything here is pure: days are 'yyyy-mm-dd' strings in Vietnamese local time.
 */

/** A calendar day in Vietnam, 'yyyy-mm-dd'. */
export type Day = string;

export interface WorkCalendar {
  /** Days off on top of weekends: public holidays, compensatory and swapped days. */
  holidays: ReadonlySet<Day>;
  /** Weekend days that are worked ("ngày làm bù"), e.g. Saturday 10/01/2026. */
  workingDays?: ReadonlySet<Day>;
}

/**
 * Default closing time for receipt. A dossier received at or after it, or on a day off, counts
 * from the next working day: the one-stop-shop rules (Nghị định 61/2018/NĐ-CP, amended by Nghị
 * định 107/2021/NĐ-CP, and the guidance in Thông tư 01/2018/TT-VPCP) take a dossier in during
 * office hours, and online dossiers sent outside them are received on the next working day.
 * The hour is the province's choice (some use 15:00 or 16:30), so each procedure may set its own
 * (`procedures.cutoff_time`); 17:00 is the default.
 */
export const DEFAULT_CUTOFF = '17:00';

const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)(:00)?$/;

/** Accepts a Date, an ISO timestamp, or a bare 'yyyy-mm-dd' (the start of that day in Vietnam). */
export function toInstant(at: Date | string): Date {
  if (at instanceof Date) return at;
  const d = new Date(DAY_RE.test(at) ? `${at}T00:00:00+07:00` : at);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: ${at}`);
  return d;
}

/** The Vietnamese calendar day of an instant. */
export function dayOf(at: Date | string): Day {
  return new Date(toInstant(at).getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes since local midnight in Vietnam. */
export function minutesOf(at: Date | string): number {
  const local = (toInstant(at).getTime() + OFFSET_MS) % DAY_MS;
  return Math.floor(local / 60_000);
}

export function addDays(day: Day, n: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function isWorkingDay(day: Day, cal: WorkCalendar): boolean {
  if (cal.workingDays?.has(day)) return true;
  const wd = weekdayOf(day);
  return wd !== 0 && wd !== 6 && !cal.holidays.has(day);
}

/** The first working day strictly after `day`. */
export function nextWorkingDay(day: Day, cal: WorkCalendar): Day {
  let d = addDays(day, 1);
  // A year has at most ~130 days off; 400 bounds a calendar made entirely of holidays.
  for (let i = 0; i < 400 && !isWorkingDay(d, cal); i++) d = addDays(d, 1);
  return d;
}

/** 'HH:MM' → minutes. */
export function parseCutoff(cutoff: string): number {
  const m = TIME_RE.exec(cutoff);
  if (!m) throw new RangeError(`Not a time of day: ${cutoff}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * The day counting starts from: the day of receipt when it is a working day and the dossier
 * came before the cut-off; otherwise the next working day.
 */
export function receiptDay(at: Date | string, cal: WorkCalendar, cutoff = DEFAULT_CUTOFF): Day {
  const day = dayOf(at);
  if (isWorkingDay(day, cal) && minutesOf(at) < parseCutoff(cutoff)) return day;
  return nextWorkingDay(day, cal);
}

/** The last instant of a Vietnamese day (23:59:59.999 +07:00). */
export function endOfDay(day: Day): Date {
  return new Date(Date.parse(`${day}T00:00:00+07:00`) + DAY_MS - 1);
}

function asCalendar(holidays: Iterable<Day> | WorkCalendar): WorkCalendar {
  if (typeof holidays === 'object' && 'holidays' in holidays) return holidays;
  return { holidays: new Set(holidays) };
}

/**
 * The deadline of a procedure taking `n` working days for a dossier received at `start`: the
 * end of the n-th working day after the receipt day (a dossier received on Monday morning
 * with 3 days is due on Thursday; after the cut-off or at the weekend, it counts from the next
 * working day). `n = 0` gives the end of the receipt day itself.
 */
export function addWorkingDays(
  start: Date | string,
  n: number,
  holidays: Iterable<Day> | WorkCalendar,
  opts: { cutoff?: string } = {},
): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
  const cal = asCalendar(holidays);
  let day = receiptDay(start, cal, opts.cutoff);
  for (let i = 0; i < n; i++) day = nextWorkingDay(day, cal);
  return endOfDay(day);
}

/**
 * Working days left before a deadline, counting the days after `now`'s day up to and including
 * the deadline's day (0 when the deadline is today or past). Used to pause the clock while the
 * applicant supplements a dossier.
 */
export function workingDaysLeft(now: Date | string, due: Date | string, holidays: Iterable<Day> | WorkCalendar) {
  const cal = asCalendar(holidays);
  const last = dayOf(due);
  let count = 0;
  for (let d = addDays(dayOf(now), 1); d <= last; d = addDays(d, 1)) if (isWorkingDay(d, cal)) count++;
  return count;
}
