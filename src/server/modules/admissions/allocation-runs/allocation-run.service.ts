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
import { groupsOf, levelOf, rulesOf } from '../rounds/round.presenter.ts';
import { findRound, lockRound, type RoundRow } from '../rounds/round.repository.ts';
import { findRoundSchools } from '../rounds/round-schools.repository.ts';
import { buildCatchmentInput } from './allocation-inputs.ts';
import * as repo from './allocation-run.repository.ts';
import { type RunSummary, storedCatchmentResult, summariseCatchment } from './allocation-summary.ts';
import type { Grade10RunSummary } from './grade10-results.ts';
import {
  allocateRound,
  type Grade10Cutoff,
  type Grade10ResultLine,
  loadGrade10Run,
  readGrade10,
  storedGrade10Result,
  summariseGrade10,
  writeGrade10,
} from './grade10-run.ts';

export type RunKind = 'practice' | 'final';

export interface PreparedRound {
  roundId: string;
  level: number;
  status: string;
  applicants: number;
  schools: number;
  seedPublished: boolean;
  /** SHA-256 of the inputs (hashCatchmentInputs; grade 10: hashGrade10Round): shown before a run, sent back with it. */
  inputsSha256: string;
  /** Grade 10: applications without exam scores (a run is refused while any remain), first 100 codes. */
  missingScores?: { count: number; dossierCodes: string[] };
  /** Grade 10: candidates absent from the exam or disqualified, who take no part. */
  excluded?: { absent: number; disqualified: number };
}

/** Phases of a run, for the end-to-end benchmark: reading, allocating, writing (milliseconds). */
export type RunObserver = (phase: 'read' | 'allocate' | 'write', ms: number) => void;

export interface RunView {
  id: string;
  roundId: string;
  kind: RunKind;
  inputsSha256: string;
  createdBy: string | null;
  createdAt: string;
  status: string;
  summary: RunSummary | Grade10RunSummary;
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
  summary: r.summary as RunSummary | Grade10RunSummary,
});

const isGrade10 = (s: RunSummary | Grade10RunSummary): s is Grade10RunSummary => s.level === 10;

/** Allocation may be tried once registration has closed, and until the results are published. */
function requireAllocatable(round: RoundRow): void {
  if (!ALLOCATABLE.includes(round.status))
    throw unprocessable(
      `Chỉ xét tuyển khi kỳ tuyển sinh ở trạng thái closed_for_review hoặc allocating (hiện: ${round.status}).`,
      `Allocation runs only in closed_for_review or allocating (now: ${round.status}).`,
    );
}

/**
 * Allocation runs of a round (issue 3, item 4): `prepare` shows the SHA-256 of the inputs without
 * running; `run` refuses when the inputs changed since (resource.stale), runs the pure library and
 * stores every result in one transaction; `diff` compares two runs. Everything needs
 * `admissions.allocate` on the round's running unit. Grades 1 and 6 by catchment and lottery;
 * grade 10 by exam scores (grade10-run.ts).
 */
