import type { Actor } from '../../platform/actor.ts';

/**
 * A school assesses itself (QĐ 4725/QĐ-BGDĐT): dx.assess and dx.submit count only through a
 * grant on the school itself, never through a grant higher up (the commune officer holds them so
 * that it may create principals' accounts, not to fill in its schools' assessments).
 */
export function holdsOnSchool(actor: Actor, permission: 'dx.assess' | 'dx.submit', schoolId: string): boolean {
  if (actor.kind !== 'user') return false;
  return actor.grants.some((g) => g.unitId === schoolId && g.permissions.includes(permission));
}

/** The units on which the actor holds a school-level DX permission (its own schools). */
export function ownSchools(actor: Actor, permission: 'dx.assess' | 'dx.submit'): string[] {
  if (actor.kind !== 'user') return [];
  return [...new Set(actor.grants.filter((g) => g.permissions.includes(permission)).map((g) => g.unitId))];
}
