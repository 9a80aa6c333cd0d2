import type { SupplementaryOutcome } from '../../../../shared/admission-results.schema.ts';
import { RoundCreate } from '../../../../shared/admissions.schema.ts';
import type { Localized } from '../../../../shared/common.schema.ts';
import { type Actor, actorLabel } from '../../../platform/actor.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { formatDay } from '../../../platform/notify/templates.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { RoundService } from '../rounds/round.service.ts';
import { invalid, type RoundContext } from '../rounds/round-context.ts';
import type { RoundSchoolsService } from '../rounds/round-schools.service.ts';
import { authoriseRound } from './result-publish.service.ts';
import * as repo from './results.repository.ts';
import { seatsAsClasses } from './seats.ts';

const DAY = 24 * 3600 * 1000;

/**
 * The supplementary round (tuyển bổ sung) of a published round: a new draft round of the same
 * running unit, level, school year, rules and priority groups, whose schools offer exactly the
 * seats released after the confirmation deadline, registration in the parent's supplementary
 * window, and catchments copied for those schools. Only children of the parent round who were
 * not admitted or whose seat was released may apply (supplementaryEligibility). Staff review the
 * draft (its later deadlines are placeholders) and open it like any round.
 */
export class SupplementaryService {
  readonly #p: Platform;
  readonly #rounds: RoundContext;
  readonly #create: RoundService;
  readonly #schools: RoundSchoolsService;

  constructor(platform: Platform, deps: { context: RoundContext; rounds: RoundService; schools: RoundSchoolsService }) {
    this.#p = platform;
    this.#rounds = deps.context;
    this.#create = deps.rounds;
    this.#schools = deps.schools;
  }

