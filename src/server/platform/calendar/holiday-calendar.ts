import type { Executor } from '../db/database.ts';
import type { WorkCalendar } from './calendar.ts';
import { listAllHolidays } from './holidays.repository.ts';

/** How long a node keeps the calendar before reading it again (edits on other nodes). */
const TTL_MS = 60_000;

/**
 * The working calendar from table `public_holidays`, cached for a minute: it changes a few
 * times a year, and every dossier receipt reads it. An edit on this node calls `invalidate()`;
 * other app nodes see it within the minute.
 */
export class HolidayCalendar {
  readonly #db: Executor;
  #cached: { at: number; cal: WorkCalendar } | undefined;

  constructor(db: Executor) {
    this.#db = db;
  }

  /**
   * The calendar. Inside a transaction pass its executor: refilling through the pool while
   * the caller holds a pooled connection deadlocks once every connection is such a caller
   * (found by `npm run bench -- submissions` at 64 concurrent submissions).
   */
  async get(exec: Executor = this.#db): Promise<WorkCalendar> {
    if (this.#cached && Date.now() - this.#cached.at < TTL_MS) return this.#cached.cal;
    const rows = await listAllHolidays(exec);
    const cal: WorkCalendar = {
      holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.day)),
      workingDays: new Set(rows.filter((r) => r.kind === 'working_day').map((r) => r.day)),
    };
    this.#cached = { at: Date.now(), cal };
    return cal;
  }

  invalidate(): void {
    this.#cached = undefined;
  }
}
