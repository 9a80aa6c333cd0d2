import type {
  DxCampaign,
  DxCampaignInput,
  DxCampaignPatch,
  DxCommuneRow,
  DxListQuery,
  DxRanking,
  DxResultPage,
} from '../../../shared/dx-index.schema.ts';
import type { Scope } from '../../platform/access/access.ts';
import { steeringScope } from '../../platform/access/steering-scope.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import * as repo from './dx.repository.ts';
import { ownSchools } from './dx-access.ts';
import { communeStats, listResults, type ResultRow, underRoots } from './dx-results.repository.ts';
import { resultsWorkbook } from './dx-xlsx.ts';

type UserActor = Extract<Actor, { kind: 'user' }>;

/**
 * Yearly campaigns (set up and published by the Sở: dx.evaluate on the whole province), the
 * evaluator's queue, results and rankings in the actor's scope, and the public results of
 * published campaigns.
 */
export class DxCampaignsService {
  readonly #p: Platform;

  constructor(p: Platform) {
    this.#p = p;
  }

  async list(actor: Actor): Promise<{ items: DxCampaign[]; canManage: boolean }> {
    const items = (await repo.listCampaigns(this.#p.db)).map(presentCampaign);
    const scope =
      actor.kind === 'user' ? await steeringScope(this.#p.db, actor, 'dx.evaluate').catch(() => null) : null;
    return { items, canManage: scope?.all === true };
  }

  async create(actor: Actor, input: DxCampaignInput): Promise<DxCampaign> {
    const user = await this.#requireProvince(actor);
    checkDates(input);
    const set = await repo.findSetByCode(this.#p.db, input.criteriaSetCode);
    if (!set)
      throw new AppError('dx.invalid', {
        details: [{ path: 'body.criteriaSetCode', message: 'không có bộ chỉ số này / no such criteria set' }],
      });
    return this.#p.db.transaction().execute(async (trx) => {
      const r = await repo.insertCampaign(trx, { ...input, setId: set.id });
      if (!r) throw new AppError('resource.conflict');
      await this.#p.audit.record(trx, user, {
        action: 'dx.campaign.create',
        entityType: 'dx_campaign',
        entityId: r.id,
        after: input,
      });
      return presentCampaign((await repo.findCampaign(trx, input.year))!);
    });
  }

