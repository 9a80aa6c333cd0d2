import type { Generated } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { Timestamp } from '../../platform/db/types.ts';

/** Kysely types of the tables of 0037_kpis.sql (numeric columns arrive as strings). */

export interface KpiIndicatorsTable {
  id: Generated<string>;
  code: string;
  name_vi: string;
  name_en: string;
  source_ref: string | null;
  unit: 'percent' | 'count' | 'million_vnd' | 'number';
  direction: 'higher' | 'lower';
  kind: 'formula' | 'manual';
  formula: string | null;
  report_period: Generated<string>;
  level: 'province' | 'commune' | 'school';
  is_public: Generated<boolean>;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface KpiTargetsTable {
  indicator_id: string;
  unit_id: string;
  year: number;
  target: string | number;
  note: string | null;
  updated_by: string | null;
  updated_at: Generated<Timestamp>;
}

export interface KpiManualActualsTable {
  indicator_id: string;
  unit_id: string;
  year: number;
  value: string | number;
  source_note: string;
  entered_by: string | null;
  entered_at: Generated<Timestamp>;
}

type Tables = {
  kpi_indicators: KpiIndicatorsTable;
  kpi_targets: KpiTargetsTable;
  kpi_manual_actuals: KpiManualActualsTable;
};

/** The handle with the KPI tables added (a transaction stays the same transaction). */
export const kt = (db: Executor) => db.withTables<Tables>();
