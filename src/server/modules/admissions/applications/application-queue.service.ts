import type { QueuePage, QueueQuery } from '../../../../shared/admission-applications.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Platform } from '../../../platform/platform.ts';
import { findRound } from '../rounds/round.repository.ts';
import { presentQueueItem } from './application.presenter.ts';
import * as repo from './application.repository.ts';

/**
 * The staff queue of a round (issue 3, item 3). Who sees what: `admissions.review` (or
 * `admissions.manage`) over the unit running the round sees the whole round (the commune for
 * grades 1/6, the Sở for grade 10); otherwise `admissions.review` over a school sees the
 * applications whose first wish is that school (a principal). Children's data is sensitive
 * (Decree 13/2023/NĐ-CP): every application shown is audited as 'admissions.application.view'.
 */
export class ApplicationQueueService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  async list(actor: Actor, roundId: string, query: QueueQuery): Promise<QueuePage> {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const round = await findRound(this.#p.db, roundId);
    if (!round) throw new AppError('resource.not_found');
    const access = this.#p.access;
    const whole =
      (await access.can(actor, 'admissions.review', { unitId: round.running_unit_id })) ||
      (await access.can(actor, 'admissions.manage', { unitId: round.running_unit_id }));
    let schoolRoots: string[] | null = null;
    if (!whole) {
      const scope = await access.scope(actor, 'admissions.review');
      schoolRoots = scope.all ? null : scope.roots;
    }
    const { rows, total, countsByState } = await repo.listQueue(this.#p.db, {
      roundId,
      schoolRoots,
      schoolId: query.schoolId,
      state: query.state,
      q: query.q?.replace(/[%_\\]/g, ' '),
      overdue: query.overdue,
      priorityGroup: query.priorityGroup,
      registryMatch: query.registryMatch,
      page: query.page,
      pageSize: query.pageSize,
    });
    await this.#p.audit.recordMany(
      this.#p.db,
      rows.map((r) => ({
        actor,
        change: {
          action: 'admissions.application.view',
          entityType: 'dossier',
          entityId: r.dossier_id,
          unitId: r.unit_id,
          after: { roundId, view: 'queue' },
        },
      })),
    );
    return {
      items: rows.map(presentQueueItem),
      total,
      page: query.page,
      pageSize: query.pageSize,
      countsByState,
    };
  }
}
