import type { PublicRound } from '../../../../shared/admissions.schema.ts';
import type { Platform } from '../../../platform/platform.ts';
import { groupsOf, levelOf, rulesOf, timelineOf } from './round.presenter.ts';
import { listOpenRounds } from './round.repository.ts';
import { phaseAt } from './round-lifecycle.ts';
import { findCatchments, findRoundSchools } from './round-schools.repository.ts';

/**
 * What a parent needs to choose, without signing in: the open rounds (in their trial window or
 * registration), their rules, schools, seats and catchments. No staff fields (version, notes,
 * who changed what).
 */
export class RoundPublicService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  async openRounds(
    query: { level?: number | undefined; communeId?: string | undefined },
    now = new Date(),
  ): Promise<PublicRound[]> {
    const rows = await listOpenRounds(this.#p.db, query);
    const ids = rows.map((r) => r.id);
    const [schools, catchments] = await Promise.all([
      findRoundSchools(this.#p.db, ids),
      findCatchments(this.#p.db, ids),
    ]);
    return rows.map((r) => {
      const timeline = timelineOf(r);
      return {
        id: r.id,
        code: r.code,
        name: r.name,
        level: levelOf(r),
        schoolYear: r.school_year,
        runningUnit: { id: r.running_unit_id, name: r.running_unit_name },
        phase: phaseAt(timeline, now),
        timeline,
        rules: rulesOf(r),
        priorityGroups: groupsOf(r),
        schools: schools
          .filter((s) => s.round_id === r.id)
          .map((s) => ({
            schoolId: s.school_id,
            code: s.code,
            name: s.name,
            communeName: s.commune_name,
            classes: s.classes,
            seats: s.seats,
            specialised: s.specialised,
            catchments: catchments
              .filter((c) => c.round_id === r.id && c.school_id === s.school_id)
              .map((c) => ({ communeId: c.commune_id, communeName: c.commune_name, village: c.village })),
          })),
      };
    });
  }
}
