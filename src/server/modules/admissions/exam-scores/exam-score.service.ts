import { createHash } from 'node:crypto';
import type {
  ExamScore,
  ExamScoreCorrection,
  ExamScoreImportReport,
  ExamScorePage,
} from '../../../../shared/admission-exam-scores.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { actorLabel } from '../../../platform/actor.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { AppError, found } from '../../../platform/errors.ts';
import type { Platform } from '../../../platform/platform.ts';
import { openWorkbook } from '../../org/org-import.service.ts';
import { fold } from '../../org/org-xlsx.ts';
import { findFinalRun, LIVE_STATES } from '../allocation-runs/allocation-run.repository.ts';
import { groupsOf, levelOf, rulesOf } from '../rounds/round.presenter.ts';
import { findRound, lockRound, type RoundRow } from '../rounds/round.repository.ts';
import * as repo from './exam-score.repository.ts';
import { planScoreRows, type StoredScore, sameScore } from './exam-score-import-plan.ts';
import { type ScoreRules, scoreProblems, scoreRulesOf, totalHundredths } from './exam-score-rules.ts';
import { buildTemplate, readScoreRows, SCORE_SHEET, scoreColumns } from './exam-score-xlsx.ts';

const MAX_ROWS = 50_000;

const invalid = (vi: string, en: string) => new AppError('request.invalid', { hint: { vi, en } });
const invalidFile = (vi: string, en: string) => new AppError('file.invalid', { hint: { vi, en } });

function present(
  r: { dossier_id: string; dossier_code: string; child_name: string },
  s: StoredScore | null,
  rules: ScoreRules,
  updatedAt: Date | string | null,
): ExamScore {
  const total = s ? totalHundredths(s, rules) : null;
  return {
    dossierId: r.dossier_id,
    dossierCode: r.dossier_code,
    childName: r.child_name,
    registrationNo: s?.registrationNo ?? null,
    marks: s ? { ...s.marks } : {},
    priorityPoints: s?.priorityPoints ?? 0,
    bonusPoints: s?.bonusPoints ?? 0,
    absent: s?.absent ?? false,
    disqualified: s?.disqualified ?? false,
    total: total === null ? null : total / 100,
    version: s?.version ?? null,
    updatedAt: updatedAt === null ? null : new Date(updatedAt).toISOString(),
  };
}

/**
 * Grade-10 exam scores of a round (issue 3, item 4): list, template, .xlsx import (all or nothing,
 * row errors in both languages), single-record correction with a reason. Everything needs
 * `admissions.allocate` on the unit running the round (the Sở). Once the round has a final
 * allocation run the scores are frozen: writes are refused with 409 admissions.scores_frozen.
 */
