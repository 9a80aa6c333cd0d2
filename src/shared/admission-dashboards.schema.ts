import { z } from 'zod';
import { AdmissionLevel, RoundStatus, SchoolYear } from './admission-rules.schema.ts';
import { RoundListQuery } from './admissions.schema.ts';
import { Uuid } from './common.schema.ts';
import { DossierState } from './dossiers.schema.ts';

/**
 * Admission dashboards (issue 3, item 6): applications by status, seats, demand and fill rate
 * per school, commune and province, applications per day; and the demand per school that staff
 * may publish during registration so that families can adjust their wishes. Figures only: no
 * child's data travels through these shapes (Decree 13/2023/NĐ-CP: disclose the minimum).
 */

export const DashboardQuery = z.object({
  /** Without it: the most relevant round the actor may read (open first, then the latest). */
  roundId: Uuid.optional(),
  /** Narrows the figures to the schools in this unit's subtree (a commune, a school). */
  unitId: Uuid.optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const UnitRef = z.object({ id: Uuid, name: z.string() });

/** Seats and demand of one school, or the sum over a commune or the whole round. */
export const DemandFigures = z.object({
  seats: z.number().int(),
  /** Active applications (not withdrawn or rejected) whose first wish is the school. */
  firstWish: z.number().int(),
  /** Active applications naming the school in any wish. */
  anyWish: z.number().int(),
  /** firstWish / seats (2 decimals); null without seats. Above 1: over-subscribed. */
  demandRatio: z.number().nullable(),
  /** Applications by first wish approved by the school. */
  approved: z.number().int(),
  /** Admitted by the final allocation run; null before it. */
  admitted: z.number().int().nullable(),
  /** admitted / seats (2 decimals); null before the final run or without seats. */
  fillRate: z.number().nullable(),
});
export type DemandFigures = z.infer<typeof DemandFigures>;

export const SchoolFigures = DemandFigures.extend({
  schoolId: Uuid,
  code: z.string(),
  name: z.string(),
  communeId: Uuid,
  communeName: z.string(),
  specialised: z.boolean(),
});
export type SchoolFigures = z.infer<typeof SchoolFigures>;

export const CommuneFigures = DemandFigures.extend({
  communeId: Uuid,
  communeName: z.string(),
  schools: z.number().int(),
});
export type CommuneFigures = z.infer<typeof CommuneFigures>;

export const StatusCount = z.object({ state: DossierState, count: z.number().int() });
export const DayCount = z.object({ day: z.string(), count: z.number().int() });

export const DashboardRound = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  level: AdmissionLevel,
  schoolYear: z.string(),
  status: RoundStatus,
  runningUnit: UnitRef,
  registerFrom: z.string(),
  registerTo: z.string(),
});
export type DashboardRound = z.infer<typeof DashboardRound>;

export const Dashboard = z.object({
  /** The rounds the actor may read, for the filter (newest school year first). */
  rounds: z.array(DashboardRound),
  /** The round shown; null when the actor may read none. */
  round: DashboardRound.nullable(),
  /** 'round': every school of the round; 'schools': only the schools the actor reviews. */
  coverage: z.enum(['round', 'schools']),
  /** Units the figures may be narrowed to (the communes of the schools shown, and the schools). */
  units: z.array(UnitRef.extend({ kind: z.enum(['commune', 'school']) })),
  unitId: Uuid.nullable(),
  demand: z.object({
    published: z.boolean(),
    /** The actor holds admissions.manage on the round's running unit. */
    canPublish: z.boolean(),
  }),
  byStatus: z.array(StatusCount),
  total: DemandFigures.extend({ applications: z.number().int() }),
  schools: z.array(SchoolFigures),
  communes: z.array(CommuneFigures),
  perDay: z.array(DayCount),
  generatedAt: z.string(),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DemandPublicationBody = z.object({ published: z.boolean() });
export const DemandPublication = z.object({ roundId: Uuid, published: z.boolean(), changedAt: z.string() });
export type DemandPublication = z.infer<typeof DemandPublication>;

/** The public demand of a round: seats and first wishes per school, nothing about any child. */
export const PublicDemand = z.object({
  round: z.object({
    id: Uuid,
    code: z.string(),
    name: z.string(),
    level: AdmissionLevel,
    schoolYear: z.string(),
    runningUnit: z.string(),
    registerTo: z.string(),
  }),
  schools: z.array(
    z.object({
      schoolId: Uuid,
      name: z.string(),
      communeName: z.string(),
      seats: z.number().int(),
      firstWish: z.number().int(),
      demandRatio: z.number().nullable(),
    }),
  ),
  total: z.object({ seats: z.number().int(), firstWish: z.number().int() }),
  generatedAt: z.string(),
});
export type PublicDemand = z.infer<typeof PublicDemand>;

export const DemandParams = z.object({ roundId: Uuid });

/**
 * The overview of a school year and level: one row per round the actor may read. Since 1 July
 * 2025 communes run grades 1 and 6 (Resolution 202/2025/QH15), so the Sở needs the province at
 * a glance across some hundred rounds.
 */
export const OverviewQuery = z.object({
  /** Without it: the school year being admitted now, or the latest one with rounds in scope. */
  schoolYear: SchoolYear.optional(),
  /** Without it: grade 1. */
  level: RoundListQuery.shape.level,
});
export type OverviewQuery = z.infer<typeof OverviewQuery>;

/** The states a filed application can be in (drafts are the family's, not counted). */
export const FiledState = z.enum([
  'submitted',
  'in_review',
  'supplement_requested',
  'resubmitted',
  'approved',
  'rejected',
  'withdrawn',
]);
export type FiledState = z.infer<typeof FiledState>;

/** Figures of one round, or their sums. */
export const OverviewFigures = z.object({
  schools: z.number().int(),
  seats: z.number().int(),
  /** Filed applications (drafts excluded), whatever their state. */
  applications: z.number().int(),
  /** Filed applications per state; the values add up to `applications`. */
  byStatus: z.record(FiledState, z.number().int()),
  /** Active applications (not withdrawn or rejected) by first wish. */
  firstWish: z.number().int(),
  /** firstWish / seats (2 decimals); null without seats. Above 1: over-subscribed. */
  demandRatio: z.number().nullable(),
  /** Admitted by the final allocation run; null before it (for the totals: when no round has one). */
  admitted: z.number().int().nullable(),
  /** admitted / seats (2 decimals); for the totals, over the seats of the rounds with results only. */
  fillRate: z.number().nullable(),
  /** Applications held by the school past their deadline (submitted, in review, resubmitted). */
  overdue: z.number().int(),
});
export type OverviewFigures = z.infer<typeof OverviewFigures>;

export const OverviewRow = OverviewFigures.extend({
  round: DashboardRound,
  /** 'round': every school of the round; 'schools': only the schools the actor reviews. */
  coverage: z.enum(['round', 'schools']),
});
export type OverviewRow = z.infer<typeof OverviewRow>;

export const Overview = z.object({
  schoolYear: SchoolYear,
  level: AdmissionLevel,
  /** Most over-subscribed first (demand ratio descending, rounds without seats last). */
  rows: z.array(OverviewRow),
  /** Sums of the rows. */
  total: OverviewFigures.extend({ rounds: z.number().int() }),
  generatedAt: z.string(),
});
export type Overview = z.infer<typeof Overview>;
