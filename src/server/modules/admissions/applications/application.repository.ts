import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

/**
 * SQL of admission_applications, their versions and drafts. The staff queue also reads the
 * dossier engine's `dossiers` (state, receipt time, deadline) and org_units / org_unit_closure
 * (names, scopes); those are only read here, never written.
 */

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findByCode>>>;

export interface ApplicationValues {
  dossier_id: string;
  round_id: string;
  dossier_code: string;
  applicant_key: string;
  child_name: string;
  date_of_birth: string;
  gender: 'male' | 'female';
  residence_commune_id: string;
  residence_village: string | null;
  residence_status: 'confirmed' | 'correction' | 'unregistered';
  correction_reason: string | null;
  registry_match: boolean;
  wishes: string[];
  priority_group: string | null;
  /** JSON of [{fullName, relation, phone}]. */
  guardians: string;
  contact_channel: 'sms' | 'email';
  contact_address: string;
}

const columns = [
  'dossier_id',
  'round_id',
  'dossier_code',
  'applicant_key',
  'child_name',
  'date_of_birth',
  'gender',
  'residence_commune_id',
  'residence_village',
  'residence_status',
  'correction_reason',
  'registry_match',
  'wishes',
  'priority_group',
  'guardians',
  'contact_channel',
  'contact_address',
  'version',
] as const;

/** Idempotent: a retry after a lost answer (or a crash between the dossier and this row) inserts once. */
export async function insertApplication(db: Executor, v: ApplicationValues): Promise<void> {
  await db
    .insertInto('admission_applications')
    .values(v)
    .onConflict((oc) => oc.column('dossier_id').doNothing())
    .execute();
}

