import type { Actor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Platform } from '../../../platform/platform.ts';
import * as applications from '../applications/application.repository.ts';
import { findRound, type RoundRow } from '../rounds/round.repository.ts';
import type { SchoolRoots } from './processing.repository.ts';

/**
 * Who reviews what, exactly as the staff queue (application-queue.service.ts):
 * `admissions.review` or `admissions.manage` over the unit running the round sees the whole round
 * (the commune for grades 1/6, the Sở for grade 10); otherwise `admissions.review` over a school
 * sees the applications whose first wish (the dossier's handling school) is in its subtree.
 */
export async function reviewRoots(p: Platform, actor: Actor, round: RoundRow): Promise<SchoolRoots> {
  if (actor.kind === 'anonymous') throw new AppError('auth.required');
  const unitId = round.running_unit_id;
  if (
    (await p.access.can(actor, 'admissions.review', { unitId })) ||
    (await p.access.can(actor, 'admissions.manage', { unitId }))
  )
    return null;
  const scope = await p.access.scope(actor, 'admissions.review');
  return scope.all ? null : scope.roots;
}

/** The round, or resource.not_found. */
export async function roundOf(p: Platform, roundId: string): Promise<RoundRow> {
  const round = await findRound(p.db, roundId);
  if (!round) throw new AppError('resource.not_found');
  return round;
}

/**
 * The application of a dossier and its round if the actor may review it: not an application →
 * resource.not_found; outside the actor's scope → access.denied (as the engine answers for a
 * dossier of another unit).
 */
export async function reviewableApplication(p: Platform, actor: Actor, dossierId: string) {
  if (actor.kind === 'anonymous') throw new AppError('auth.required');
  const row = await applications.findByDossier(p.db, dossierId);
  if (!row) throw new AppError('resource.not_found');
  const round = await roundOf(p, row.round_id);
  const roots = await reviewRoots(p, actor, round);
  const firstWish = row.wishes[0];
  if (roots && !(firstWish && (await p.access.can(actor, 'admissions.review', { unitId: firstWish }))))
    throw new AppError('access.denied');
  return { row, round };
}