export class AllocationRunService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  /**
   * The draw for anyone to re-run (issue 3: "a lottery whose seed is published before the draw
   * and which anyone can re-run"): once the round is being allocated, its seed and the exact
   * inputs (schools and seats; applicants by dossier code with their wishes, catchment flags
   * and priority rank: no names, no personal data) with their SHA-256, which the results name.
   * Before that, 404: the list is final only when every application is decided.
   */
  async publicLottery(roundId: string) {
    const round = await findRound(this.#p.db, roundId);
    if (
      !round ||
      levelOf(round) === 10 ||
      !lotteryOf(round) ||
      !round.lottery_seed_published_at ||
      !['allocating', 'published', 'closed'].includes(round.status)
    )
      throw new AppError('resource.not_found');
    const { input } = await this.#inputs(this.#p.db, round, { allowPublished: true });
    return {
      roundId,
      roundName: round.name,
      seed: round.lottery_seed as string,
      seedPublishedAt: round.lottery_seed_published_at.toISOString(),
      inputsSha256: hashCatchmentInputs(input),
      input,
      howToCheck: {
        vi: 'Số bốc thăm của mỗi hồ sơ = 6 byte đầu của HMAC-SHA256(khóa = mã bốc thăm, thông điệp = mã hồ sơ), đọc như số nguyên không dấu big-endian; trong mỗi nhóm ưu tiên, số nhỏ hơn được xét trước. Python: int.from_bytes(hmac.new(seed.encode(), code.encode(), hashlib.sha256).digest()[:6], "big").',
        en: "Each dossier's lottery number = the first 6 bytes of HMAC-SHA256(key = the seed, message = the dossier code), read as a big-endian unsigned integer; within a priority group, smaller numbers come first. Python: int.from_bytes(hmac.new(seed.encode(), code.encode(), hashlib.sha256).digest()[:6], 'big').",
      },
    };
  }

  /** The round, after checking the permission on its running unit (404 for an unknown round). */
  async #authorise(db: Executor, actor: Actor, roundId: string): Promise<RoundRow> {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const round = found(await findRound(db, roundId));
    await this.#p.access.require(actor, 'admissions.allocate', { unitId: round.running_unit_id });
    return round;
  }

  /** Reads the round's schools, catchments and counted applications into the library input. */
  async #inputs(
    db: Executor,
    round: RoundRow,
    opts: { allowPublished?: boolean } = {},
  ): Promise<{ input: CatchmentInput; dossiers: Map<string, string> }> {
    if (!opts.allowPublished) requireAllocatable(round);
    const [schools, catchments, applications] = await Promise.all([
      findRoundSchools(db, [round.id]),
      repo.findCatchmentKeys(db, round.id),
      repo.findCountedApplications(db, round.id),
    ]);
    const priorityRanks = new Map(groupsOf(round).flatMap((g) => (g.rank === null ? [] : [[g.code, g.rank] as const])));
    const input = buildCatchmentInput({
      // No lottery in the rules: the seats left go in order of receipt (seed null).
      seed: lotteryOf(round) ? (round.lottery_seed ?? '') : null,
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
    if (levelOf(round) === 10) {
      requireAllocatable(round);
      const { inputs, hash } = await readGrade10(db, round);
      const absent = inputs.excluded.filter((x) => x.reason === 'absent').length;
      return {
        roundId,
        level: round.level,
        status: round.status,
        applicants: inputs.input.applicants.length + inputs.excluded.length + inputs.missing.length,
        schools: inputs.input.schools.length,
        seedPublished: false,
        inputsSha256: hash,
        missingScores: { count: inputs.missing.length, dossierCodes: inputs.missing.slice(0, 100) },
        excluded: { absent, disqualified: inputs.excluded.length - absent },
      };
    }
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
  async run(
    actor: Actor,
    roundId: string,
    body: { kind: RunKind; expectedInputsHash: string },
    observe?: RunObserver,
  ): Promise<RunView> {
    const runId = await this.#p.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const round = await this.#authorise(trx, actor, roundId);
        found(await lockRound(trx, roundId));
        if (levelOf(round) === 10) return this.#runGrade10(trx, actor, round, body, observe);
        if (lotteryOf(round) && !round.lottery_seed_published_at)
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
        const run = await this.#insertRun(trx, actor, roundId, body.kind, hash, summary);
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

  /** The grade-10 run inside run()'s transaction: read, check the hash, allocate, write, audit. */
  async #runGrade10(
    trx: Executor,
    actor: Actor,
    round: RoundRow,
    body: { kind: RunKind; expectedInputsHash: string },
    observe?: RunObserver,
  ): Promise<string> {
    requireAllocatable(round);
    let t = performance.now();
    const lap = (phase: 'read' | 'allocate' | 'write') => {
      const now = performance.now();
      observe?.(phase, now - t);
      t = now;
    };
    const { inputs, hash } = await readGrade10(trx, round);
    if (hash !== body.expectedInputsHash)
      throw new AppError('resource.stale', {
        details: [{ path: 'body.expectedInputsHash', message: `${body.expectedInputsHash} ≠ ${hash}` }],
      });
    if (body.kind === 'final' && (await repo.findFinalRun(trx, round.id))) throw finalExists();
    lap('read');
    const result = allocateRound(inputs);
    const summary = summariseGrade10(inputs, result);
    lap('allocate');
    const run = await this.#insertRun(trx, actor, round.id, body.kind, hash, summary);
    await writeGrade10(trx, run.id, inputs, result);
    await this.#p.audit.record(trx, actor, {
      action: 'admissions.allocation.run',
      entityType: 'admission_allocation_run',
      entityId: run.id,
      unitId: round.running_unit_id,
      before: null,
      after: {
        roundId: round.id,
        kind: body.kind,
        inputsSha256: hash,
        placed: summary.placed,
        unplaced: summary.unplaced,
      },
    });
    lap('write');
    return run.id;
  }

  #insertRun(trx: Executor, actor: Actor, roundId: string, kind: RunKind, hash: string, summary: unknown) {
    return repo
      .insertRun(trx, { roundId, kind, inputsSha256: hash, createdBy: actorLabel(actor).id, summary })
      .catch((err: unknown) => {
        // A concurrent final run committed after our snapshot (admission_allocation_runs_one_final).
        if ((err as { code?: string }).code === '23505') throw finalExists();
        throw err;
      });
  }

  async list(actor: Actor, roundId: string): Promise<RunView[]> {
    await this.#authorise(this.#p.db, actor, roundId);
    return (await repo.findRuns(this.#p.db, roundId)).map(presentRun);
  }

  /** A run with each applicant's result explained in Vietnamese and English. */
  async get(
    actor: Actor,
    roundId: string,
    runId: string,
  ): Promise<
    | { run: RunView; results: RunResultLine[] }
    | { run: RunView; results: Grade10ResultLine[]; cutoffs: Grade10Cutoff[] }
  > {
    await this.#authorise(this.#p.db, actor, roundId);
    const run = presentRun(found(await repo.findRun(this.#p.db, roundId, runId)));
    if (isGrade10(run.summary)) return { run, ...(await loadGrade10Run(this.#p.db, runId)) };
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
      if (isGrade10(run.summary)) return storedGrade10Result(this.#p.db, id, run.summary);
      const rows = await repo.findResults(this.#p.db, id);
      return storedCatchmentResult(
        run.summary,
        rows.map((r) => r.explanation as CatchmentApplicantResult),
      );
    };
    const [ra, rb] = await Promise.all([load(a), load(b)]);
    if ('seed' in ra && 'seed' in rb) return diffResults(ra, rb);
    if (!('seed' in ra) && !('seed' in rb)) return diffResults(ra, rb);
    throw unprocessable('Hai lần xét tuyển khác loại.', 'The two runs are of different kinds.');
  }
}

/** Whether a grade-1/6 round draws lots for the seats its catchment children leave. */
function lotteryOf(round: RoundRow): boolean {
  const rules = rulesOf(round);
  return rules.method === 'catchment' && rules.lotteryForOutOfCatchment;
}
