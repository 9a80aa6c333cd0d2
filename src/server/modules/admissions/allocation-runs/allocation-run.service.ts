import type { Actor } from '../../../platform/actor.ts';
import { actorLabel } from '../../../platform/actor.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { AppError, found } from '../../../platform/errors.ts';
import type { Platform } from '../../../platform/platform.ts';
import {
  allocateCatchment,
  type CatchmentApplicantResult,
  type CatchmentInput,
  diffResults,
  formatCatchmentResult,
  hashCatchmentInputs,
  type ResultDiff,
} from '../allocation/index.ts';
import { groupsOf, levelOf } from '../rounds/round.presenter.ts';
import { findRound, lockRound, type RoundRow } from '../rounds/round.repository.ts';
import { findRoundSchools } from '../rounds/round-schools.repository.ts';
import { buildCatchmentInput } from './allocation-inputs.ts';
import * as repo from './allocation-run.repository.ts';
import { type RunSummary, storedCatchmentResult, summariseCatchment } from './allocation-summary.ts';

export type RunKind = 'practice' | 'final';

export interface PreparedRound {
  roundId: string;
  level: number;
  status: string;
  applicants: number;
  schools: number;
  seedPublished: boolean;
  /** SHA-256 of the inputs (hashCatchmentInputs): shown before a run, sent back with it. */
  inputsSha256: string;
}

export interface RunView {
  id: string;
  roundId: string;
  kind: RunKind;
  inputsSha256: string;
  createdBy: string | null;
  createdAt: string;
  status: string;
  summary: RunSummary;
}

export interface RunResultLine {
  dossierId: string;
  dossierCode: string;
  childName: string;
  schoolId: string | null;
  reason: string;
  lottery: number;
  explanation: { vi: string; en: string };
}

/** Allocation may be tried once registration has closed, and until the results are published. */
const ALLOCATABLE = ['closed_for_review', 'allocating'];

const unprocessable = (vi: string, en: string) => new AppError('request.invalid', { hint: { vi, en } });

const finalExists = () =>
  new AppError('resource.conflict', {
    details: [{ path: 'body.kind', message: 'đã có lần xét tuyển chính thức / a final run exists' }],
  });

const presentRun = (r: repo.RunRow): RunView => ({
  id: r.id,
  roundId: r.round_id,
  kind: r.kind,
  inputsSha256: r.inputs_sha256,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
  status: r.status,
  summary: r.summary as RunSummary,
});

/**
 * Allocation runs of a round (issue 3, item 4): `prepare` shows the SHA-256 of the inputs without
 * running; `run` refuses when the inputs changed since (resource.stale), runs the pure library and
 * stores every result in one transaction; `diff` compares two runs. Everything needs
 * `admissions.allocate` on the round's running unit. Grades 1 and 6 only: grade 10 needs exam
 * scores, which applications do not carry yet.
 */