  async update(actor: Actor, year: number, input: DxCampaignPatch): Promise<DxCampaign> {
    const user = await this.#requireProvince(actor);
    checkDates(input);
    return this.#p.db.transaction().execute(async (trx) => {
      const c = await repo.findCampaign(trx, year, true);
      if (!c) throw new AppError('resource.not_found');
      if (c.version !== input.version) throw new AppError('resource.stale');
      if (c.published_at) throw new AppError('dx.invalid_state');
      await repo.updateCampaignDates(trx, c.id, input);
      await this.#p.audit.record(trx, user, {
        action: 'dx.campaign.update',
        entityType: 'dx_campaign',
        entityId: c.id,
        before: { opensOn: c.opens_on, submitBy: c.submit_by, evaluateBy: c.evaluate_by },
        after: { opensOn: input.opensOn, submitBy: input.submitBy, evaluateBy: input.evaluateBy },
      });
      return presentCampaign((await repo.findCampaign(trx, year))!);
    });
  }

  /** The Sở publishes the year's recognised results (they appear on the public page from then on). */
  async publish(actor: Actor, year: number, version: number): Promise<DxCampaign> {
    const user = await this.#requireProvince(actor);
    return this.#p.db.transaction().execute(async (trx) => {
      const c = await repo.findCampaign(trx, year, true);
      if (!c) throw new AppError('resource.not_found');
      if (c.version !== version) throw new AppError('resource.stale');
      if (c.published_at) throw new AppError('dx.invalid_state');
      await repo.publishCampaign(trx, c.id, user.userId);
      await this.#p.audit.record(trx, user, {
        action: 'dx.campaign.publish',
        entityType: 'dx_campaign',
        entityId: c.id,
        before: { publishedAt: null },
        after: { year },
      });
      return presentCampaign((await repo.findCampaign(trx, year))!);
    });
  }

  /** Schools the actor fills in the assessment for (a school's own staff: their school). */
  async mySchools(actor: Actor) {
    if (actor.kind !== 'user') throw new AppError('auth.required');
    const own = ownSchools(actor, 'dx.assess');
    if (own.length === 0) return { items: [] };
    const rows = await repo.listSchools(this.#p.db, own);
    const submittable = new Set(ownSchools(actor, 'dx.submit'));
    return { items: rows.map((r) => ({ id: r.id, name: r.name, canSubmit: submittable.has(r.id) })) };
  }

  /** The evaluator's queue (submitted by default) or the results of the schools in scope. */
  async results(actor: Actor, year: number, q: DxListQuery, mode: 'queue' | 'results'): Promise<DxResultPage> {
    const scope = await this.#evaluatorScope(actor);
    const c = await this.#campaign(year);
    const states = q.state ? [q.state] : mode === 'queue' ? ['submitted'] : null;
    const rows = await listResults(this.#p.db, {
      campaignId: c.id,
      where: underRoots(rootsOf(scope)),
      recognisedOnly: false,
      states,
      communeId: q.communeId,
      level: q.level,
      group: q.group,
      q: q.q,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return page(rows, q);
  }

  /** Every school of the scope with its result, and the communes, as an Excel workbook; audited. */
  async resultsWorkbook(actor: Actor, year: number) {
    const scope = await this.#evaluatorScope(actor);
    const c = await this.#campaign(year);
    const rows = await listResults(this.#p.db, {
      campaignId: c.id,
      where: underRoots(rootsOf(scope)),
      recognisedOnly: false,
      states: null,
      limit: 100_000,
      offset: 0,
    });
    const file = await resultsWorkbook(
      year,
      page(rows, { page: 1, pageSize: rows.length }).items,
      await this.#ranking(c, rootsOf(scope), false),
    );
    await this.#p.audit.record(this.#p.db, actor, {
      action: 'dx.results.export',
      entityType: 'dx_campaign',
      entityId: c.id,
      after: { year, rows: rows.length, format: 'xlsx' },
    });
    return file;
  }

  /** Commune ranking and level distribution of the schools in scope. */
  async ranking(actor: Actor, year: number, recognisedOnly: boolean): Promise<DxRanking> {
    const scope = await this.#evaluatorScope(actor);
    const c = await this.#campaign(year);
    return this.#ranking(c, rootsOf(scope), recognisedOnly);
  }

  /** Years the Sở has published. */
  async publicYears() {
    const rows = await repo.listCampaigns(this.#p.db);
    return {
      items: rows
        .filter((r) => r.published_at)
        .map((r) => ({ year: r.year, publishedAt: new Date(r.published_at!).toISOString() })),
    };
  }

  /** Published, recognised results only (no sign-in). */
  async publicResults(year: number, q: DxListQuery): Promise<DxResultPage> {
    const c = await this.#campaign(year);
    if (!c.published_at) throw new AppError('resource.not_found');
    const rows = await listResults(this.#p.db, {
      campaignId: c.id,
      where: underRoots(null),
      recognisedOnly: true,
      states: ['recognised'],
      communeId: q.communeId,
      level: q.level,
      group: q.group,
      q: q.q,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return page(rows, q);
  }

  async publicRanking(year: number): Promise<DxRanking> {
    const c = await this.#campaign(year);
    if (!c.published_at) throw new AppError('resource.not_found');
    // The public sees only what was published: recognised results, not how many are still pending.
    const r = await this.#ranking(c, null, true);
    return { ...r, assessed: r.recognised, communes: r.communes.map((x) => ({ ...x, assessed: x.recognised })) };
  }

  async #ranking(c: repo.CampaignRow, roots: string[] | null, recognisedOnly: boolean): Promise<DxRanking> {
    const rows = await communeStats(this.#p.db, { campaignId: c.id, where: underRoots(roots), recognisedOnly });
    const communes: DxCommuneRow[] = rows.map((r) => ({
      unitId: r.unit_id,
      name: r.name,
      schools: r.schools,
      assessed: r.assessed,
      recognised: r.recognised,
      avgTeaching: r.avg_teaching === null ? null : Number(r.avg_teaching),
      avgGovernance: r.avg_governance === null ? null : Number(r.avg_governance),
      teaching: { 1: r.t1, 2: r.t2, 3: r.t3 },
      governance: { 1: r.g1, 2: r.g2, 3: r.g3 },
      rank: null,
    }));
    // Communes ranked by the mean of both groups' averages (ties share a rank); none without results.
    const score = (x: DxCommuneRow) =>
      x.avgTeaching === null || x.avgGovernance === null ? null : (x.avgTeaching + x.avgGovernance) / 2;
    const ranked = communes.filter((x) => score(x) !== null).sort((a, b) => score(b)! - score(a)!);
    ranked.forEach((x, i) => {
      const prev = ranked[i - 1];
      x.rank = prev && score(prev) === score(x) ? prev.rank : i + 1;
    });
    communes.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.name.localeCompare(b.name, 'vi'));
    const sum = (f: (x: DxCommuneRow) => number) => communes.reduce((a, x) => a + f(x), 0);
    return {
      year: c.year,
      published: c.published_at !== null,
      schools: sum((x) => x.schools),
      assessed: sum((x) => x.assessed),
      recognised: sum((x) => x.recognised),
      teaching: { 1: sum((x) => x.teaching[1]), 2: sum((x) => x.teaching[2]), 3: sum((x) => x.teaching[3]) },
      governance: { 1: sum((x) => x.governance[1]), 2: sum((x) => x.governance[2]), 3: sum((x) => x.governance[3]) },
      communes,
    };
  }

  async #campaign(year: number) {
    const c = await repo.findCampaign(this.#p.db, year);
    if (!c) throw new AppError('dx.not_applicable');
    return c;
  }

  async #evaluatorScope(actor: Actor): Promise<Scope> {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    return steeringScope(this.#p.db, actor, 'dx.evaluate');
  }

  /** Campaigns are the Sở's: dx.evaluate over the whole province (a grant on the Sở or a division). */
  async #requireProvince(actor: Actor): Promise<UserActor> {
    if (actor.kind !== 'user') throw new AppError(actor.kind === 'anonymous' ? 'auth.required' : 'access.denied');
    const scope = await steeringScope(this.#p.db, actor, 'dx.evaluate');
    if (!scope.all) throw new AppError('access.denied');
    return actor;
  }
}

