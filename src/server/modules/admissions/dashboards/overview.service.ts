import type { Overview, OverviewQuery } from '../../../../shared/admission-dashboards.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { Platform } from '../../../platform/platform.ts';
import { levelOf } from '../rounds/round.presenter.ts';
import { listRounds } from '../rounds/round.repository.ts';
import { RoundContext } from '../rounds/round-context.ts';
import { pendingHooks } from '../rounds/round-hooks.ts';
import { presentRound } from './dashboard.service.ts';
import { countRounds } from './overview.repository.ts';
import { admissionSchoolYear, byDemand, overviewRow, sumRows } from './overview-figures.ts';

/** More rounds than a level ever has in one school year (about one per commune and ward). */
const MAX_ROUNDS = 1000;

/**
 * The overview of every round of a school year and level (issue 3, item 6). The rounds are those
 * of the round list (RoundContext.readScope): the Sở sees the province, a commune its own rounds,
 * a school the rounds it takes part in. A round whose running unit the actor does not cover counts
 * only the actor's schools, as the one-round dashboard does. Figures only, nothing about a child.
 */
export class OverviewService {
  readonly #p: Platform;
  readonly #rounds: RoundContext;

  constructor(platform: Platform) {
    this.#p = platform;
    this.#rounds = new RoundContext(platform, pendingHooks);
  }

  async overview(actor: Actor, query: OverviewQuery, now = new Date()): Promise<Overview> {
    const db = this.#p.db;
    const scope = await this.#rounds.readScope(actor);
    const level = query.level ?? 1;
    let schoolYear = query.schoolYear ?? admissionSchoolYear(now);
    let { rows } = await listRounds(db, scope, { level, schoolYear, page: 1, pageSize: MAX_ROUNDS });
    if (rows.length === 0 && !query.schoolYear) {
      // Nothing for the year being admitted: the latest year with rounds in scope (newest first).
      const latest = await listRounds(db, scope, { level, page: 1, pageSize: MAX_ROUNDS });
      schoolYear = latest.rows[0]?.school_year ?? schoolYear;
      rows = latest.rows.filter((r) => r.school_year === schoolYear);
    }
    const counts = new Map((await countRounds(db, ids(rows), scope, now)).map((c) => [c.round_id, c]));
    const lines = rows.flatMap((r) => {
      const c = counts.get(r.id);
      return c ? [overviewRow(presentRound(r), c)] : [];
    });
    lines.sort(byDemand);
    return {
      schoolYear,
      level: levelOf({ level }),
      rows: lines,
      total: sumRows(lines),
      generatedAt: now.toISOString(),
    };
  }
}

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);
