/**
 * A grade-10 total score as Vietnamese write it: two decimals after a comma (36,50; 7,25), with
 * '.' grouping thousands as formatNumber does (src/web/lib/format.ts has no fixed-decimals form).
 */
const scoreFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatScore(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '';
  return scoreFormat.format(value);
}
