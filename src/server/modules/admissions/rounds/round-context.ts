import type { RoundDetail, TimelineInput } from '../../../../shared/admissions.schema.ts';
import type { Permission } from '../../../platform/access/permissions.ts';
import { type Actor, actorLabel } from '../../../platform/actor.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { AppError, type ErrorDetail, found } from '../../../platform/errors.ts';
import type { Platform } from '../../../platform/platform.ts';
import { presentDetail } from './round.presenter.ts';
import * as repo from './round.repository.ts';
import type { RoundHooks } from './round-hooks.ts';
import { findCatchments, findRoundSchools } from './round-schools.repository.ts';

/** `request.invalid` carrying the broken rules as details (paths as in the request: `body.…`). */
export function invalid(details: ErrorDetail[], hint?: { vi: string; en: string }): AppError {
  return new AppError('request.invalid', {
    details: details.map((d) => ({ ...d, path: d.path.startsWith('body.') ? d.path : `body.${d.path}` })),
    ...(hint ? { hint } : {}),
  });
}

/** Timeline fields → columns (absent optional windows are stored as null). */
export function timelineColumns(t: TimelineInput) {
  const at = (v: string | null | undefined) => (v ? new Date(v) : null);
  return {
    trial_from: at(t.trialFrom),
    trial_to: at(t.trialTo),
    register_from: new Date(t.registerFrom),
    register_to: new Date(t.registerTo),
    review_to: new Date(t.reviewTo),
    results_at: new Date(t.resultsAt),
    confirm_to: new Date(t.confirmTo),
    supplementary_from: at(t.supplementaryFrom),
    supplementary_to: at(t.supplementaryTo),
  };
}

/** A round code already in use. */
export const codeTaken = (code: string) =>
  new AppError('resource.conflict', { details: [{ path: 'body.code', message: code }] });

/** Unique violation (a round code taken between our check and our insert). */
export const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

/**
 * What the round services share: who may read which rounds, loading a round with its schools,
 * and the write preamble (permission on the running unit, row lock, expected version).
 */
export class RoundContext {
  readonly p: Platform;
  readonly hooks: RoundHooks;

  constructor(platform: Platform, hooks: RoundHooks) {
    this.p = platform;
    this.hooks = hooks;
  }

  /**
   * A round is readable with `admissions.manage` or `admissions.review` over its running unit, or
   * with `admissions.review` over one of its schools (a principal sees the rounds of the school).
   */
  async readScope(actor: Actor): Promise<repo.ReadScope> {
    const scopeOf = async (p: Permission) =>
      (await this.p.access.can(actor, p)) ? this.p.access.scope(actor, p) : null;
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const [manage, review] = await Promise.all([scopeOf('admissions.manage'), scopeOf('admissions.review')]);
    if (!manage && !review) throw new AppError('access.denied');
    if (manage?.all || review?.all) return { all: true };
    const roots = (s: typeof manage) => (s && !s.all ? s.roots : []);
    return { all: false, runningRoots: [...roots(manage), ...roots(review)], schoolRoots: roots(review) };
  }

  /** Throws resource.not_found for a round that does not exist or that the actor may not see. */
  async requireReadable(actor: Actor, id: string): Promise<void> {
    const scope = await this.readScope(actor);
    if (!(await repo.isReadable(this.p.db, scope, id))) throw new AppError('resource.not_found');
  }

  async detail(db: Executor, id: string): Promise<RoundDetail> {
    const row = found(await repo.findRound(db, id));
    const [schools, catchments] = await Promise.all([findRoundSchools(db, [id]), findCatchments(db, [id])]);
    return presentDetail(row, schools, catchments);
  }

  /**
   * The start of every write, inside its transaction: the permission on the round's running unit,
   * then the row lock, then the version the client read (`resource.stale` when it moved on).
   */
  async lockForWrite(
    trx: Executor,
    actor: Actor,
    id: string,
    expectedVersion: number,
    permission: Permission | ((row: repo.RoundRow) => Permission),
  ): Promise<repo.RoundRow> {
    const seen = found(await repo.findRound(trx, id));
    const needed = typeof permission === 'function' ? permission(seen) : permission;
    await this.p.access.require(actor, needed, { unitId: seen.running_unit_id });
    const locked = found(await repo.lockRound(trx, id));
    if (locked.version !== expectedVersion)
      throw new AppError('resource.stale', {
        details: [{ path: 'body.expectedVersion', message: `${expectedVersion} ≠ ${locked.version}` }],
      });
    return found(await repo.findRound(trx, id));
  }

  /** One audit entry per change, on the round's running unit, in the change's transaction. */
  async audit(trx: Executor, actor: Actor, row: repo.RoundRow, action: string, before: unknown, after: unknown) {
    await this.p.audit.record(trx, actor, {
      action: `admissions.round.${action}`,
      entityType: 'admission_round',
      entityId: row.id,
      unitId: row.running_unit_id,
      before,
      after,
    });
  }

  actorId(actor: Actor): string | null {
    return actorLabel(actor).id;
  }
}
