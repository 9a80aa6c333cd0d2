import { canSteer } from '../../platform/access/steering-scope.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { speakerUnits } from './units.repository.ts';

/**
 * Who may do what with a directive.
 * - The issuer's side: `directives.issue` on the issuing unit under the steering scope (a grant
 *   on the Sở or a division counts for the province): edit the draft, issue, close, see every
 *   recipient's read and answer, remind, export.
 * - A recipient's side: `directives.respond` through a grant that speaks for a recipient unit
 *   (view directive_speakers: the unit itself, a commune's own offices, the Sở for a grant on the
 *   province or a division). Not the units below: a commune officer does not answer for a school,
 *   and a school never sees another school's answer.
 */
export async function followsAsIssuer(db: Db, actor: Actor, issuerUnitId: string): Promise<boolean> {
  return canSteer(db, actor, 'directives.issue', issuerUnitId);
}

/** The units the actor reads and answers directives for (empty for anonymous and system actors). */
export async function myUnits(db: Db, actor: Actor): Promise<string[]> {
  if (actor.kind !== 'user') return [];
  const grants = actor.grants.filter((g) => g.permissions.includes('directives.respond')).map((g) => g.unitId);
  return speakerUnits(db, [...new Set(grants)]);
}

export function requireUser(actor: Actor) {
  if (actor.kind === 'anonymous') throw new AppError('auth.required');
  return actor;
}

export const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

/** A 422 pointing at one field, with the message in both languages. */
export function invalid(path: string, vi: string, en: string): AppError {
  return new AppError('directives.invalid', { details: [{ path, message: `${vi} / ${en}` }] });
}
