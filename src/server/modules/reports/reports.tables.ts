import type { Generated } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { DateStr, Timestamp } from '../../platform/db/types.ts';

/** Kysely types of the tables of 0033_reports.sql (kept in the module while it is new). */

export interface ReportFormsTable {
  id: Generated<string>;
  code: string;
  title: string;
  description: string | null;
  kind: 'report' | 'survey';
  owner_unit_id: string;
  period_type: string;
  needs_approval: boolean;
  status: Generated<'draft' | 'published' | 'archived'>;
  opens_days_before_end: number;
  closes_days_after_end: number;
  remind_days_before: number;
  assign_root_id: string | null;
  assign_unit_types: string[];
  assign_school_levels: string[];
  assign_unit_ids: string[];
  sections: unknown;
  rules: unknown;
  copied_from: string | null;
  search_key: Generated<string>;
  published_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

export interface ReportFieldsTable {
  id: Generated<string>;
  form_id: string;
  code: string;
  seq: number;
  label: string;
  help: string | null;
  type: string;
  section: string | null;
  required: boolean;
  min_value: number | string | null;
  max_value: number | string | null;
  min_length: number | null;
  max_length: number | null;
  pattern: string | null;
  options: unknown;
  aggregation: string;
  unit_label: string | null;
}

export interface ReportPeriodsTable {
  id: Generated<string>;
  form_id: string;
  period_key: string;
  starts_on: DateStr;
  ends_on: DateStr;
  opens_on: DateStr;
  closes_on: DateStr;
  materialised_at: Timestamp | null;
  locked_at: Timestamp | null;
  created_at: Timestamp;
}

export interface ReportSubmissionsTable {
  id: Generated<string>;
  period_id: string;
  form_id: string;
  period_key: string;
  unit_id: string;
  approver_unit_id: string | null;
  status: Generated<'not_started' | 'draft' | 'completed' | 'returned' | 'approved'>;
  completed_at: Timestamp | null;
  on_time: boolean | null;
  approved_at: Timestamp | null;
  approved_by: string | null;
  returned_reason: string | null;
  deadline_override: DateStr | null;
  reopen_reason: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface ReportValuesTable {
  submission_id: string;
  field_id: string;
  period_id: string;
  unit_id: string;
  num: number | string | null;
  txt: string | null;
  arr: string[] | null;
  bool: boolean | null;
  day: DateStr | null;
  file_id: string | null;
}

export interface ReportSubmissionEventsTable {
  id: Generated<string>;
  submission_id: string;
  action: 'saved' | 'completed' | 'approved' | 'returned' | 'reopened' | 'locked';
  reason: string | null;
  actor_id: string | null;
  actor_name: string | null;
  at: Timestamp;
}

export interface ReportRemindersTable {
  submission_id: string;
  day: DateStr;
  recipients: number;
}

type Tables = {
  report_forms: ReportFormsTable;
  report_fields: ReportFieldsTable;
  report_periods: ReportPeriodsTable;
  report_submissions: ReportSubmissionsTable;
  report_values: ReportValuesTable;
  report_submission_events: ReportSubmissionEventsTable;
  report_reminders: ReportRemindersTable;
};

/** The handle with the reports tables added (a transaction stays the same transaction). */
export const rt = (db: Executor) => db.withTables<Tables>();
