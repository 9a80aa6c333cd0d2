/** Dates as Vietnamese staff read them, in Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving). */

const VN_OFFSET_MS = 7 * 3600_000;

const parts = (at: Date | string) => new Date(new Date(at).getTime() + VN_OFFSET_MS).toISOString();

/** dd/mm/yyyy of an instant in Vietnam. */
export function formatDayVn(at: Date | string | null): string {
  if (at === null) return '';
  const iso = parts(at);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** dd/mm/yyyy HH:mm of an instant in Vietnam. */
export function formatDateTimeVn(at: Date | string | null): string {
  if (at === null) return '';
  return `${formatDayVn(at)} ${parts(at).slice(11, 16)}`;
}

/** dd/mm/yyyy of an ISO calendar date (yyyy-mm-dd), e.g. a date of birth. */
export function formatIsoDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
