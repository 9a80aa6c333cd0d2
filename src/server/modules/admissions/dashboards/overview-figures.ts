import {
  type DashboardRound,
  FiledState,
  type Overview,
  type OverviewFigures,
  type OverviewRow,
} from '../../../../shared/admission-dashboards.schema.ts';
import { ratio } from './dashboard-figures.ts';
import type { RoundCountRow } from './overview.repository.ts';

/** Pure arithmetic of the overview: a row per round, the sums, the order. */

const statusRecord = (f: (s: FiledState) => number) =>
  Object.fromEntries(FiledState.options.map((s) => [s, f(s)])) as Record<FiledState, number>;

export function overviewRow(round: DashboardRound, c: RoundCountRow): OverviewRow {
  return {
    round,
    coverage: c.whole ? 'round' : 'schools',
    schools: c.schools,
    seats: c.seats,
    applications: c.applications,
    byStatus: statusRecord((s) => c[s]),
    firstWish: c.first_wish,
    demandRatio: ratio(c.first_wish, c.seats),
    admitted: c.admitted,
    fillRate: c.admitted === null ? null : ratio(c.admitted, c.seats),
    overdue: c.overdue,
  };
}

/**
 * Sums of the rows. The demand ratio is over all seats; admitted and the fill rate only over
 * the rounds that have results (a round still registering would make the province look empty).
 */
export function sumRows(rows: readonly OverviewFigures[]): Overview['total'] {
  const sum = (f: (r: OverviewFigures) => number) => rows.reduce((n, r) => n + f(r), 0);
  const allocated = rows.filter((r) => r.admitted !== null);
  const seats = sum((r) => r.seats);
  const firstWish = sum((r) => r.firstWish);
  const admitted = allocated.length ? allocated.reduce((n, r) => n + (r.admitted ?? 0), 0) : null;
  const allocatedSeats = allocated.reduce((n, r) => n + r.seats, 0);
  return {
    rounds: rows.length,
    schools: sum((r) => r.schools),
    seats,
    applications: sum((r) => r.applications),
    byStatus: statusRecord((s) => sum((r) => r.byStatus[s])),
    firstWish,
    demandRatio: ratio(firstWish, seats),
    admitted,
    fillRate: admitted === null ? null : ratio(admitted, allocatedSeats),
    overdue: sum((r) => r.overdue),
  };
}

/** Most over-subscribed first; rounds without seats last; then by running unit (Vietnamese order). */
export function byDemand(a: OverviewRow, b: OverviewRow): number {
  const d = (b.demandRatio ?? -1) - (a.demandRatio ?? -1);
  if (d !== 0) return d;
  return (
    a.round.runningUnit.name.localeCompare(b.round.runningUnit.name, 'vi') || a.round.code.localeCompare(b.round.code)
  );
}

/**
 * The school year being admitted at `now`: the rounds for Y–Y+1 run in the spring and summer of Y,
 * before the year opens in September; from September on the next rounds (Y+1–Y+2) are prepared.
 * Calendar of Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
 */
export function admissionSchoolYear(now: Date): string {
  const local = new Date(now.getTime() + 7 * 3600_000);
  const y = local.getUTCFullYear() + (local.getUTCMonth() >= 8 ? 1 : 0);
  return `${y}-${y + 1}`;
}
