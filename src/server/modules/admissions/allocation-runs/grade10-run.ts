import type { Executor } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import {
  AllocationInputError,
  allocateGrade10,
  type Grade10ApplicantResult,
  type Grade10Result,
} from '../allocation/index.ts';
import { rulesOf } from '../rounds/round.presenter.ts';
import type { RoundRow } from '../rounds/round.repository.ts';
import { findRoundSchools } from '../rounds/round-schools.repository.ts';
import { buildGrade10Inputs, type Grade10Inputs, hashGrade10Round } from './grade10-inputs.ts';
import {
  explainGrade10,
  type Grade10RunSummary,
  grade10Reason,
  type StoredGrade10,
  storeExcluded,
  summariseGrade10,
} from './grade10-results.ts';
import * as repo from './grade10-run.repository.ts';

/**
 * Grade-10 allocation runs on the database (issue 3, item 4): read the round's applications with
 * their exam scores, allocate with the pure library, write results and cut-offs. Used by
 * AllocationRunService, which holds the access checks, the hash check and the transaction.
 */

export interface Grade10ResultLine {
  dossierId: string;
  dossierCode: string;
  childName: string;
  schoolId: string | null;
  /** admitted | not_admitted | absent | disqualified */
  reason: string;
  stage: 'specialised' | 'ordinary' | null;
  /** The admitting wish in its stage's list: 1 = NV1 (or NV chuyên 1). */
  wishNumber: number | null;
  /** Σ mark × coefficient + priority + bonus, in points; null when absent or disqualified. */
  total: number | null;
  explanation: { vi: string; en: string };
}

export interface Grade10Cutoff {
  schoolId: string;
  schoolName: string;
  stage: 'specialised' | 'ordinary';
  seats: number;
  admitted: number;
  /** Điểm chuẩn in points; null when the school admitted everyone who asked, with seats to spare. */
  cutoff: number | null;
  overCapacity: number;
  tieExcluded: number;
  emptySeats: number;
}

const missingScores = (codes: readonly string[]) =>
  new AppError('admissions.scores_missing', {
    hint: { vi: `${codes.length} hồ sơ.`, en: `${codes.length} applications.` },
    details: codes.slice(0, 50).map((c) => ({ path: `scores.${c}`, message: 'chưa có điểm thi / no exam scores' })),
  });

/** The round's inputs (applications with scores, schools, rules) and their hash. */
export async function readGrade10(db: Executor, round: RoundRow): Promise<{ inputs: Grade10Inputs; hash: string }> {
  const rules = rulesOf(round);
  if (rules.method !== 'exam') throw new Error(`round ${round.id}: grade 10 without exam rules`);
  const [schools, applications] = await Promise.all([
    findRoundSchools(db, [round.id]),
    repo.findGrade10Applications(db, round.id),
  ]);
  const inputs = buildGrade10Inputs({ rules, schools, applications });
  return { inputs, hash: hashGrade10Round(inputs) };
}

/**
 * Allocates. Refuses (422 admissions.scores_missing, listing up to 50 dossier codes) while any
 * application taking part has no score record: a missing record is a gap in the data, not an
 * absence, which staff record explicitly (Vắng thi).
 */
export function allocateRound(inputs: Grade10Inputs): Grade10Result {
  if (inputs.missing.length) throw missingScores(inputs.missing);
  try {
    return allocateGrade10(inputs.input);
  } catch (err) {
    if (!(err instanceof AllocationInputError)) throw err;
    throw new AppError('request.invalid', {
      hint: { vi: `Dữ liệu xét tuyển không hợp lệ: ${err.message}.`, en: `Invalid allocation inputs: ${err.message}.` },
    });
  }
}

/** Writes every applicant's result (excluded candidates included) and every school's cut-off. */
export async function writeGrade10(
  db: Executor,
  runId: string,
  inputs: Grade10Inputs,
  result: Grade10Result,
): Promise<void> {
  const rows: repo.Grade10ResultRow[] = result.applicants.map((a) => ({
    dossierId: inputs.dossiers.get(a.applicantId)!,
    schoolId: a.schoolId,
    reason: a.schoolId === null ? 'not_admitted' : 'admitted',
    explanation: JSON.stringify(a),
    stage: a.stage,
    wishNo: a.wishIndex === null ? null : a.wishIndex + 1,
    total: a.total,
  }));
  for (const x of inputs.excluded)
    rows.push({
      dossierId: inputs.dossiers.get(x.id)!,
      schoolId: null,
      reason: x.reason,
      explanation: JSON.stringify(storeExcluded(x.id, x.reason)),
      stage: null,
      wishNo: null,
      total: null,
    });
  await repo.insertGrade10Results(db, runId, rows);
  await repo.insertCutoffs(db, runId, result.schools);
}

/** The results of a stored run, explained per wish in Vietnamese and English, and its cut-offs. */
export async function loadGrade10Run(
  db: Executor,
  runId: string,
): Promise<{ results: Grade10ResultLine[]; cutoffs: Grade10Cutoff[] }> {
  const [rows, cutoffRows] = await Promise.all([repo.findGrade10Results(db, runId), repo.findCutoffs(db, runId)]);
  const results = rows.map((r) => {
    const stored = r.explanation as StoredGrade10;
    return {
      dossierId: r.dossier_id,
      dossierCode: r.dossier_code,
      childName: r.child_name,
      schoolId: r.school_id,
      reason: grade10Reason(r.school_id, stored),
      stage: r.stage,
      wishNumber: r.wish_no,
      total: r.total_hundredths === null ? null : r.total_hundredths / 100,
      explanation: { vi: explainGrade10(stored, 'vi'), en: explainGrade10(stored, 'en') },
    };
  });
  const cutoffs = cutoffRows.map((c) => ({
    schoolId: c.school_id,
    schoolName: c.name,
    stage: c.stage,
    seats: c.seats,
    admitted: c.admitted,
    cutoff: c.cutoff_hundredths === null ? null : c.cutoff_hundredths / 100,
    overCapacity: c.over_capacity,
    tieExcluded: c.tie_excluded,
    emptySeats: c.empty_seats,
  }));
  return { results, cutoffs };
}

/** A stored run as the library's result (for diffResults); applicants by dossier code. */
export async function storedGrade10Result(
  db: Executor,
  runId: string,
  summary: Grade10RunSummary,
): Promise<Grade10Result> {
  const rows = await repo.findGrade10Results(db, runId);
  const applicants: Grade10ApplicantResult[] = rows.map((r) => r.explanation as StoredGrade10);
  const schools = summary.schools.map((s) => ({ ...s, cutoff: s.cutoff === null ? null : Math.round(s.cutoff * 100) }));
  return { applicants, schools };
}

export { summariseGrade10 };
