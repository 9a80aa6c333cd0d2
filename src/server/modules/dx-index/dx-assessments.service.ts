import {
  type DxAssessmentView,
  type DxEvaluationInput,
  type DxReturnInput,
  type DxSaveInput,
  DxEvaluationInput as EvaluationSchema,
  DxReturnInput as ReturnSchema,
  DxSaveInput as SaveSchema,
} from '../../../shared/dx-index.schema.ts';
import { canSteer } from '../../platform/access/steering-scope.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import type { ServedFile } from '../../platform/files/send-stored-file.ts';
import type { Platform } from '../../platform/platform.ts';
import { todayInVietnam } from '../archive/archive-access.ts';
import { presentAssessment } from './dx.presenter.ts';
import * as repo from './dx.repository.ts';
import { holdsOnSchool } from './dx-access.ts';
import { notifySchool, recognisedMessage, returnedMessage } from './dx-notify.ts';
import { checkChoice, deadlineOf, type LoadedSet, loadSet, scoresOf } from './dx-rules.ts';

type UserActor = Extract<Actor, { kind: 'user' }>;

/**
 * A school's self-assessment of a year's campaign and its evaluation (QĐ 4725/QĐ-BGDĐT):
 * the school fills it in with evidence (dx.assess), the principal submits it before the deadline
 * (dx.submit), the level above evaluates it, asks for more evidence or recognises it (dx.evaluate,
 * steering scope: the commune for its schools, the Sở for the province).
 */
export class DxAssessmentsService {
  readonly #p: Platform;
  readonly #sets = new Map<string, LoadedSet>();

  constructor(p: Platform) {
    this.#p = p;
  }

  /** The criteria set of a campaign (cached: a set used by a campaign never changes). */
  async set(db: Executor, id: string): Promise<LoadedSet> {
    const cached = this.#sets.get(id);
    if (cached) return cached;
    const row = await repo.findSet(db, id);
    if (!row) throw new AppError('resource.not_found');
    const s = loadSet(row);
    this.#sets.set(id, s);
    return s;
  }

