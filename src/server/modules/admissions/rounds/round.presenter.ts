import {
  type AdmissionLevel,
  AdmissionRules,
  type Catchment,
  type PriorityGroup,
  PriorityGroups,
  type RoundDetail,
  type RoundSchool,
  type RoundSummary,
  type Timeline,
} from '../../../../shared/admissions.schema.ts';
import type { RoundRow } from './round.repository.ts';
import type { CatchmentRow, RoundSchoolRow } from './round-schools.repository.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export function levelOf(row: { level: number }): AdmissionLevel {
  if (row.level === 1 || row.level === 6 || row.level === 10) return row.level;
  throw new Error(`admission round with level ${row.level}`);
}

export function timelineOf(r: RoundRow): Timeline {
  return {
    trialFrom: isoOrNull(r.trial_from),
    trialTo: isoOrNull(r.trial_to),
    registerFrom: iso(r.register_from),
    registerTo: iso(r.register_to),
    reviewTo: iso(r.review_to),
    resultsAt: iso(r.results_at),
    confirmTo: iso(r.confirm_to),
    supplementaryFrom: isoOrNull(r.supplementary_from),
    supplementaryTo: isoOrNull(r.supplementary_to),
  };
}

/** The stored JSON, read back through its schema (written by the same schema, so it parses). */
export const rulesOf = (r: RoundRow): AdmissionRules => AdmissionRules.parse(r.rules);
export const groupsOf = (r: RoundRow): PriorityGroup[] => PriorityGroups.parse(r.priority_groups);

export function presentSummary(r: RoundRow): RoundSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: levelOf(r),
    schoolYear: r.school_year,
    runningUnit: { id: r.running_unit_id, name: r.running_unit_name },
    status: r.status,
    timeline: timelineOf(r),
    schoolCount: r.school_count,
    seats: r.seats,
    version: r.version,
    updatedAt: iso(r.updated_at),
  };
}

export function presentSchool(s: RoundSchoolRow): RoundSchool {
  return {
    schoolId: s.school_id,
    code: s.code,
    name: s.name,
    communeId: s.commune_id,
    communeName: s.commune_name,
    classes: s.classes,
    pupilsPerClass: s.pupils_per_class,
    seats: s.seats,
    specialised: s.specialised,
    note: s.note,
  };
}

export function presentCatchment(c: CatchmentRow): Catchment {
  return { schoolId: c.school_id, communeId: c.commune_id, communeName: c.commune_name, village: c.village };
}

export function presentDetail(r: RoundRow, schools: RoundSchoolRow[], catchments: CatchmentRow[]): RoundDetail {
  return {
    ...presentSummary(r),
    rules: rulesOf(r),
    priorityGroups: groupsOf(r),
    schools: schools.map(presentSchool),
    catchments: catchments.map(presentCatchment),
    lotterySeed: r.lottery_seed,
    lotterySeedPublishedAt: isoOrNull(r.lottery_seed_published_at),
    copiedFromId: r.copied_from_id,
    createdAt: iso(r.created_at),
  };
}

/** The compact form written to the audit log for a school set. */
export const auditSchools = (schools: RoundSchoolRow[]) =>
  schools.map((s) => ({
    schoolId: s.school_id,
    classes: s.classes,
    pupilsPerClass: s.pupils_per_class,
    seats: s.seats,
    specialised: s.specialised,
    note: s.note,
  }));

export const auditCatchments = (catchments: CatchmentRow[]) =>
  catchments.map((c) => ({ schoolId: c.school_id, communeId: c.commune_id, village: c.village }));