export class AllocationRunService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  /** The round, after checking the permission on its running unit (404 for an unknown round). */
  async #authorise(db: Executor, actor: Actor, roundId: string): Promise<RoundRow> {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const round = found(await findRound(db, roundId));
    await this.#p.access.require(actor, 'admissions.allocate', { unitId: round.running_unit_id });
    return round;
  }

  /** Reads the round's schools, catchments and counted applications into the library input. */
  async #inputs(db: Executor, round: RoundRow): Promise<{ input: CatchmentInput; dossiers: Map<string, string> }> {
    const level = levelOf(round);
    if (level === 10)
      throw unprocessable(
        'Lớp 10 cần điểm thi, chưa có trong hồ sơ.',
        'Grade 10 needs exam scores, which applications do not carry yet.',
      );
    if (!ALLOCATABLE.includes(round.status))
      throw unprocessable(
        `Chỉ xét tuyển khi kỳ tuyển sinh ở trạng thái closed_for_review hoặc allocating (hiện: ${round.status}).`,
        `Allocation runs only in closed_for_review or allocating (now: ${round.status}).`,
      );
    const [schools, catchments, applications] = await Promise.all([
      findRoundSchools(db, [round.id]),
      repo.findCatchmentKeys(db, round.id),
      repo.findCountedApplications(db, round.id),
    ]);
    const priorityRanks = new Map(groupsOf(round).flatMap((g) => (g.rank === null ? [] : [[g.code, g.rank] as const])));
    const input = buildCatchmentInput({
      seed: round.lottery_seed ?? '',
      schools,
      catchments,
      applications,
      priorityRanks,
    });
    return { input, dossiers: new Map(applications.map((a) => [a.dossier_code, a.dossier_id])) };
  }

  /** The inputs hash of the round as it stands, without running anything. */
  async prepare(actor: Actor, roundId: string): Promise<PreparedRound> {
    const db = this.#p.db;
    const round = await this.#authorise(db, actor, roundId);
    const { input } = await this.#inputs(db, round);
    return {
      roundId,
      level: round.level,
      status: round.status,
      applicants: input.applicants.length,
      schools: input.schools.length,
      seedPublished: round.lottery_seed_published_at !== null,
      inputsSha256: hashCatchmentInputs(input),
    };
  }

  /**
   * Runs the allocation on the inputs whose hash the officer was shown. The round row is locked so
   * runs of one round follow each other; the reads share one snapshot (repeatable read), so the
   * stored results are exactly those of the hashed inputs.
   */
  async run(actor: Actor, roundId: string, body: { kind: RunKind; expectedInputsHash: string }): Promise<RunView> {
    const runId = await this.#p.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const round = await this.#authorise(trx, actor, roundId);
        found(await lockRound(trx, roundId));
        if (!round.lottery_seed_published_at)
          throw unprocessable('Cần công bố mã bốc thăm trước.', 'Publish the lottery seed first.');
        const { input, dossiers } = await this.#inputs(trx, round);
        const hash = hashCatchmentInputs(input);
        if (hash !== body.expectedInputsHash)
          throw new AppError('resource.stale', {
            details: [{ path: 'body.expectedInputsHash', message: `${body.expectedInputsHash} ≠ ${hash}` }],
          });
        if (body.kind === 'final' && (await repo.findFinalRun(trx, roundId))) throw finalExists();
        const result = allocateCatchment(input);
        const level = round.level === 6 ? 6 : 1;
        const summary = summariseCatchment(level, result, new Map(input.schools.map((s) => [s.id, s.name])));
        const run = await repo
          .insertRun(trx, { roundId, kind: body.kind, inputsSha256: hash, createdBy: actorLabel(actor).id, summary })
          .catch((err: unknown) => {
            // A concurrent final run committed after our snapshot (admission_allocation_runs_one_final).
            if ((err as { code?: string }).code === '23505') throw finalExists();
            throw err;
          });
        await repo.insertResults(
          trx,
          result.applicants.map((a) => ({
            run_id: run.id,
            dossier_id: dossiers.get(a.applicantId) as string,
            school_id: a.schoolId,
            reason: a.reason,
            explanation: JSON.stringify(a),
          })),
        );
        await this.#p.audit.record(trx, actor, {
          action: 'admissions.allocation.run',
          entityType: 'admission_allocation_run',
          entityId: run.id,
          unitId: round.running_unit_id,
          before: null,
          after: { roundId, kind: body.kind, inputsSha256: hash, placed: summary.placed, unplaced: summary.unplaced },
        });
        return run.id;
      });
    return presentRun(found(await repo.findRun(this.#p.db, roundId, runId)));
  }

  async list(actor: Actor, roundId: string): Promise<RunView[]> {
    await this.#authorise(this.#p.db, actor, roundId);
    return (await repo.findRuns(this.#p.db, roundId)).map(presentRun);
  }

  /** A run with each applicant's result explained in Vietnamese and English. */
  async get(actor: Actor, roundId: string, runId: string): Promise<{ run: RunView; results: RunResultLine[] }> {
    await this.#authorise(this.#p.db, actor, roundId);
    const run = presentRun(found(await repo.findRun(this.#p.db, roundId, runId)));
    const rows = await repo.findResults(this.#p.db, runId);
    const results = rows.map((r) => {
      const x = r.explanation as CatchmentApplicantResult;
      return {
        dossierId: r.dossier_id,
        dossierCode: r.dossier_code,
        childName: r.child_name,
        schoolId: r.school_id,
        reason: r.reason,
        lottery: x.lottery,
        explanation: { vi: formatCatchmentResult(x, 'vi'), en: formatCatchmentResult(x, 'en') },
      };
    });
    return { run, results };
  }

  /** What changed between run a and run b of the round (diffResults; applicants by dossier code). */
  async diff(actor: Actor, roundId: string, a: string, b: string): Promise<ResultDiff> {
    await this.#authorise(this.#p.db, actor, roundId);
    const load = async (id: string) => {
      const run = presentRun(found(await repo.findRun(this.#p.db, roundId, id)));
      const rows = await repo.findResults(this.#p.db, id);
      return storedCatchmentResult(
        run.summary,
        rows.map((r) => r.explanation as CatchmentApplicantResult),
      );
    };
    const [ra, rb] = await Promise.all([load(a), load(b)]);
    return diffResults(ra, rb);
  }
}
