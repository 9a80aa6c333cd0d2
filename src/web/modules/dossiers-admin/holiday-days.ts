/** Day of the week of an ISO calendar day: 0 Sunday … 6 Saturday (no time zone involved). */
export function weekdayOf(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
}

/** The year of an ISO day. */
export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** Years offered by the picker: two back, two ahead, and the one shown if outside. */
export function yearChoices(current: number, shown: number): number[] {
  const years = [current - 2, current - 1, current, current + 1, current + 2];
  if (!years.includes(shown)) years.push(shown);
  return years.sort((a, b) => a - b);
}

/** The year asked for in `?year=` if it is one the API accepts (2000–2999), else `fallback`. */
export function yearFromParam(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 2000 && n <= 2999 ? n : fallback;
}