/** Several rows in one statement (a batch of filings). */
export async function insertApplications(db: Executor, rows: readonly ApplicationValues[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('admission_applications')
    .values([...rows])
    .onConflict((oc) => oc.column('dossier_id').doNothing())
    .execute();
}

export function findByCode(db: Executor, code: string) {
  return db.selectFrom('admission_applications').select(columns).where('dossier_code', '=', code).executeTakeFirst();
}

export function findByDossier(db: Executor, dossierId: string) {
  return db.selectFrom('admission_applications').select(columns).where('dossier_id', '=', dossierId).executeTakeFirst();
}

export function lockApplication(db: Executor, dossierId: string) {
  return db
    .selectFrom('admission_applications')
    .select(columns)
    .where('dossier_id', '=', dossierId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertVersion(
  db: Executor,
  v: { dossierId: string; version: number; data: unknown; editedBy: string },
): Promise<void> {
  await db
    .insertInto('admission_application_versions')
    .values({ dossier_id: v.dossierId, version: v.version, data: JSON.stringify(v.data), edited_by: v.editedBy })
    .execute();
}

export async function updateApplication(
  db: Executor,
  dossierId: string,
  set: Partial<
    Pick<
      ApplicationValues,
      | 'wishes'
      | 'priority_group'
      | 'guardians'
      | 'residence_commune_id'
      | 'residence_village'
      | 'residence_status'
      | 'correction_reason'
    >
  >,
): Promise<void> {
  await db
    .updateTable('admission_applications')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('dossier_id', '=', dossierId)
    .execute();
}

export async function upsertDraft(
  db: Executor,
  v: { roundId: string; applicantKey: string; contact: string; data: unknown },
): Promise<Date> {
  const row = await db
    .insertInto('admission_application_drafts')
    .values({
      round_id: v.roundId,
      applicant_key: v.applicantKey,
      contact_address: v.contact,
      data: JSON.stringify(v.data),
    })
    .onConflict((oc) =>
      oc
        .columns(['round_id', 'applicant_key', 'contact_address'])
        .doUpdateSet({ data: JSON.stringify(v.data), updated_at: sql`now()` }),
    )
    .returning('updated_at')
    .executeTakeFirstOrThrow();
  return row.updated_at;
}

export function findDraft(db: Executor, roundId: string, applicantKey: string, contact: string) {
  return db
    .selectFrom('admission_application_drafts')
    .select(['data', 'updated_at'])
    .where('round_id', '=', roundId)
    .where('applicant_key', '=', applicantKey)
    .where('contact_address', '=', contact)
    .executeTakeFirst();
}

export async function deleteDrafts(db: Executor, roundId: string, applicantKey: string): Promise<void> {
  await db
    .deleteFrom('admission_application_drafts')
    .where('round_id', '=', roundId)
    .where('applicant_key', '=', applicantKey)
    .execute();
}

/** The drafts of several children (a batch of filings), by primary-key prefix. */
export async function deleteDraftsOf(
  db: Executor,
  children: readonly { roundId: string; applicantKey: string }[],
): Promise<void> {
  if (children.length === 0) return;
  await sql`
    DELETE FROM admission_application_drafts d
    USING unnest(${children.map((c) => c.roundId)}::uuid[], ${children.map((c) => c.applicantKey)}::text[]) AS t(r, k)
    WHERE d.round_id = t.r AND d.applicant_key = t.k`.execute(db);
}

/** Names of units, by id (schools of the wishes). */
export async function unitNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface QueueFilter {
  roundId: string;
  /** Subtree roots whose schools' applications (by first wish) are visible; null: the whole round. */
  schoolRoots: string[] | null;
  schoolId?: string | undefined;
  state?: string | undefined;
  q?: string | undefined;
  overdue?: boolean | undefined;
  priorityGroup?: string | undefined;
  registryMatch?: boolean | undefined;
  page: number;
  pageSize: number;
}

/**
 * The staff queue, oldest receipt first. Scope through org_unit_closure's ancestor index; `q`
 * through admission_applications_search (trigram GIN on search_key) or dossiers_code_search.
 */
export async function listQueue(db: Executor, f: QueueFilter) {
  let q = db
    .selectFrom('admission_applications as a')
    .innerJoin('dossiers as d', 'd.id', 'a.dossier_id')
    .innerJoin('org_units as s', 's.id', 'a.first_wish_id')
    .where('a.round_id', '=', f.roundId)
    .where('d.state', '<>', 'draft');
  if (f.schoolRoots)
    q = q.where(
      'a.first_wish_id',
      'in',
      db.selectFrom('org_unit_closure').select('descendant_id').where('ancestor_id', 'in', f.schoolRoots),
    );
  if (f.schoolId) q = q.where('a.first_wish_id', '=', f.schoolId);
  if (f.q?.trim()) q = q.where('a.search_key', 'like', sql<string>`'%' || gds_search_key(${f.q.trim()}) || '%'`);
  // dossiers_running_due
  if (f.overdue === true)
    q = q.where('d.due_at', '<', sql<Date>`now()`).where('d.state', 'in', ['submitted', 'in_review', 'resubmitted']);
  if (f.overdue === false)
    q = q.where((eb) =>
      eb.or([
        eb('d.due_at', 'is', null),
        eb('d.due_at', '>=', sql<Date>`now()`),
        eb('d.state', 'not in', ['submitted', 'in_review', 'resubmitted']),
      ]),
    );
  if (f.priorityGroup === 'none') q = q.where('a.priority_group', 'is', null);
  else if (f.priorityGroup) q = q.where('a.priority_group', '=', f.priorityGroup);
  if (f.registryMatch !== undefined) q = q.where('a.registry_match', '=', f.registryMatch);
  const states = q
    .select(['d.state', sql<number>`count(*)::int`.as('n')])
    .groupBy('d.state')
    .execute();
  if (f.state) q = q.where('d.state', '=', f.state);
  const [rows, count, byState] = await Promise.all([
    q
      .select([
        'a.dossier_id',
        'a.dossier_code',
        'a.child_name',
        'a.date_of_birth',
        'a.gender',
        'a.first_wish_id',
        's.name as first_wish_name',
        'a.wishes',
        'a.priority_group',
        'a.registry_match',
        'a.residence_status',
        'd.state',
        'd.received_at',
        'd.due_at',
        'd.unit_id',
      ])
      .orderBy('d.received_at')
      .orderBy('a.dossier_code')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    states,
  ]);
  return { rows, total: count.n, countsByState: Object.fromEntries(byState.map((s) => [s.state, s.n])) };
}
