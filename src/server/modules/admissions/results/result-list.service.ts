import type { StaffResultPage } from '../../../../shared/admission-results.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError, found } from '../../../platform/errors.ts';
import type { Platform } from '../../../platform/platform.ts';
import { findRound } from '../rounds/round.repository.ts';
import { findRoundSchools } from '../rounds/round-schools.repository.ts';
import { presentStaff } from './results.presenter.ts';
import * as repo from './results.repository.ts';

/**
 * The published results of a round for staff, with their confirmation state. The running unit's
 * officers (manage, review or allocate there) see every school; a school's reviewer (a principal)
 * sees the results of the schools they review.
 */
export class ResultListService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  async list(
    actor: Actor,
    roundId: string,
    f: { schoolId?: string | undefined; confirmation?: string | undefined; page: number; pageSize: number },
  ): Promise<StaffResultPage> {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const round = found(await findRound(this.#p.db, roundId));
    const { access } = this.#p;
    const unitId = round.running_unit_id;
    const whole =
      (await access.can(actor, 'admissions.manage', { unitId })) ||
      (await access.can(actor, 'admissions.allocate', { unitId })) ||
      (await access.can(actor, 'admissions.review', { unitId }));
    let schools: string[] | null = null;
    if (!whole) {
      const all = await findRoundSchools(this.#p.db, [roundId]);
      const ok = await Promise.all(all.map((s) => access.can(actor, 'admissions.review', { unitId: s.school_id })));
      schools = all.filter((_, i) => ok[i]).map((s) => s.school_id);
      if (schools.length === 0) throw new AppError('access.denied');
    }
    const { rows, total } = await repo.listStaffResults(this.#p.db, roundId, { ...f, schools });
    return { items: rows.map(presentStaff), total, page: f.page, pageSize: f.pageSize };
  }
}