  async create(
    actor: Actor,
    parentId: string,
    body: { code?: string | undefined; name?: string | undefined },
    now = new Date(),
  ): Promise<SupplementaryOutcome> {
    const p = this.#p;
    const parent = await authoriseRound(p, p.db, actor, parentId, 'admissions.manage');
    const pub = await repo.findPublication(p.db, parentId);
    if (!pub) throw new AppError('admissions.results_not_published');
    if (now < parent.confirm_to || !pub.released_at)
      throw new AppError('admissions.confirmation_open', {
        hint: {
          vi: `Sau hạn xác nhận (${formatDay(parent.confirm_to.toISOString())}), giải phóng chỗ chưa xác nhận trước.`,
          en: `After the confirmation deadline (${formatDay(parent.confirm_to.toISOString())}), release the unconfirmed seats first.`,
        },
      });
    if (!parent.supplementary_from || !parent.supplementary_to)
      throw invalid([
        {
          path: 'timeline.supplementaryFrom',
          message: 'kỳ tuyển sinh chưa có thời gian tuyển bổ sung / the round has no supplementary window',
        },
      ]);
    if (await repo.findSupplementaryOf(p.db, parentId))
      throw new AppError('resource.conflict', {
        details: [{ path: 'params.roundId', message: 'đã có kỳ tuyển bổ sung / a supplementary round exists' }],
      });
    const released = await repo.countReleased(p.db, parentId);
    if (released.length === 0)
      throw invalid([{ path: 'release', message: 'không có chỗ học nào được giải phóng / no seats were released' }]);

    const detail = await this.#rounds.detail(p.db, parentId);
    const from = parent.supplementary_from;
    const to = parent.supplementary_to;
    const at = (d: Date, days: number) => new Date(d.getTime() + days * DAY).toISOString();
    const input = RoundCreate.safeParse({
      code: body.code ?? `${detail.code.slice(0, 37)}-BS`,
      name: body.name ?? `${detail.name.slice(0, 180)} – tuyển bổ sung`,
      level: detail.level,
      schoolYear: detail.schoolYear,
      runningUnitId: detail.runningUnit.id,
      timeline: {
        registerFrom: from.toISOString(),
        registerTo: to.toISOString(),
        reviewTo: at(to, 2),
        resultsAt: at(to, 3),
        confirmTo: at(to, 7),
      },
      rules: detail.rules,
      priorityGroups: detail.priorityGroups,
    });
    if (!input.success) throw invalid(input.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    const created = await this.#create.create(actor, input.data);

    const specialised = new Map(detail.schools.map((s) => [s.schoolId, s.specialised]));
    const seats = released.map((r) => ({
      schoolId: r.school_id as string,
      name: r.name,
      released: r.released,
      ...seatsAsClasses(r.released),
    }));
    const withSchools = await this.#schools.replaceSchools(actor, created.id, {
      expectedVersion: created.version,
      schools: seats.map((s) => ({
        schoolId: s.schoolId,
        classes: s.classes,
        pupilsPerClass: s.pupilsPerClass,
        specialised: specialised.get(s.schoolId) ?? false,
        note: null,
      })),
    });
    const kept = new Set(seats.map((s) => s.schoolId));
    const catchments = detail.catchments.filter((c) => kept.has(c.schoolId));
    let version = withSchools.version;
    if (detail.level !== 10 && catchments.length)
      version = (
        await this.#schools.replaceCatchments(actor, created.id, {
          expectedVersion: version,
          catchments: catchments.map((c) => ({ schoolId: c.schoolId, communeId: c.communeId, village: c.village })),
        })
      ).version;
    const outSeats = seats.map((s) => ({ schoolId: s.schoolId, name: s.name, released: s.released, seats: s.seats }));
    await p.db.transaction().execute(async (trx) => {
      await repo.insertSupplementary(trx, {
        roundId: created.id,
        parentRoundId: parentId,
        seats: outSeats,
        by: actorLabel(actor).id,
      });
      await p.audit.record(trx, actor, {
        action: 'admissions.results.supplementary',
        entityType: 'admission_round',
        entityId: created.id,
        unitId: parent.running_unit_id,
        before: null,
        after: { parentRoundId: parentId, code: created.code, seats: outSeats, version },
      });
    });
    return {
      roundId: created.id,
      code: created.code,
      parentRoundId: parentId,
      status: created.status,
      seats: outSeats,
    };
  }
}

export type Eligibility =
  | { restricted: false }
  | { restricted: true; eligible: boolean; parentRoundId: string; reason: Localized };

/**
 * Who may apply to a round: anyone, unless it is a supplementary round; then only a child of the
 * parent round (same applicant key) who was not admitted there or whose seat was released.
 * Children whose application took no part in the parent's allocation (withdrawn, refused) are
 * not eligible. For the submit path (the lead's): call before filing, refuse when
 * `restricted && !eligible` with `reason`.
 */
/** Whether a round is a supplementary round (its children are restricted). */
export async function isSupplementary(db: Executor, roundId: string): Promise<boolean> {
  return (await repo.findSupplementary(db, roundId)) !== undefined;
}

export async function supplementaryEligibility(
  db: Executor,
  roundId: string,
  applicantKey: string,
): Promise<Eligibility> {
  const link = await repo.findSupplementary(db, roundId);
  if (!link) return { restricted: false };
  const prior = await repo.findResultsOfChild(db, link.parent_round_id, applicantKey);
  const eligible = prior.some((r) => r.outcome === 'not_admitted' || r.confirmation === 'released');
  return {
    restricted: true,
    eligible,
    parentRoundId: link.parent_round_id,
    reason: eligible
      ? { vi: 'Được đăng ký tuyển bổ sung.', en: 'May apply to the supplementary round.' }
      : {
          vi: 'Tuyển bổ sung chỉ dành cho trẻ đã đăng ký kỳ tuyển sinh trước mà không trúng tuyển hoặc đã bị giải phóng chỗ học.',
          en: 'The supplementary round is only for children of the earlier round who were not admitted or whose seat was released.',
        },
  };
}
