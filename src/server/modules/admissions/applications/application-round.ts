import { AdmissionRules, PriorityGroups } from '../../../../shared/admissions.schema.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { AppError, type ErrorDetail } from '../../../platform/errors.ts';
import { findRound, type RoundRow } from '../rounds/round.repository.ts';
import { findRoundSchools, type RoundSchoolRow } from '../rounds/round-schools.repository.ts';
import { priorityProblems, wishProblems } from './application-rules.ts';

/** The dossier engine's procedure of each level (seeded in 0004_dossiers.sql). */
const PROCEDURES: Readonly<Record<number, string>> = { 1: 'TS_LOP1', 6: 'TS_LOP6', 10: 'TS_LOP10' };

/** A round as applications see it: its row, its schools, and the windows it allows. */
export interface ApplicationRound {
  row: RoundRow;
  schools: Map<string, RoundSchoolRow>;
  procedureCode: string;
}

/** A round the public may apply to; a draft (unpublished) round is "not found". */
export async function loadRound(db: Executor, id: string): Promise<ApplicationRound> {
  const row = await findRound(db, id);
  if (!row || row.status === 'draft') throw new AppError('resource.not_found');
  const schools = await findRoundSchools(db, [id]);
  return {
    row,
    schools: new Map(schools.map((s) => [s.school_id, s])),
    procedureCode: PROCEDURES[row.level] ?? 'TS_LOP1',
  };
}

const closed = (from: Date, to: Date) =>
  new AppError('dossier.window_closed', {
    hint: {
      vi: `Thời gian đăng ký: ${from.toISOString()} – ${to.toISOString()}.`,
      en: `Registration runs ${from.toISOString()} – ${to.toISOString()}.`,
    },
  });

/** Drafts may be saved while the round is open and its registration has not ended (trial window included). */
export function requireDraftWindow(r: ApplicationRound, now = new Date()): void {
  if (r.row.status !== 'open' || now >= r.row.register_to) throw closed(r.row.register_from, r.row.register_to);
}

/**
 * Applications are filed only in [register_from, register_to) of an open round. The trial
 * window lets parents try the form (drafts) but files nothing: nothing filed in it counts, so
 * it is refused rather than accepted and marked.
 */
export function requireRegistration(r: ApplicationRound, now = new Date()): void {
  if (r.row.status !== 'open' || now < r.row.register_from || now >= r.row.register_to)
    throw closed(r.row.register_from, r.row.register_to);
}

/** Wishes and priority group against the round's schools, wishCount and groups. */
export function formProblems(
  r: ApplicationRound,
  form: { wishes?: readonly string[] | undefined; priorityGroup?: string | null | undefined },
): ErrorDetail[] {
  const rules = AdmissionRules.parse(r.row.rules);
  const groups = PriorityGroups.parse(r.row.priority_groups);
  return [
    ...(form.wishes ? wishProblems(form.wishes, new Set(r.schools.keys()), rules) : []),
    ...priorityProblems(form.priorityGroup, groups),
  ];
}

export function schoolName(r: ApplicationRound, id: string): string {
  return r.schools.get(id)?.name ?? '';
}
