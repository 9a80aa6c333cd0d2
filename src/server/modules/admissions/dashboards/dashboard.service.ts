import type {
  Dashboard,
  DashboardQuery,
  DashboardRound,
  DemandPublication,
  PublicDemand,
} from '../../../../shared/admission-dashboards.schema.ts';
import type { DossierState } from '../../../../shared/dossiers.schema.ts';
import { type Actor, actorLabel } from '../../../platform/actor.ts';
import { AppError, found } from '../../../platform/errors.ts';
import type { Platform } from '../../../platform/platform.ts';
import { levelOf } from '../rounds/round.presenter.ts';
import { findRound, listRounds, type RoundRow } from '../rounds/round.repository.ts';
import { RoundContext } from '../rounds/round-context.ts';
import { pendingHooks } from '../rounds/round-hooks.ts';
import { findRoundSchools } from '../rounds/round-schools.repository.ts';
import * as repo from './dashboard.repository.ts';
import { communeFigures, ratio, type SchoolSeats, schoolFigures, sumFigures } from './dashboard-figures.ts';

/** The order states are shown in: the dossier's life from receipt to decision. */
const STATE_ORDER: readonly DossierState[] = [
  'submitted',
  'in_review',
  'supplement_requested',
  'resubmitted',
  'approved',
  'rejected',
  'withdrawn',
];

const iso = (d: Date) => new Date(d).toISOString();

/**
 * Admission dashboards (issue 3, item 6). Who sees what follows the staff queue: `admissions.review`
 * or `admissions.manage` over the unit running the round sees the whole round (the commune for
 * grades 1/6, the Sở for grade 10); otherwise `admissions.review` over schools sees those schools'
 * figures (a principal sees their own school). Figures only: no child's data, so reading is not
 * logged per child; switching the public demand on or off is audited.
 */
export class DashboardService {
  readonly #p: Platform;
  readonly #rounds: RoundContext;

  constructor(platform: Platform) {
    this.#p = platform;
    this.#rounds = new RoundContext(platform, pendingHooks);
  }

  async dashboard(actor: Actor, query: DashboardQuery, now = new Date()): Promise<Dashboard> {
    const db = this.#p.db;
    const scope = await this.#rounds.readScope(actor);
    const { rows } = await listRounds(db, scope, { page: 1, pageSize: 200 });
    const rounds = rows.map(presentRound);
    const row = query.roundId ? rows.find((r) => r.id === query.roundId) : pickRound(rows);
    if (query.roundId && !row) throw new AppError('resource.not_found');
    if (!row) return emptyDashboard(rounds, now);
    const whole = await this.#coversRound(actor, row.running_unit_id);
    const all = (await findRoundSchools(db, [row.id])) as SchoolSeats[];
    let visible = all;
    if (!whole) {
      const review = await this.#p.access.scope(actor, 'admissions.review');
      const inScope = review.all ? null : await repo.unitsUnder(db, ids(all), review.roots);
      visible = inScope ? all.filter((s) => inScope.has(s.school_id)) : all;
    }
    const units = unitsOf(visible);
    let shown = visible;
    if (query.unitId) {
      const under = await repo.unitsUnder(db, ids(visible), [query.unitId]);
      shown = visible.filter((s) => under.has(s.school_id) || s.commune_id === query.unitId);
    }
    const filter = whole && !query.unitId ? null : ids(shown);
    const [firstWish, anyWish, admitted, states, days, publication, canPublish] = await Promise.all([
      repo.countByFirstWish(db, row.id, filter),
      repo.countByAnyWish(db, row.id, filter),
      repo.countAdmitted(db, row.id),
      repo.countByState(db, row.id, filter),
      repo.countPerDay(db, row.id, filter),
      repo.findPublication(db, row.id),
      this.#p.access.can(actor, 'admissions.manage', { unitId: row.running_unit_id }),
    ]);
    const schools = schoolFigures(shown, {
      firstWish: new Map(firstWish.map((f) => [f.school_id, f])),
      anyWish: new Map(anyWish.map((a) => [a.school_id, a.any_wish])),
      admitted,
    });
    const allocated = admitted !== null;
    const byState = new Map(states.map((s) => [s.state, s.n]));
    return {
      rounds,
      round: presentRound(row),
      coverage: whole ? 'round' : 'schools',
      units,
      unitId: query.unitId ?? null,
      demand: { published: publication?.published ?? false, canPublish },
      byStatus: STATE_ORDER.map((state) => ({ state, count: byState.get(state) ?? 0 })),
      total: { applications: states.reduce((n, s) => n + s.n, 0), ...sumFigures(schools, allocated) },
      schools,
      communes: communeFigures(schools, allocated),
      perDay: days.map((d) => ({ day: d.day, count: d.n })),
      generatedAt: now.toISOString(),
    };
  }

