import { sql } from 'kysely';
import type { Scope } from '../../platform/access/access.ts';
import type { Db } from '../../platform/db/database.ts';
import type { SearchRow } from './library-search.repository.ts';

const SUMMARY = sql`r.id, r.kind, r.title, r.description, r.levels, r.grades, r.subjects, r.series_code,
  r.licence_code, r.language_code, r.visibility, r.status, r.school_id, r.published_at, r.view_count, r.download_count`;

export interface QueueFilter {
  status?: 'submitted' | 'in_review' | undefined;
  level?: string | undefined;
  subject?: string | undefined;
}

export interface QueueCounts {
  status: { value: string; count: number }[];
  level: { value: string; count: number }[];
  subject: { value: string; count: number }[];
}

/**
 * Submitted and in-review resources of schools in the moderator's scope whose subjects and
 * levels match one of the moderator's assignments, oldest first (library_resources_queue),
 * narrowed by status, level and subject; with, per status, level and subject, how many the other
 * filters leave (a filter does not count against its own values). `userId` null: every
 * assignment (the system actor). A queue is hundreds of rows, not the whole library.
 */
export async function findQueue(
  db: Db,
  scope: Scope,
  userId: string | null,
  filter: QueueFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: SearchRow[]; total: number; counts: QueueCounts }> {
  const inScope = scope.all
    ? sql`true`
    : sql`EXISTS (SELECT 1 FROM org_unit_closure c WHERE c.descendant_id = r.school_id
        AND c.ancestor_id = ANY(${scope.roots}::uuid[]))`;
  const assigned =
    userId === null
      ? sql`true`
      : sql`EXISTS (SELECT 1 FROM library_moderator_assignments a WHERE a.user_id = ${userId}
          AND a.subject_code = ANY(r.subjects) AND a.level = ANY(r.levels))`;
  const byStatus = filter.status ? sql`q.status = ${filter.status}` : sql`true`;
  const byLevel = filter.level ? sql`${filter.level} = ANY(q.levels)` : sql`true`;
  const bySubject = filter.subject ? sql`${filter.subject} = ANY(q.subjects)` : sql`true`;
  const base = sql`SELECT ${SUMMARY}, r.updated_at FROM library_resources r
    WHERE r.status IN ('submitted', 'in_review') AND ${inScope} AND ${assigned}`;
  const [{ rows }, { rows: counted }] = await Promise.all([
    sql<SearchRow & { total: number }>`
      SELECT q.*, count(*) OVER ()::int AS total FROM (${base}) q
      WHERE ${byStatus} AND ${byLevel} AND ${bySubject}
      ORDER BY q.updated_at, q.id LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db),
    sql<{ facet: keyof QueueCounts; value: string; count: number }>`
      WITH q AS (${base})
      SELECT 'status' AS facet, q.status AS value, count(*)::int AS count FROM q
        WHERE ${byLevel} AND ${bySubject} GROUP BY 2
      UNION ALL
      SELECT 'level', l, count(*)::int FROM q, unnest(q.levels) l WHERE ${byStatus} AND ${bySubject} GROUP BY 2
      UNION ALL
      SELECT 'subject', s, count(*)::int FROM q, unnest(q.subjects) s WHERE ${byStatus} AND ${byLevel} GROUP BY 2
      ORDER BY 1, 2`.execute(db),
  ]);
  const counts: QueueCounts = { status: [], level: [], subject: [] };
  for (const c of counted) counts[c.facet].push({ value: c.value, count: c.count });
  return { rows, total: rows[0]?.total ?? 0, counts };
}

export type MineRow = SearchRow & {
  updated_at: Date;
  last_action: string | null;
  last_comment: string | null;
  last_at: Date | null;
  last_actor: string | null;
};

/**
 * The resources a user created, or (`schoolRoots`) every resource of the schools under those
 * units, newest change first, each with its latest moderator's comment.
 */
export async function findMine(
  db: Db,
  who: { userId: string } | { schoolRoots: string[] | 'all' },
  page: { limit: number; offset: number },
): Promise<{ rows: MineRow[]; total: number }> {
  const where =
    'userId' in who
      ? sql`r.created_by = ${who.userId}`
      : who.schoolRoots === 'all'
        ? sql`true`
        : sql`EXISTS (SELECT 1 FROM org_unit_closure c WHERE c.descendant_id = r.school_id
            AND c.ancestor_id = ANY(${who.schoolRoots}::uuid[]))`;
  const { rows } = await sql<MineRow & { total: number }>`
    SELECT ${SUMMARY}, r.updated_at, t.action AS last_action, t.comment AS last_comment, t.at AS last_at,
      t.actor_name AS last_actor, count(*) OVER ()::int AS total
    FROM library_resources r
    LEFT JOIN LATERAL (SELECT action, comment, at, actor_name FROM library_transitions
      WHERE resource_id = r.id AND comment IS NOT NULL AND action IN ('return', 'take_down')
      ORDER BY id DESC LIMIT 1) t ON true
    WHERE ${where} ORDER BY r.updated_at DESC, r.id LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  return { rows, total: rows[0]?.total ?? 0 };
}