function rootsOf(scope: Scope): string[] | null {
  return scope.all ? null : scope.roots;
}

function checkDates(d: { opensOn: string; submitBy: string; evaluateBy: string }): void {
  const details: ErrorDetail[] = [];
  if (d.submitBy < d.opensOn) details.push({ path: 'body.submitBy', message: 'sau ngày mở / after the opening day' });
  if (d.evaluateBy < d.submitBy)
    details.push({ path: 'body.evaluateBy', message: 'sau hạn tự đánh giá / after the self-assessment deadline' });
  if (details.length) throw new AppError('dx.invalid', { details });
}

function presentCampaign(c: repo.CampaignRow): DxCampaign {
  return {
    id: c.id,
    year: c.year,
    criteriaSetCode: c.set_code,
    opensOn: c.opens_on,
    submitBy: c.submit_by,
    evaluateBy: c.evaluate_by,
    publishedAt: c.published_at ? new Date(c.published_at).toISOString() : null,
    version: c.version,
  };
}

function page(rows: ResultRow[], q: { page: number; pageSize: number }): DxResultPage {
  return {
    items: rows.map((r) => ({
      schoolId: r.school_id,
      schoolName: r.school_name,
      communeId: r.commune_id,
      communeName: r.commune_name,
      state: r.state,
      teaching: r.final_teaching === null ? null : Number(r.final_teaching),
      governance: r.final_governance === null ? null : Number(r.final_governance),
      levelTeaching: (r.level_teaching ?? null) as 1 | 2 | 3 | null,
      levelGovernance: (r.level_governance ?? null) as 1 | 2 | 3 | null,
      submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      rank: r.rank,
    })),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