  async #abilities(actor: Actor, schoolId: string) {
    const db = this.#p.db;
    return {
      assess: holdsOnSchool(actor, 'dx.assess', schoolId),
      submit: holdsOnSchool(actor, 'dx.submit', schoolId),
      evaluate: await canSteer(db, actor, 'dx.evaluate', schoolId),
    };
  }

  async #context(year: number, schoolId: string) {
    const campaign = await repo.findCampaign(this.#p.db, year);
    const school = await repo.findSchool(this.#p.db, schoolId);
    if (!campaign || !school?.eligible) throw new AppError('dx.not_applicable');
    return { campaign, school };
  }

  /** The assessment as the school or its evaluator sees it (an empty draft before the first save). */
  async get(actor: Actor, year: number, schoolId: string): Promise<DxAssessmentView> {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const { campaign, school } = await this.#context(year, schoolId);
    const can = await this.#abilities(actor, schoolId);
    if (!can.assess && !can.submit && !can.evaluate) throw new AppError('access.denied');
    const set = await this.set(this.#p.db, campaign.criteria_set_id);
    const row = await repo.findAssessment(this.#p.db, campaign.id, schoolId);
    const answers = row ? await repo.listAnswers(this.#p.db, row.id) : [];
    const files = row ? await repo.listEvidence(this.#p.db, row.id) : [];
    return presentAssessment({ campaign, school, set, row, answers, files, can, today: todayInVietnam() });
  }

  /** Saves the school's answers as a draft (merged with the earlier ones), audited. */
  async save(actor: Actor, year: number, schoolId: string, input: DxSaveInput): Promise<DxAssessmentView> {
    const user = await this.#require(actor, 'dx.assess', schoolId);
    const body = SaveSchema.parse(input);
    await this.#write(year, schoolId, body.version, async (trx, set, row, campaign) => {
      this.#assertEditable(campaign, row);
      const details: ErrorDetail[] = [];
      body.answers.forEach((a, i) => {
        details.push(...checkChoice(set, a.criterionCode, { option: a.option, points: a.points }, `body.answers.${i}`));
      });
      if (details.length) throw new AppError('dx.invalid', { details });
      await repo.upsertSelfAnswers(
        trx,
        row.id,
        body.answers.map((a) => ({
          code: a.criterionCode,
          option: a.option,
          points: a.points,
          evidenceText: a.evidenceText || null,
          evidenceLinks: a.evidenceLinks,
        })),
      );
      const after = await this.#rescore(trx, set, row.id, {});
      await this.#p.audit.record(trx, user, {
        action: 'dx.assessment.save',
        entityType: 'dx_assessment',
        entityId: row.id,
        unitId: schoolId,
        before: { teaching: Number(row.self_teaching), governance: Number(row.self_governance) },
        after: { ...after, criteria: body.answers.map((a) => a.criterionCode) },
      });
    });
    return this.get(actor, year, schoolId);
  }

  /** The principal approves and submits: every criterion answered, on or before the deadline. */
  async submit(actor: Actor, year: number, schoolId: string, version: number): Promise<DxAssessmentView> {
    const user = await this.#require(actor, 'dx.submit', schoolId);
    await this.#write(year, schoolId, version, async (trx, set, row, campaign) => {
      this.#assertEditable(campaign, row);
      const scores = scoresOf(set, await repo.listAnswers(trx, row.id));
      if (scores.unanswered.length)
        throw new AppError('dx.incomplete', {
          details: scores.unanswered.map((code) => ({
            path: `criteria.${code}`,
            message: 'chưa tự đánh giá / not self-assessed',
          })),
        });
      await repo.updateAssessment(trx, row.id, {
        state: 'submitted',
        submitted_at: new Date(),
        submitted_by: user.userId,
      });
      await this.#p.audit.record(trx, user, {
        action: 'dx.assessment.submit',
        entityType: 'dx_assessment',
        entityId: row.id,
        unitId: schoolId,
        before: { state: row.state },
        after: { state: 'submitted', teaching: scores.self.teaching, governance: scores.self.governance },
      });
    });
    return this.get(actor, year, schoolId);
  }

  /** The evaluator's scores and comments per criterion (a submitted assessment). */
  async evaluate(actor: Actor, year: number, schoolId: string, input: DxEvaluationInput): Promise<DxAssessmentView> {
    const user = await this.#require(actor, 'dx.evaluate', schoolId);
    const body = EvaluationSchema.parse(input);
    await this.#write(year, schoolId, body.version, async (trx, set, row, campaign) => {
      this.#assertEvaluable(campaign, row);
      const details: ErrorDetail[] = [];
      body.answers.forEach((a, i) => {
        details.push(...checkChoice(set, a.criterionCode, { option: a.option, points: a.points }, `body.answers.${i}`));
      });
      if (details.length) throw new AppError('dx.invalid', { details });
      await repo.upsertEvalAnswers(
        trx,
        row.id,
        body.answers.map((a) => ({
          code: a.criterionCode,
          option: a.option,
          points: a.points,
          comment: a.comment || null,
        })),
      );
      const after = await this.#rescore(trx, set, row.id, { evaluated_at: new Date(), evaluated_by: user.userId });
      await this.#p.audit.record(trx, user, {
        action: 'dx.assessment.evaluate',
        entityType: 'dx_assessment',
        entityId: row.id,
        unitId: schoolId,
        before: { teaching: Number(row.final_teaching), governance: Number(row.final_governance) },
        after: { ...after, criteria: body.answers.map((a) => a.criterionCode) },
      });
    });
    return this.get(actor, year, schoolId);
  }

  /** Asks the school for more evidence: back to the school, comments per criterion, a day to resubmit by. */
  async requestEvidence(actor: Actor, year: number, schoolId: string, input: DxReturnInput): Promise<DxAssessmentView> {
    const user = await this.#require(actor, 'dx.evaluate', schoolId);
    const body = ReturnSchema.parse(input);
    const today = todayInVietnam();
    await this.#write(year, schoolId, body.version, async (trx, set, row, campaign) => {
      this.#assertEvaluable(campaign, row);
      const until = body.resubmitBy ?? laterOf(campaign.evaluate_by, today);
      const details: ErrorDetail[] = [];
      if (until < today) details.push({ path: 'body.resubmitBy', message: 'từ hôm nay trở đi / from today on' });
      body.requests.forEach((r, i) => {
        if (!set.criteria.has(r.criterionCode))
          details.push({
            path: `body.requests.${i}.criterionCode`,
            message: 'không có tiêu chí này / no such criterion',
          });
      });
      if (details.length) throw new AppError('dx.invalid', { details });
      await repo.setEvidenceRequests(trx, row.id, new Map(body.requests.map((r) => [r.criterionCode, r.comment])));
      await repo.updateAssessment(trx, row.id, {
        state: 'returned',
        return_reason: body.reason,
        reopened_until: until,
      });
      await notifySchool(trx, schoolId, 'dx.returned', returnedMessage(year, body.reason, until));
      await this.#p.audit.record(trx, user, {
        action: 'dx.assessment.return',
        entityType: 'dx_assessment',
        entityId: row.id,
        unitId: schoolId,
        before: { state: row.state },
        after: { state: 'returned', reason: body.reason, resubmitBy: until, requests: body.requests },
      });
    });
    return this.get(actor, year, schoolId);
  }

  /** Recognises (công nhận) the evaluated result: the levels become the school's for the year. */
  async recognise(actor: Actor, year: number, schoolId: string, version: number): Promise<DxAssessmentView> {
    const user = await this.#require(actor, 'dx.evaluate', schoolId);
    await this.#write(year, schoolId, version, async (trx, set, row, campaign) => {
      this.#assertEvaluable(campaign, row);
      const after = await this.#rescore(trx, set, row.id, {
        state: 'recognised',
        recognised_at: new Date(),
        recognised_by: user.userId,
      });
      await notifySchool(trx, schoolId, 'dx.recognised', recognisedMessage(year, after));
      await this.#p.audit.record(trx, user, {
        action: 'dx.assessment.recognise',
        entityType: 'dx_assessment',
        entityId: row.id,
        unitId: schoolId,
        before: { state: row.state },
        after: { state: 'recognised', ...after },
      });
    });
    return this.get(actor, year, schoolId);
  }

  /** Lets a school submit after the deadline, until `until` (a draft or a returned assessment). */
  async reopen(actor: Actor, year: number, schoolId: string, until: string, version: number) {
    const user = await this.#require(actor, 'dx.evaluate', schoolId);
    if (until < todayInVietnam())
      throw new AppError('dx.invalid', {
        details: [{ path: 'body.until', message: 'từ hôm nay trở đi / from today on' }],
      });
    await this.#write(year, schoolId, version, async (trx, _set, row, campaign) => {
      if (campaign.published_at) throw new AppError('dx.invalid_state');
      if (row.state !== 'draft' && row.state !== 'returned') throw new AppError('dx.invalid_state');
      await repo.updateAssessment(trx, row.id, { reopened_until: until });
      await this.#p.audit.record(trx, user, {
        action: 'dx.assessment.reopen',
        entityType: 'dx_assessment',
        entityId: row.id,
        unitId: schoolId,
        before: { reopenedUntil: row.reopened_until },
        after: { reopenedUntil: until },
      });
    });
    return this.get(actor, year, schoolId);
  }

  /** Attaches an uploaded file (the actor's own upload, purpose 'dx') as evidence of a criterion. */
  async addEvidence(actor: Actor, year: number, schoolId: string, criterionCode: string, storedFileId: string) {
    const user = await this.#require(actor, 'dx.assess', schoolId);
    await this.#write(year, schoolId, null, async (trx, set, row, campaign) => {
      this.#assertEditable(campaign, row);
      if (!set.criteria.has(criterionCode))
        throw new AppError('dx.invalid', {
          details: [{ path: 'body.criterionCode', message: 'không có tiêu chí này / no such criterion' }],
        });
      const upload = await repo.findOwnUpload(trx, storedFileId, user.userId);
      if (!upload)
        throw new AppError('dx.invalid', {
          details: [{ path: 'body.storedFileId', message: 'không phải tệp bạn đã tải lên / not a file you uploaded' }],
        });
      const ev = await repo.insertEvidence(trx, {
        assessmentId: row.id,
        code: criterionCode,
        storedFileId,
        filename: upload.filename,
        by: user.userId,
      });
      await this.#p.audit.record(trx, user, {
        action: 'dx.evidence.add',
        entityType: 'dx_assessment',
        entityId: row.id,
        unitId: schoolId,
        after: { evidenceId: ev.id, criterionCode, filename: upload.filename },
      });
    });
    return this.get(actor, year, schoolId);
  }

  async removeEvidence(actor: Actor, year: number, schoolId: string, fileId: string) {
    const user = await this.#require(actor, 'dx.assess', schoolId);
    await this.#write(year, schoolId, null, async (trx, _set, row, campaign) => {
      this.#assertEditable(campaign, row);
      const ev = await repo.findEvidence(trx, fileId);
      if (!ev || ev.assessment_id !== row.id || ev.removed_at) throw new AppError('resource.not_found');
      await repo.removeEvidence(trx, fileId);
      await this.#p.audit.record(trx, user, {
        action: 'dx.evidence.remove',
        entityType: 'dx_assessment',
        entityId: row.id,
        unitId: schoolId,
        before: { evidenceId: fileId, criterionCode: ev.criterion_code, filename: ev.filename },
      });
    });
    return this.get(actor, year, schoolId);
  }

  /** An evidence file, for whoever may see the assessment. */
  async evidenceFile(actor: Actor, year: number, schoolId: string, fileId: string): Promise<ServedFile> {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const { campaign } = await this.#context(year, schoolId);
    const can = await this.#abilities(actor, schoolId);
    if (!can.assess && !can.submit && !can.evaluate) throw new AppError('access.denied');
    const row = await repo.findAssessment(this.#p.db, campaign.id, schoolId);
    const ev = await repo.findEvidence(this.#p.db, fileId);
    if (!row || !ev || ev.assessment_id !== row.id || ev.removed_at) throw new AppError('resource.not_found');
    const f = await repo.findStoredFile(this.#p.db, ev.stored_file_id);
    if (!f) throw new AppError('resource.not_found');
    return {
      storageKey: f.storage_key,
      filename: ev.filename,
      contentType: f.content_type,
      size: Number(f.size_bytes),
      sha256: f.sha256,
    };
  }

  async #require(actor: Actor, permission: 'dx.assess' | 'dx.submit' | 'dx.evaluate', schoolId: string) {
    if (actor.kind !== 'user') throw new AppError(actor.kind === 'anonymous' ? 'auth.required' : 'access.denied');
    const ok =
      permission === 'dx.evaluate'
        ? await canSteer(this.#p.db, actor, permission, schoolId)
        : holdsOnSchool(actor, permission, schoolId);
    if (!ok) throw new AppError('access.denied');
    return actor as UserActor;
  }

  /**
   * One change in a transaction: the campaign and the school checked, the assessment made or
   * locked, its version compared (null: no check, for evidence files), the change, the rescore.
   */
  async #write(
    year: number,
    schoolId: string,
    version: number | null,
    change: (trx: Trx, set: LoadedSet, row: repo.AssessmentRow, campaign: repo.CampaignRow) => Promise<void>,
  ): Promise<void> {
    const { campaign } = await this.#context(year, schoolId);
    const set = await this.set(this.#p.db, campaign.criteria_set_id);
    await this.#p.db.transaction().execute(async (trx) => {
      const existing = await repo.findAssessment(trx, campaign.id, schoolId, true);
      if (version !== null && (existing ? existing.version : 0) !== version) throw new AppError('resource.stale');
      const row = existing ?? (await repo.ensureAssessment(trx, campaign.id, schoolId));
      // Made by a concurrent first save that changed it already: this one read an older state.
      if (!existing && version !== null && row.version !== 1) throw new AppError('resource.stale');
      await change(trx, set, row, campaign);
    });
  }

  /** The school may change it: a draft or returned assessment, the campaign open, not past the deadline. */
  #assertEditable(campaign: repo.CampaignRow, row: repo.AssessmentRow): void {
    if (row.state !== 'draft' && row.state !== 'returned') throw new AppError('dx.invalid_state');
    const today = todayInVietnam();
    if (campaign.published_at || today < campaign.opens_on) throw new AppError('dx.invalid_state');
    if (today > deadlineOf(campaign, row.reopened_until)) throw new AppError('dx.deadline_passed');
  }

  /** The evaluator may act: a submitted assessment of an unpublished campaign. */
  #assertEvaluable(campaign: repo.CampaignRow, row: repo.AssessmentRow): void {
    if (campaign.published_at || row.state !== 'submitted') throw new AppError('dx.invalid_state');
  }

  /** Recomputes totals and levels from the answers and stores them with `extra`. */
  async #rescore(trx: Trx, set: LoadedSet, id: string, extra: repo.AssessmentPatch) {
    const s = scoresOf(set, await repo.listAnswers(trx, id));
    await repo.updateAssessment(trx, id, {
      ...extra,
      self_teaching: s.self.teaching.total,
      self_governance: s.self.governance.total,
      final_teaching: s.final.teaching.total,
      final_governance: s.final.governance.total,
      level_teaching: s.final.teaching.level,
      level_governance: s.final.governance.level,
      answered: s.answered,
    });
    return { teaching: s.final.teaching, governance: s.final.governance };
  }
}

/** The later of two calendar days (yyyy-mm-dd). */
function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}
