import { type Generated, type Selectable, sql } from 'kysely';
import type { LessonPlan } from '../../../shared/lesson-plan.schema.ts';
import type { Scope } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Json, Timestamp } from '../../platform/db/types.ts';

/** The SQL of lesson plans (tables of 0018_lesson_plans.sql). */

export interface LessonPlansTable {
  id: Generated<string>;
  school_id: string;
  owner_id: string;
  content: Json;
  title: string;
  subject_code: string;
  subject_name: string;
  grade: number;
  adapted_from_publication_id: string | null;
  adapted_from_resource_id: string | null;
  attribution: string | null;
  resource_id: string | null;
  send_started_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface LessonPlanPublicationsTable {
  id: Generated<string>;
  plan_id: string;
  plan_version: number;
  resource_id: string;
  version_id: string;
  content: Json;
  pdf_file_id: string;
  docx_file_id: string | null;
  sent_at: Timestamp;
  sent_by: string | null;
}

/**
 * Kept here rather than in platform/db/types.ts while the module is new; `withTables` adds them
 * to the handle the caller passes (a transaction stays the same transaction).
 */
type Tables = {
  lesson_plans: LessonPlansTable;
  lesson_plan_publications: LessonPlanPublicationsTable;
};
const t = (db: Executor) => db.withTables<Tables>();

export type PlanRow = Selectable<LessonPlansTable> & { owner_name: string };
export type PublicationRow = Selectable<LessonPlanPublicationsTable>;

const PLAN_COLUMNS = [
  'p.id',
  'p.school_id',
  'p.owner_id',
  'p.content',
  'p.title',
  'p.subject_code',
  'p.subject_name',
  'p.grade',
  'p.adapted_from_publication_id',
  'p.adapted_from_resource_id',
  'p.attribution',
  'p.resource_id',
  'p.send_started_at',
  'p.version',
  'p.created_at',
  'p.updated_at',
  'p.updated_by',
] as const;

/** The header columns kept beside the document for listing. */
function listingOf(plan: LessonPlan) {
  const h = plan.header;
  return { title: h.title, subject_code: h.subject.code, subject_name: h.subject.name, grade: h.grade };
}

export async function findPlan(db: Executor, id: string, lock = false): Promise<PlanRow | undefined> {
  let q = t(db)
    .selectFrom('lesson_plans as p')
    .innerJoin('users as u', 'u.id', 'p.owner_id')
    .select([...PLAN_COLUMNS, 'u.full_name as owner_name'])
    .where('p.id', '=', id);
  if (lock) q = q.forUpdate('p');
  return q.executeTakeFirst();
}

export interface NewPlan {
  schoolId: string;
  ownerId: string;
  content: LessonPlan;
  adaptedFrom?: { publicationId: string; resourceId: string; attribution: string } | undefined;
}

export async function insertPlan(trx: Executor, p: NewPlan): Promise<string> {
  const row = await t(trx)
    .insertInto('lesson_plans')
    .values({
      school_id: p.schoolId,
      owner_id: p.ownerId,
      content: JSON.stringify(p.content),
      ...listingOf(p.content),
      adapted_from_publication_id: p.adaptedFrom?.publicationId ?? null,
      adapted_from_resource_id: p.adaptedFrom?.resourceId ?? null,
      attribution: p.adaptedFrom?.attribution ?? null,
      resource_id: null,
      send_started_at: null,
      updated_by: p.ownerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces the document and bumps the version (the caller holds the row lock and checked the version). */
export async function updateContent(trx: Executor, id: string, content: LessonPlan, by: string): Promise<number> {
  const row = await t(trx)
    .updateTable('lesson_plans')
    .set((eb) => ({
      content: JSON.stringify(content),
      ...listingOf(content),
      version: eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: by,
    }))
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function deletePlan(trx: Executor, id: string): Promise<void> {
  await t(trx).deleteFrom('lesson_plans').where('id', '=', id).execute();
}

/**
 * Claims the plan for a send: sets send_started_at unless another send started less than
 * `staleAfterMs` ago. Returns false when the plan is busy.
 */
export async function claimSend(db: Executor, id: string, staleAfterMs: number): Promise<boolean> {
  const r = await t(db)
    .updateTable('lesson_plans')
    .set({ send_started_at: new Date() })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('send_started_at', 'is', null),
        eb('send_started_at', '<', sql<Date>`now() - ${staleAfterMs}::int * interval '1 millisecond'`),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function releaseSend(db: Executor, id: string): Promise<void> {
  await t(db).updateTable('lesson_plans').set({ send_started_at: null }).where('id', '=', id).execute();
}

/** Records the library resource of a plan and ends its send. */
export async function markSent(trx: Executor, id: string, resourceId: string): Promise<void> {
  await t(trx)
    .updateTable('lesson_plans')
    .set({ resource_id: resourceId, send_started_at: null })
    .where('id', '=', id)
    .execute();
}

/**
 * A page of plans: the owner's (index lesson_plans_owner), or those of the schools in the
 * scope's subtrees (index lesson_plans_school; org_unit_closure is the org module's published
 * read model), most recently edited first.
 */
export async function listPlans(
  db: Executor,
  filter: { ownerId: string } | { scope: Scope },
  page: { page: number; pageSize: number },
): Promise<{ rows: PlanRow[]; total: number }> {
  let q = t(db).selectFrom('lesson_plans as p').innerJoin('users as u', 'u.id', 'p.owner_id');
  if ('ownerId' in filter) q = q.where('p.owner_id', '=', filter.ownerId);
  else if (!filter.scope.all) {
    const roots = filter.scope.roots;
    q = q.where('p.school_id', 'in', (eb) =>
      eb.selectFrom('org_unit_closure').select('descendant_id').where('ancestor_id', 'in', roots),
    );
  }
  const [rows, count] = await Promise.all([
    q
      .select([...PLAN_COLUMNS, 'u.full_name as owner_name'])
      .orderBy('p.updated_at', 'desc')
      .orderBy('p.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function listPublications(db: Executor, planId: string): Promise<PublicationRow[]> {
  return t(db)
    .selectFrom('lesson_plan_publications')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('sent_at')
    .execute();
}

/** The snapshot sent as this library version (unique index on version_id). */
export async function findPublicationByVersion(db: Executor, versionId: string): Promise<PublicationRow | undefined> {
  return t(db)
    .selectFrom('lesson_plan_publications')
    .selectAll()
    .where('version_id', '=', versionId)
    .executeTakeFirst();
}

export interface NewPublication {
  planId: string;
  planVersion: number;
  resourceId: string;
  versionId: string;
  content: LessonPlan;
  pdfFileId: string;
  docxFileId: string | null;
  sentBy: string | null;
}

export async function insertPublication(trx: Executor, p: NewPublication): Promise<string> {
  const row = await t(trx)
    .insertInto('lesson_plan_publications')
    .values({
      plan_id: p.planId,
      plan_version: p.planVersion,
      resource_id: p.resourceId,
      version_id: p.versionId,
      content: JSON.stringify(p.content),
      pdf_file_id: p.pdfFileId,
      docx_file_id: p.docxFileId,
      sent_by: p.sentBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A stored file's row, as sendStoredFile needs it. */
export async function findStoredFile(db: Executor, id: string) {
  return db
    .selectFrom('stored_files')
    .select(['storage_key', 'filename', 'content_type', 'size_bytes', 'sha256'])
    .where('id', '=', id)
    .executeTakeFirst();
}
