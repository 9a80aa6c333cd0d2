import type { ColumnType, Generated } from 'kysely';

/** Kysely types of 0010_admission_results.sql (published results, confirmation, supplementary rounds). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateStr = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface AdmissionResultPublicationsTable {
  round_id: string;
  run_id: string;
  published_at: Generated<Date>;
  published_by: string | null;
  released_at: Timestamp | null;
  released_by: string | null;
}

export type ResultOutcome = 'admitted' | 'not_admitted' | 'not_considered';
export type ResultConfirmation = 'pending' | 'confirmed' | 'released' | 'not_applicable';

export interface AdmissionResultsTable {
  id: Generated<string>;
  round_id: string;
  dossier_id: string;
  dossier_code: string;
  applicant_key: string;
  date_of_birth: DateStr;
  outcome: ResultOutcome;
  school_id: string | null;
  wish: number | null;
  reason: string;
  explanation_vi: string;
  explanation_en: string;
  confirmation: ResultConfirmation;
  confirmed_at: Timestamp | null;
  confirmed_by: string | null;
  confirmed_channel: 'online' | 'in_person' | null;
  released_at: Timestamp | null;
  version: Generated<number>;
}

export interface AdmissionSupplementaryRoundsTable {
  round_id: string;
  parent_round_id: string;
  seats: Json;
  created_at: Generated<Date>;
  created_by: string | null;
}
