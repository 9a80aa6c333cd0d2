import type { Generated } from 'kysely';
import type { PlanStatus, TaskStatus } from '../../../shared/plans.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { DateStr, Timestamp } from '../../platform/db/types.ts';

/** Kysely types of the tables of 0029_plans.sql (kept in the module while it is new). */

export interface PlanFundingSourcesTable {
  code: string;
  short_label: string;
  name_vi: string;
  name_en: string;
  position: Generated<number>;
}

export interface PlansTable {
  id: Generated<string>;
  number: string | null;
  issued_on: DateStr | null;
  issuing_unit_id: string;
  issuing_unit_name: string;
  title: string;
  year_from: number;
  year_to: number;
  status: Generated<PlanStatus>;
  legal_bases: Generated<unknown>;
  summary: string | null;
  search_key: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

export interface PlanSectionsTable {
  id: Generated<string>;
  plan_id: string;
  parent_id: string | null;
  code: string;
  title: string;
  position: Generated<number>;
}

export interface PlanTasksTable {
  id: Generated<string>;
  plan_id: string;
  section_id: string | null;
  parent_id: string | null;
  code: string;
  position: Generated<number>;
  content: string;
  description: string | null;
  lead_unit_id: string | null;
  lead_name: string;
  start_on: DateStr | null;
  end_on: DateStr | null;
  period_text: string | null;
  outputs: string | null;
  counted: Generated<boolean>;
  budget_note: string | null;
  status: Generated<TaskStatus>;
  progress: Generated<number>;
  last_report_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanTaskCoordinatorsTable {
  task_id: string;
  position: number;
  unit_id: string | null;
  name: string;
}

export interface PlanTaskBudgetsTable {
  task_id: string;
  year: number;
  source_code: string;
  amount: string | number;
}

export interface PlanTaskReportsTable {
  id: Generated<string>;
  task_id: string;
  unit_id: string | null;
  unit_name: string;
  status: TaskStatus;
  progress: number;
  note: string;
  reported_by: string | null;
  reporter_name: string | null;
  reported_at: Timestamp;
}

export interface PlanTaskReportFilesTable {
  report_id: string;
  stored_file_id: string;
  position: number;
}

export interface PlanTaskRemindersTable {
  task_id: string;
  day: DateStr;
  recipients: Generated<number>;
  created_at: Timestamp;
}

type Tables = {
  plan_funding_sources: PlanFundingSourcesTable;
  plans: PlansTable;
  plan_sections: PlanSectionsTable;
  plan_tasks: PlanTasksTable;
  plan_task_coordinators: PlanTaskCoordinatorsTable;
  plan_task_budgets: PlanTaskBudgetsTable;
  plan_task_reports: PlanTaskReportsTable;
  plan_task_report_files: PlanTaskReportFilesTable;
  plan_task_reminders: PlanTaskRemindersTable;
};

/** The handle with the plans tables added (a transaction stays the same transaction). */
export const pt = (db: Executor) => db.withTables<Tables>();
