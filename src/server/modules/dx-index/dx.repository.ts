import { type SqlBool, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { type DxStateColumn, dt } from './dx.tables.ts';

/**
 * SQL of the DX index. "Schools assessed" are the living general-education and continuing-
 * education establishments: QĐ 4725 covers "cơ sở giáo dục phổ thông và giáo dục thường xuyên",
 * so preschools (mầm non only) are not assessed.
 */
export const DX_LEVELS = ['tieu_hoc', 'thcs', 'thpt', 'lien_cap', 'gdtx'];

/** Condition on `s` (schools) and `u` (org_units) for a school that takes part. */
export const eligible = sql<SqlBool>`u.valid_to IS NULL AND s.levels && ${sql.val(DX_LEVELS)}::text[]`;

export function findSet(db: Executor, id: string) {
  return dt(db).selectFrom('dx_criteria_sets').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listSets(db: Executor) {
  return dt(db)
    .selectFrom('dx_criteria_sets')
    .select(['code', 'title', 'decision', 'target'])
    .orderBy('created_at', 'desc')
    .execute();
}

export function findSetByCode(db: Executor, code: string) {
  return dt(db).selectFrom('dx_criteria_sets').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findCampaign(db: Executor, year: number, lock = false) {
  const q = dt(db)
    .selectFrom('dx_campaigns as c')
    .innerJoin('dx_criteria_sets as s', 's.id', 'c.criteria_set_id')
    .selectAll('c')
    .select('s.code as set_code')
    .where('c.year', '=', year);
  return (lock ? q.forUpdate('c') : q).executeTakeFirst();
}
export type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

export function listCampaigns(db: Executor) {
  return dt(db)
    .selectFrom('dx_campaigns as c')
    .innerJoin('dx_criteria_sets as s', 's.id', 'c.criteria_set_id')
    .selectAll('c')
    .select('s.code as set_code')
    .orderBy('c.year', 'desc')
    .execute();
}

export function insertCampaign(
  db: Executor,
  v: { year: number; setId: string; opensOn: string; submitBy: string; evaluateBy: string },
) {
  return dt(db)
    .insertInto('dx_campaigns')
    .values({
      year: v.year,
      criteria_set_id: v.setId,
      opens_on: v.opensOn,
      submit_by: v.submitBy,
      evaluate_by: v.evaluateBy,
      published_at: null,
      published_by: null,
    })
    .onConflict((oc) => oc.column('year').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function updateCampaignDates(
  db: Executor,
  id: string,
  v: { opensOn: string; submitBy: string; evaluateBy: string },
) {
  await dt(db)
    .updateTable('dx_campaigns')
    .set({
      opens_on: v.opensOn,
      submit_by: v.submitBy,
      evaluate_by: v.evaluateBy,
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function publishCampaign(db: Executor, id: string, by: string | null) {
  await dt(db)
    .updateTable('dx_campaigns')
    .set({ published_at: new Date(), published_by: by, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** A school with its location commune, and whether it takes part in the index. */
export function findSchool(db: Executor, schoolId: string) {
  return db
    .selectFrom('schools as s')
    .innerJoin('org_units as u', 'u.id', 's.unit_id')
    .leftJoin('org_units as c', 'c.id', 's.commune_id')
    .select(['u.id', 'u.name', 's.commune_id', 'c.name as commune_name', eligible.as('eligible')])
    .where('s.unit_id', '=', schoolId)
    .executeTakeFirst();
}

/** Of these units, the schools taking part, by name. */
export function listSchools(db: Executor, ids: readonly string[]) {
  return db
    .selectFrom('schools as s')
    .innerJoin('org_units as u', 'u.id', 's.unit_id')
    .select(['u.id', 'u.name'])
    .where(eligible)
    .where('u.id', 'in', ids)
    .orderBy(sql`u.name COLLATE "vi"`)
    .execute();
}

export function findAssessment(db: Executor, campaignId: string, schoolId: string, lock = false) {
  const q = dt(db)
    .selectFrom('dx_assessments')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('school_id', '=', schoolId);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}
export type AssessmentRow = NonNullable<Awaited<ReturnType<typeof findAssessment>>>;

/** The assessment row of a school in a campaign, made (as a draft) when missing; locked. */
export async function ensureAssessment(db: Executor, campaignId: string, schoolId: string): Promise<AssessmentRow> {
  await dt(db)
    .insertInto('dx_assessments')
    .values({
      campaign_id: campaignId,
      school_id: schoolId,
      reopened_until: null,
      self_teaching: 0,
      self_governance: 0,
      final_teaching: 0,
      final_governance: 0,
      level_teaching: 1,
      level_governance: 1,
      answered: 0,
      return_reason: null,
      submitted_at: null,
      submitted_by: null,
      evaluated_at: null,
      evaluated_by: null,
      recognised_at: null,
      recognised_by: null,
    })
    .onConflict((oc) => oc.columns(['campaign_id', 'school_id']).doNothing())
    .execute();
  return (await findAssessment(db, campaignId, schoolId, true))!;
}

export interface AssessmentPatch {
  state?: DxStateColumn;
  reopened_until?: string | null;
  self_teaching?: number;
  self_governance?: number;
  final_teaching?: number;
  final_governance?: number;
  level_teaching?: number;
  level_governance?: number;
  answered?: number;
  return_reason?: string | null;
  submitted_at?: Date;
  submitted_by?: string | null;
  evaluated_at?: Date;
  evaluated_by?: string | null;
  recognised_at?: Date | null;
  recognised_by?: string | null;
}

export async function updateAssessment(db: Executor, id: string, patch: AssessmentPatch) {
  await dt(db)
    .updateTable('dx_assessments')
    .set({ ...patch, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function listAnswers(db: Executor, assessmentId: string) {
  return dt(db).selectFrom('dx_answers').selectAll().where('assessment_id', '=', assessmentId).execute();
}
export type AnswerRow = Awaited<ReturnType<typeof listAnswers>>[number];

export async function upsertSelfAnswers(
  db: Executor,
  assessmentId: string,
  rows: {
    code: string;
    option: string | null;
    points: number | null;
    evidenceText: string | null;
    evidenceLinks: string[];
  }[],
) {
  if (rows.length === 0) return;
  await dt(db)
    .insertInto('dx_answers')
    .values(
      rows.map((r) => ({
        assessment_id: assessmentId,
        criterion_code: r.code,
        self_option: r.option,
        self_points: r.points,
        evidence_text: r.evidenceText,
        evidence_links: r.evidenceLinks,
        eval_option: null,
        eval_points: null,
        eval_comment: null,
        evidence_request: null,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['assessment_id', 'criterion_code']).doUpdateSet((eb) => ({
        self_option: eb.ref('excluded.self_option'),
        self_points: eb.ref('excluded.self_points'),
        evidence_text: eb.ref('excluded.evidence_text'),
        evidence_links: eb.ref('excluded.evidence_links'),
        updated_at: new Date(),
      })),
    )
    .execute();
}

export async function upsertEvalAnswers(
  db: Executor,
  assessmentId: string,
  rows: { code: string; option: string | null; points: number | null; comment: string | null }[],
) {
  if (rows.length === 0) return;
  await dt(db)
    .insertInto('dx_answers')
    .values(
      rows.map((r) => ({
        assessment_id: assessmentId,
        criterion_code: r.code,
        self_option: null,
        self_points: null,
        evidence_text: null,
        eval_option: r.option,
        eval_points: r.points,
        eval_comment: r.comment,
        evidence_request: null,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['assessment_id', 'criterion_code']).doUpdateSet((eb) => ({
        eval_option: eb.ref('excluded.eval_option'),
        eval_points: eb.ref('excluded.eval_points'),
        eval_comment: eb.ref('excluded.eval_comment'),
        updated_at: new Date(),
      })),
    )
    .execute();
}

/** Replaces the evaluator's requests for more evidence (null elsewhere). */
export async function setEvidenceRequests(db: Executor, assessmentId: string, requests: Map<string, string>) {
  await dt(db)
    .updateTable('dx_answers')
    .set({ evidence_request: null })
    .where('assessment_id', '=', assessmentId)
    .execute();
  for (const [code, comment] of requests) {
    await dt(db)
      .insertInto('dx_answers')
      .values({
        assessment_id: assessmentId,
        criterion_code: code,
        self_option: null,
        self_points: null,
        evidence_text: null,
        eval_option: null,
        eval_points: null,
        eval_comment: null,
        evidence_request: comment,
      })
      .onConflict((oc) =>
        oc
          .columns(['assessment_id', 'criterion_code'])
          .doUpdateSet({ evidence_request: comment, updated_at: new Date() }),
      )
      .execute();
  }
}

export function listEvidence(db: Executor, assessmentId: string) {
  return dt(db)
    .selectFrom('dx_evidence_files')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('removed_at', 'is', null)
    .orderBy('added_at')
    .execute();
}

export function findEvidence(db: Executor, id: string) {
  return dt(db).selectFrom('dx_evidence_files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A completed upload of the user for purpose 'dx' that holds the stored file. */
export function findOwnUpload(db: Executor, storedFileId: string, userId: string) {
  return db
    .selectFrom('uploads')
    .select(['id', 'filename'])
    .where('file_id', '=', storedFileId)
    .where('owner_id', '=', userId)
    .where('purpose', '=', 'dx')
    .where('state', '=', 'complete')
    .executeTakeFirst();
}

export function insertEvidence(
  db: Executor,
  v: { assessmentId: string; code: string; storedFileId: string; filename: string; by: string | null },
) {
  return dt(db)
    .insertInto('dx_evidence_files')
    .values({
      assessment_id: v.assessmentId,
      criterion_code: v.code,
      stored_file_id: v.storedFileId,
      filename: v.filename,
      added_by: v.by,
      removed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function removeEvidence(db: Executor, id: string) {
  await dt(db).updateTable('dx_evidence_files').set({ removed_at: new Date() }).where('id', '=', id).execute();
}

export function findStoredFile(db: Executor, id: string) {
  return db.selectFrom('stored_files').selectAll().where('id', '=', id).executeTakeFirst();
}
