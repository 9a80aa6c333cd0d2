import { sql } from 'kysely';
import type { Scope } from '../../platform/access/access.ts';
import type { Db } from '../../platform/db/database.ts';
import type { SearchRow } from './library-search.repository.ts';

const SUMMARY = sql`r.id, r.kind, r.title, r.description, r.levels, r.grades, r.subjects, r.series_code,
  r.licence_code, r.language_code, r.visibility, r.status, r.school_id, r.published_at, r.view_count, r.download_count`;

/**
 * Submitted and in-review resources of schools in the moderator's scope whose subjects and
 * levels match one of the moderator's assignments, oldest first (library_resources_queue).
 * `userId` null: every assignment (the system actor).
 */
export async function findQueue(
  db: Db,
  scope: Scope,
  userId: string | null,
  page: { limit: number; offset: number },
): Promise<{ rows: SearchRow[]; total: number }> {
  const inScope = scope.all
    ? sql`true`
    : sql`EXISTS (SELECT 1 FROM org_unit_closure c WHERE c.descendant_id = r.school_id
        AND c.ancestor_id = ANY(${scope.roots}::uuid[]))`;
  const assigned =
    userId === null
      ? sql`true`
      : sql`EXISTS (SELECT 1 FROM library_moderator_assignments a WHERE a.user_id = ${userId}
          AND a.subject_code = ANY(r.subjects) AND a.level = ANY(r.levels))`;
  const { rows } = await sql<SearchRow & { total: number }>`
    SELECT ${SUMMARY}, count(*) OVER ()::int AS total FROM library_resources r
    WHERE r.status IN ('submitted', 'in_review') AND ${inScope} AND ${assigned}
    ORDER BY r.updated_at, r.id LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  return { rows, total: rows[0]?.total ?? 0 };
}

/** The resources a user created, newest change first (library_resources_creator). */
export async function findMine(
  db: Db,
  userId: string,
  page: { limit: number; offset: number },
): Promise<{ rows: SearchRow[]; total: number }> {
  const { rows } = await sql<SearchRow & { total: number }>`
    SELECT ${SUMMARY}, count(*) OVER ()::int AS total FROM library_resources r
    WHERE r.created_by = ${userId} ORDER BY r.updated_at DESC, r.id LIMIT ${page.limit} OFFSET ${page.offset}`.execute(
    db,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}