export class ExamScoreService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  /** The round and its score rules, after the permission check (404 unknown, 400 not grade 10). */
  async #authorise(db: Executor, actor: Actor, roundId: string): Promise<{ round: RoundRow; rules: ScoreRules }> {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const round = found(await findRound(db, roundId));
    await this.#p.access.require(actor, 'admissions.allocate', { unitId: round.running_unit_id });
    const rules = levelOf(round) === 10 ? scoreRulesOf(rulesOf(round), groupsOf(round)) : null;
    if (!rules)
      throw invalid(
        'Chỉ kỳ tuyển sinh lớp 10 theo điểm thi mới có điểm thi.',
        'Only grade-10 rounds admitting by exam have exam scores.',
      );
    return { round, rules };
  }

  /** Locks the round (serialising with allocation runs) and refuses once a final run exists. */
  async #requireOpen(trx: Executor, roundId: string): Promise<void> {
    found(await lockRound(trx, roundId));
    if (await findFinalRun(trx, roundId)) throw new AppError('admissions.scores_frozen');
  }

  async list(
    actor: Actor,
    roundId: string,
    q: { q?: string | undefined; missing: boolean; page: number; pageSize: number },
  ): Promise<ExamScorePage> {
    const db = this.#p.db;
    const { round, rules } = await this.#authorise(db, actor, roundId);
    const [page, missing] = await Promise.all([
      repo.listScores(db, roundId, { ...q, q: q.q?.replace(/[%_\\]/g, ' ') }),
      repo.countMissing(db, roundId),
    ]);
    const items = page.items.map((r) =>
      present(
        r,
        // Left join: a recorded score has every column; registration_no null means none recorded.
        r.registration_no === null ? null : repo.storedOf(r as repo.ScoreRow),
        rules,
        r.updated_at,
      ),
    );
    // Children's marks are personal data (Decree 13/2023/NĐ-CP): the access is logged.
    if (items.length)
      await this.#p.audit.record(db, actor, {
        action: 'admissions.exam_scores.view',
        entityType: 'admission_round',
        entityId: roundId,
        unitId: round.running_unit_id,
        after: { dossierIds: items.map((i) => i.dossierId) },
      });
    return { items, total: page.total, page: q.page, pageSize: q.pageSize, missing };
  }

  /** The template workbook: the round's columns, one line per application taking part. */
  async template(actor: Actor, roundId: string): Promise<{ name: string; asciiName: string; body: Buffer }> {
    const db = this.#p.db;
    const { round, rules } = await this.#authorise(db, actor, roundId);
    const [apps, scores] = await Promise.all([repo.findRoundApplications(db, roundId), repo.findScores(db, roundId)]);
    const byDossier = new Map(scores.map((s) => [s.dossierId, s]));
    const lines = apps.map((a) => {
      const s = byDossier.get(a.dossier_id);
      return {
        dossierCode: a.dossier_code,
        childName: a.child_name,
        registrationNo: s?.registrationNo ?? null,
        marks: s ? { ...s.marks } : {},
        priorityPoints: s?.priorityPoints ?? 0,
        bonusPoints: s?.bonusPoints ?? 0,
        absent: s?.absent ?? false,
        disqualified: s?.disqualified ?? false,
      };
    });
    await this.#p.audit.record(db, actor, {
      action: 'admissions.exam_scores.export',
      entityType: 'admission_round',
      entityId: roundId,
      unitId: round.running_unit_id,
      after: { lines: lines.length },
    });
    const body = await buildTemplate(rules, lines);
    return { name: `Điểm thi ${round.code}.xlsx`, asciiName: `diem-thi-${round.code}.xlsx`, body };
  }

  /**
   * Imports a score workbook (the template's format): all or nothing. Rows with errors are
   * reported (row, column, message vi / en) and nothing is written; otherwise new records are
   * created and changed ones replaced, in one transaction with one audit entry (counts and the
   * file's SHA-256). `dryRun` reports without writing.
   */
  async import(actor: Actor, roundId: string, file: Buffer, opts: { dryRun: boolean }): Promise<ExamScoreImportReport> {
    const { round, rules } = await this.#authorise(this.#p.db, actor, roundId);
    const wb = await openWorkbook(file);
    const ws = wb.worksheets.find((w) => fold(w.name) === fold(SCORE_SHEET)) ?? wb.worksheets[0];
    if (!ws) throw invalidFile('Tệp không có trang tính nào.', 'The workbook has no sheet.');
    if (ws.actualRowCount > MAX_ROWS + 1) throw invalidFile(`Tối đa ${MAX_ROWS} dòng.`, `At most ${MAX_ROWS} rows.`);
    const columns = scoreColumns(rules);
    const { rows, present: cols } = readScoreRows(ws, columns);
    const absent = [
      ...(cols.has('dossierCode') || cols.has('registrationNo') ? [] : ['Mã hồ sơ / Số báo danh']),
      ...rules.subjects.filter((s) => !cols.has(`m:${s.code}`)).map((s) => s.name),
    ];
    if (absent.length) {
      const list = absent.join(', ');
      throw invalidFile(`Thiếu cột: ${list}.`, `Missing columns: ${list}.`);
    }

    return this.#p.db.transaction().execute(async (trx) => {
      await this.#requireOpen(trx, roundId);
      const [apps, scores] = await Promise.all([
        repo.findRoundApplications(trx, roundId),
        repo.findScores(trx, roundId),
      ]);
      const plan = planScoreRows(rows, cols, rules, {
        applications: new Map(apps.map((a) => [a.dossier_code, { dossierId: a.dossier_id }])),
        scores: new Map(scores.map((s) => [s.dossierId, s])),
      });
      const count = (k: 'create' | 'update' | 'unchanged') => plan.planned.filter((p) => p.kind === k).length;
      const report = {
        created: count('create'),
        updated: count('update'),
        unchanged: count('unchanged'),
        errors: plan.errors,
      };
      if (plan.errors.length || opts.dryRun || report.created + report.updated === 0) return report;
      const changed = plan.planned.filter((p) => p.kind !== 'unchanged');
      await repo.upsertScores(trx, roundId, changed, actorLabel(actor).id);
      await this.#p.audit.record(trx, actor, {
        action: 'admissions.exam_scores.import',
        entityType: 'admission_round',
        entityId: roundId,
        unitId: round.running_unit_id,
        before: null,
        after: {
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          fileSha256: createHash('sha256').update(file).digest('hex'),
        },
      });
      return report;
    });
  }

  /**
   * Sets or corrects one application's scores, with a reason; audited with the record before and
   * after. `expectedVersion` (the version read) guards against a concurrent change.
   */
  async correct(actor: Actor, roundId: string, dossierId: string, body: ExamScoreCorrection): Promise<ExamScore> {
    const { round, rules } = await this.#authorise(this.#p.db, actor, roundId);
    const values = {
      marks: body.marks,
      priorityPoints: body.priorityPoints,
      bonusPoints: body.bonusPoints,
      absent: body.absent,
      disqualified: body.disqualified,
    };
    const problems = scoreProblems(values, rules);
    if (problems.length)
      throw new AppError('request.invalid', {
        details: problems.map((p) => ({ path: `body.${p.field}`, message: p.message })),
      });
    return this.#p.db.transaction().execute(async (trx) => {
      await this.#requireOpen(trx, roundId);
      const app = found(await repo.findApplication(trx, roundId, dossierId));
      if (!(LIVE_STATES as readonly string[]).includes(app.state))
        throw invalid(
          'Hồ sơ đã rút hoặc bị từ chối, không nhận điểm.',
          'The application was withdrawn or rejected; it takes no scores.',
        );
      const row = await repo.findScore(trx, roundId, dossierId);
      const before = row ? repo.storedOf(row) : null;
      if ((before?.version ?? undefined) !== body.expectedVersion)
        throw new AppError('resource.stale', {
          details: [
            { path: 'body.expectedVersion', message: `${body.expectedVersion ?? '—'} ≠ ${before?.version ?? '—'}` },
          ],
        });
      const taken = await repo.findByRegistrationNo(trx, roundId, body.registrationNo);
      if (taken && taken.dossier_id !== dossierId)
        throw new AppError('resource.conflict', {
          details: [
            {
              path: 'body.registrationNo',
              message: 'số báo danh đã dùng cho hồ sơ khác / registration number used by another application',
            },
          ],
        });
      if (before && sameScore(before, body.registrationNo, values)) return present(app, before, rules, row!.updated_at);
      await repo.upsertScores(
        trx,
        roundId,
        [{ dossierId, registrationNo: body.registrationNo, ...values }],
        actorLabel(actor).id,
      );
      const after = repo.storedOf(found(await repo.findScore(trx, roundId, dossierId)));
      await this.#p.audit.record(trx, actor, {
        action: 'admissions.exam_score.correct',
        entityType: 'dossier',
        entityId: dossierId,
        unitId: round.running_unit_id,
        before,
        after: { ...after, reason: body.reason },
      });
      return present(app, after, rules, new Date());
    });
  }
}
