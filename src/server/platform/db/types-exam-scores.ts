import type { Generated } from 'kysely';
import type { Json, Timestamp } from './types.ts';

/** Tables of 0009_admission_exam_scores.sql (grade-10 exam scores and allocation cut-offs). */

export interface AdmissionExamScoresTable {
  dossier_id: string;
  round_id: string;
  registration_no: string;
  /** { subject code: mark } */
  marks: Json;
  /** numeric(4,2): read as a string ('1.50'), written as a number. */
  priority_points: string | number;
  bonus_points: string | number;
  absent: boolean;
  disqualified: boolean;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface AdmissionAllocationCutoffsTable {
  run_id: string;
  school_id: string;
  stage: 'specialised' | 'ordinary';
  seats: number;
  admitted: number;
  cutoff_hundredths: number | null;
  rejected: number;
  over_capacity: number;
  tie_excluded: number;
  empty_seats: number;
}
