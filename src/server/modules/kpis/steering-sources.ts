import type { Db } from '../../platform/db/database.ts';
import * as directives from '../directives/directives.read-model.ts';
import * as dx from '../dx-index/dx-index.read-model.ts';
import * as plans from '../plans/plans.read-model.ts';
import * as reports from '../reports/reports.read-model.ts';

/**
 * The read models of the other steering modules (steering design, "Read models"), the only
 * files of theirs the KPIs and dashboards use. The types below are the published contract (the
 * modules' own functions are checked against them here); a source set to null, or one that
 * throws, makes its figures "not available" instead of breaking every dashboard.
 */

export interface PlansReadModel {
  lateTasks(
    db: Db,
    o: { rootUnitId: string | null; today: string },
  ): Promise<{ total: number; open: number; late: number; byUnit: { unitId: string; late: number; open: number }[] }>;
}

export interface DirectivesReadModel {
  directiveResponses(
    db: Db,
    o: { rootUnitId: string | null; today: string },
  ): Promise<{ directives: number; expected: number; read: number; answered: number; late: number }>;
}

export interface CompletenessCounts {
  expected: number;
  submitted: number;
  onTime: number;
  approved: number;
}

export interface ReportsReadModel {
  completeness(
    db: Db,
    o: { formId?: string; periodKey?: string; rootUnitId: string | null; asOf?: string },
  ): Promise<CompletenessCounts & { byChild: (CompletenessCounts & { unitId: string })[] }>;
  aggregate(
    db: Db,
    o: { formCode: string; fieldCode: string; periodKey: string; rootUnitId: string | null; approvedOnly?: boolean },
  ): Promise<{
    value: number | null;
    count: number;
    byChild: { unitId: string; value: number | null; count: number }[];
  }>;
  onTimeShare(db: Db, o: { year: number; rootUnitId: string | null }): Promise<{ expected: number; onTime: number }>;
}

export interface DxReadModel {
  dxLevels(
    db: Db,
    o: {
      year: number;
      rootUnitId: string | null;
      recognisedOnly?: boolean;
      /** Public views: an unpublished year counts as none, a published one counts recognised results only. */
      publishedOnly?: boolean;
    },
  ): Promise<{
    schools: number;
    assessed: number;
    recognised: number;
    byLevel: { teaching: Record<1 | 2 | 3, number>; governance: Record<1 | 2 | 3, number> };
    byCommune: {
      unitId: string;
      name: string;
      schools: number;
      assessed: number;
      avgTeaching: number | null;
      avgGovernance: number | null;
    }[];
  }>;
}

export interface SteeringSources {
  plans: PlansReadModel | null;
  directives: DirectivesReadModel | null;
  reports: ReportsReadModel | null;
  dx: DxReadModel | null;
}

/** The read models of this installation (all four steering modules are installed). */
export async function steeringSources(): Promise<SteeringSources> {
  return SOURCES;
}

const SOURCES: SteeringSources = { plans, directives, reports, dx };

/** Vietnam's calendar day today ('yyyy-mm-dd'). */
export function todayVn(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}
