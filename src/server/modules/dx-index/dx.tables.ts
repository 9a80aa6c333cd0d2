import type { ColumnType, Generated } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { DateStr, Timestamp } from '../../platform/db/types.ts';

/** Kysely types of the tables of 0035_dx_index.sql (kept in the module while it is new). */

/** numeric columns come back from pg as strings; written as numbers. */
type Numeric = ColumnType<string, number | string, number | string>;
type NumericOrNull = ColumnType<string | null, number | string | null, number | string | null>;

export interface DxCriteriaSetsTable {
  id: Generated<string>;
  code: string;
  title: string;
  decision: string;
  target: 'school' | 'authority';
  mandatory_rule: 'cap_level_1' | 'none';
  definition: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

export interface DxCampaignsTable {
  id: Generated<string>;
  year: number;
  criteria_set_id: string;
  opens_on: DateStr;
  submit_by: DateStr;
  evaluate_by: DateStr;
  published_at: Timestamp | null;
  published_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type DxStateColumn = 'draft' | 'submitted' | 'returned' | 'recognised';

export interface DxAssessmentsTable {
  id: Generated<string>;
  campaign_id: string;
  school_id: string;
  state: ColumnType<DxStateColumn, DxStateColumn | undefined, DxStateColumn>;
  reopened_until: DateStr | null;
  self_teaching: Numeric;
  self_governance: Numeric;
  final_teaching: Numeric;
  final_governance: Numeric;
  level_teaching: number;
  level_governance: number;
  answered: number;
  return_reason: string | null;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  evaluated_at: Timestamp | null;
  evaluated_by: string | null;
  recognised_at: Timestamp | null;
  recognised_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DxAnswersTable {
  assessment_id: string;
  criterion_code: string;
  self_option: string | null;
  self_points: NumericOrNull;
  evidence_text: string | null;
  evidence_links: ColumnType<string[], string[] | undefined, string[]>;
  eval_option: string | null;
  eval_points: NumericOrNull;
  eval_comment: string | null;
  evidence_request: string | null;
  updated_at: Timestamp;
}

export interface DxEvidenceFilesTable {
  id: Generated<string>;
  assessment_id: string;
  criterion_code: string;
  stored_file_id: string;
  filename: string;
  added_by: string | null;
  added_at: Timestamp;
  removed_at: Timestamp | null;
}

export interface DxRemindersTable {
  campaign_id: string;
  school_id: string;
  day: DateStr;
  recipients: number;
}

type Tables = {
  dx_criteria_sets: DxCriteriaSetsTable;
  dx_campaigns: DxCampaignsTable;
  dx_assessments: DxAssessmentsTable;
  dx_answers: DxAnswersTable;
  dx_evidence_files: DxEvidenceFilesTable;
  dx_reminders: DxRemindersTable;
};

export const dt = (db: Executor) => db.withTables<Tables>();