  /**
   * Switches the public demand of a round on or off: `admissions.manage` on its running unit.
   * It may be switched on while the round is open (families still choose); off at any time.
   */
  async setPublication(actor: Actor, roundId: string, published: boolean): Promise<DemandPublication> {
    const row = await this.#p.db.transaction().execute(async (trx) => {
      const round = found(await findRound(trx, roundId));
      await this.#p.access.require(actor, 'admissions.manage', { unitId: round.running_unit_id });
      if (published && round.status !== 'open')
        throw new AppError('request.invalid', {
          details: [{ path: 'body.published', message: `trạng thái hiện tại / current status: ${round.status}` }],
          hint: {
            vi: 'Chỉ công bố nhu cầu khi kỳ tuyển sinh đang mở đăng ký.',
            en: 'Demand can be published only while the round is open for registration.',
          },
        });
      const before = await repo.findPublication(trx, roundId);
      const saved = await repo.upsertPublication(trx, roundId, published, actorLabel(actor).id);
      await this.#p.audit.record(trx, actor, {
        action: published ? 'admissions.demand.publish' : 'admissions.demand.unpublish',
        entityType: 'admission_round',
        entityId: roundId,
        unitId: round.running_unit_id,
        before: { published: before?.published ?? false },
        after: { published },
      });
      return saved;
    });
    return { roundId, published: row.published, changedAt: iso(row.changed_at) };
  }

  /** The published demand of a round, for anyone; "not found" unless staff published it. */
  async publicDemand(roundId: string, now = new Date()): Promise<PublicDemand> {
    const db = this.#p.db;
    const [round, publication] = await Promise.all([findRound(db, roundId), repo.findPublication(db, roundId)]);
    if (!round || round.status === 'draft' || !publication?.published) throw new AppError('resource.not_found');
    const [schools, firstWish] = await Promise.all([
      findRoundSchools(db, [roundId]),
      repo.countByFirstWish(db, roundId, null),
    ]);
    const counts = new Map(firstWish.map((f) => [f.school_id, f.first_wish]));
    const lines = schools.map((s) => {
      const n = counts.get(s.school_id) ?? 0;
      return {
        schoolId: s.school_id,
        name: s.name,
        communeName: s.commune_name,
        seats: s.seats,
        firstWish: n,
        demandRatio: ratio(n, s.seats),
      };
    });
    return {
      round: {
        id: round.id,
        code: round.code,
        name: round.name,
        level: levelOf(round),
        schoolYear: round.school_year,
        runningUnit: round.running_unit_name,
        registerTo: iso(round.register_to),
      },
      schools: lines,
      total: {
        seats: lines.reduce((n, l) => n + l.seats, 0),
        firstWish: lines.reduce((n, l) => n + l.firstWish, 0),
      },
      generatedAt: now.toISOString(),
    };
  }

  async #coversRound(actor: Actor, runningUnitId: string): Promise<boolean> {
    const access = this.#p.access;
    return (
      (await access.can(actor, 'admissions.review', { unitId: runningUnitId })) ||
      (await access.can(actor, 'admissions.manage', { unitId: runningUnitId }))
    );
  }
}

const ids = (schools: readonly SchoolSeats[]) => schools.map((s) => s.school_id);

export function presentRound(r: RoundRow): DashboardRound {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: levelOf(r),
    schoolYear: r.school_year,
    status: r.status,
    runningUnit: { id: r.running_unit_id, name: r.running_unit_name },
    registerFrom: iso(r.register_from),
    registerTo: iso(r.register_to),
  };
}

/** Without a choice: an open round first (registration under way), otherwise the first listed. */
function pickRound(rows: readonly RoundRow[]): RoundRow | undefined {
  return rows.find((r) => r.status === 'open') ?? rows.find((r) => r.status !== 'draft') ?? rows[0];
}

/** The communes of the schools, then the schools, for the unit filter. */
function unitsOf(schools: readonly SchoolSeats[]): Dashboard['units'] {
  const communes = new Map(schools.map((s) => [s.commune_id, s.commune_name]));
  return [
    ...[...communes].map(([id, name]) => ({ id, name, kind: 'commune' as const })),
    ...schools.map((s) => ({ id: s.school_id, name: s.name, kind: 'school' as const })),
  ];
}

function emptyDashboard(rounds: DashboardRound[], now: Date): Dashboard {
  const zero = { seats: 0, firstWish: 0, anyWish: 0, demandRatio: null, approved: 0, admitted: null, fillRate: null };
  return {
    rounds,
    round: null,
    coverage: 'schools',
    units: [],
    unitId: null,
    demand: { published: false, canPublish: false },
    byStatus: STATE_ORDER.map((state) => ({ state, count: 0 })),
    total: { applications: 0, ...zero },
    schools: [],
    communes: [],
    perDay: [],
    generatedAt: now.toISOString(),
  };
}
