import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/database.ts';

/**
 * Who reads the library, reduced to what the visibility rules need:
 *  - public resources: anyone, anonymous too;
 *  - province resources: any signed-in user;
 *  - school resources: the users of the owning school's subtree (a grant on the school or below);
 *  - anything not yet published (drafts, returned…): its author and the staff of the school
 *    (`library.contribute` covering it), and, once submitted, the moderators covering it.
 */
export interface Viewer {
  all: boolean;
  signedIn: boolean;
  userId: string | null;
  /** Every unit at or above one of the user's grants: a school-only resource is readable when its school is one of them. */
  memberOf: string[];
  contribute: string[];
  moderate: string[];
}

const NOBODY: Viewer = { all: false, signedIn: false, userId: null, memberOf: [], contribute: [], moderate: [] };

function rootsWith(actor: Actor, permission: string): string[] {
  if (actor.kind !== 'user') return [];
  return [...new Set(actor.grants.filter((g) => g.permissions.includes(permission)).map((g) => g.unitId))];
}

/** Reads the units above the actor's grants from org_unit_closure (the org module's published read model). */
export async function viewerOf(db: Db, actor: Actor): Promise<Viewer> {
  if (actor.kind === 'system') return { ...NOBODY, all: true, signedIn: true };
  if (actor.kind === 'anonymous') return NOBODY;
  const units = [...new Set(actor.grants.map((g) => g.unitId))];
  const above =
    units.length === 0
      ? []
      : await db
          .selectFrom('org_unit_closure')
          .select('ancestor_id')
          .distinct()
          .where('descendant_id', 'in', units)
          .execute();
  return {
    all: false,
    signedIn: true,
    userId: actor.userId,
    memberOf: above.map((r) => r.ancestor_id),
    contribute: rootsWith(actor, 'library.contribute'),
    moderate: rootsWith(actor, 'library.moderate'),
  };
}

const uuids = (ids: string[]) => sql`${ids}::uuid[]`;

/** The published face of `r` is visible to the viewer (search, collections, favourites). Relies on `r.listed`. */
export function listedVisibleSql(v: Viewer, r = 'r'): RawBuilder<boolean> {
  const t = sql.ref(r);
  if (v.all) return sql<boolean>`${t}.listed`;
  const province = v.signedIn ? sql`OR ${t}.visibility = 'province'` : sql``;
  const school =
    v.memberOf.length > 0 ? sql`OR (${t}.visibility = 'school' AND ${t}.school_id = ANY(${uuids(v.memberOf)}))` : sql``;
  return sql<boolean>`(${t}.listed AND (${t}.visibility = 'public' ${province} ${school}))`;
}

function coveredSql(roots: string[], r: string): RawBuilder<boolean> {
  if (roots.length === 0) return sql<boolean>`false`;
  return sql<boolean>`EXISTS (SELECT 1 FROM org_unit_closure c
    WHERE c.descendant_id = ${sql.ref(r)}.school_id AND c.ancestor_id = ANY(${uuids(roots)}))`;
}

/** The viewer may see every version and the history of `r` (author, school staff, moderators after submission). */
export function fullAccessSql(v: Viewer, r = 'r'): RawBuilder<boolean> {
  if (v.all) return sql<boolean>`true`;
  const t = sql.ref(r);
  const author = v.userId ? sql`${t}.created_by = ${v.userId}` : sql`false`;
  return sql<boolean>`(${author} OR ${coveredSql(v.contribute, r)}
    OR (${t}.status <> 'draft' AND ${coveredSql(v.moderate, r)}))`;
}

/**
 * The audiences of the search tables of 0017 (library_search_facet_counts, _cells, library_search_docs)
 * the viewer reads: 'public', 'province' when signed in, 'school:<id>' of the schools it is a
 * member of (as listedVisibleSql), or null for all of them.
 */
export function audiencesOf(v: Viewer): string[] | null {
  if (v.all) return null;
  if (!v.signedIn) return ['public'];
  return ['public', 'province', ...[...v.memberOf].sort().map((id) => `school:${id}`)];
}
