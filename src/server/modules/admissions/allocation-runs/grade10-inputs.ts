import { createHash } from 'node:crypto';
import type { AdmissionRules } from '../../../../shared/admissions.schema.ts';
import {
  canonicalJson,
  type Grade10Applicant,
  type Grade10Config,
  type Grade10Input,
  type Grade10School,
  hashGrade10Inputs,
} from '../allocation/index.ts';

/** An application of a grade-10 round with its recorded scores (null columns: none recorded). */
export interface Grade10Application {
  readonly dossier_id: string;
  readonly dossier_code: string;
  readonly wishes: readonly string[];
  readonly registration_no: string | null;
  readonly marks: unknown;
  readonly priority_points: string | number | null;
  readonly bonus_points: string | number | null;
  readonly absent: boolean | null;
  readonly disqualified: boolean | null;
}

/** Applicants that take no part in the allocation, and why; reported with the results. */
export type ExclusionReason = 'absent' | 'disqualified';

export interface Grade10Inputs {
  readonly input: Grade10Input;
  /** By dossier code: candidates absent from the exam or disqualified. */
  readonly excluded: readonly { readonly id: string; readonly reason: ExclusionReason }[];
  /** Dossier codes of applications without a score record: a run is refused while any remain. */
  readonly missing: readonly string[];
  /** Dossier code → dossier id. */
  readonly dossiers: ReadonlyMap<string, string>;
}

/**
 * The library input of a grade-10 round: the round's rules as the config, its schools with their
 * seats (specialised only when the rules allocate specialised schools first), and one applicant
 * per application with scores, identified by its public dossier code. Wishes keep their order;
 * when specialised schools go first, wishes to them form the specialised list (NV chuyên) and the
 * others the ordinary list (NV1, NV2, …), each with its own wish offsets. Wishes to schools no
 * longer in the round are dropped. Absent and disqualified candidates are left out and listed in
 * `excluded`; applications without scores are listed in `missing` (and left out).
 */
export function buildGrade10Inputs(args: {
  rules: Extract<AdmissionRules, { method: 'exam' }>;
  schools: readonly { school_id: string; name: string; seats: number; specialised: boolean }[];
  applications: readonly Grade10Application[];
}): Grade10Inputs {
  const { rules } = args;
  const specialisedFirst = rules.specialisedFirst && args.schools.some((s) => s.specialised);
  const schools: Grade10School[] = args.schools.map((s) => ({
    id: s.school_id,
    name: s.name,
    seats: s.seats,
    ...(specialisedFirst && s.specialised ? { specialised: true } : {}),
  }));
  const specialisedIds = new Set(schools.filter((s) => s.specialised).map((s) => s.id));
  const inRound = new Set(schools.map((s) => s.id));
  const config: Grade10Config = {
    subjects: rules.subjects.map((s) => ({ subject: s.code, coefficient: s.coefficient })),
    wishOffsets: rules.wishOffsets,
    ...(specialisedFirst ? { specialisedWishOffsets: rules.wishOffsets.map(() => 0) } : {}),
    tieBreakers: rules.tieBreakers as Grade10Config['tieBreakers'],
    tieAtLastSeat: rules.tieAtLastSeat,
  };
  const applicants: Grade10Applicant[] = [];
  const excluded: { id: string; reason: ExclusionReason }[] = [];
  const missing: string[] = [];
  for (const a of args.applications) {
    if (a.registration_no === null) {
      missing.push(a.dossier_code);
      continue;
    }
    if (a.absent || a.disqualified) {
      excluded.push({ id: a.dossier_code, reason: a.disqualified ? 'disqualified' : 'absent' });
      continue;
    }
    const wishes = a.wishes.filter((w) => inRound.has(w));
    const specialisedWishes = wishes.filter((w) => specialisedIds.has(w));
    applicants.push({
      id: a.dossier_code,
      scores: a.marks as Record<string, number>,
      priorityPoints: Number(a.priority_points ?? 0),
      bonusPoints: Number(a.bonus_points ?? 0),
      wishes: wishes.filter((w) => !specialisedIds.has(w)),
      ...(specialisedWishes.length ? { specialisedWishes } : {}),
    });
  }
  return {
    input: { config, schools, applicants },
    excluded: excluded.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
    missing,
    dossiers: new Map(args.applications.map((a) => [a.dossier_code, a.dossier_id])),
  };
}

/**
 * SHA-256 shown before a grade-10 run and stored with it: of the canonical JSON
 * `{"excluded":[{id, reason} by id],"inputs":"<hashGrade10Inputs(input)>"}`, so that marking a
 * candidate absent (or back) changes the hash as a changed mark does. Anyone holding the inputs
 * can recompute it.
 */
export function hashGrade10Round(inputs: Pick<Grade10Inputs, 'input' | 'excluded'>): string {
  const json = canonicalJson({ excluded: inputs.excluded, inputs: hashGrade10Inputs(inputs.input) });
  return createHash('sha256').update(json).digest('hex');
}
