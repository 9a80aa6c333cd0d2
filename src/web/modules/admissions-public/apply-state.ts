import type { ChildPrefill, DraftForm, GuardianBody, PublicRound, SubmitBody } from './public-api.ts';

/*
 * The application form as pure data: which steps a round has, what each step needs before
 * "Tiếp tục", the catchment school of a residence, and the bodies sent to the server. Kept free
 * of React so that it is unit-tested (apply-state.test.ts).
 */

export type StepId = 'contact' | 'child' | 'guardians' | 'residence' | 'priority' | 'wishes' | 'review';

export type GuardianRelation = 'father' | 'mother' | 'guardian';

/** A parent or guardian as typed (the phone only if the family wants to give it). */
export interface GuardianDraft {
  fullName: string;
  relation: GuardianRelation | '';
  phone: string;
}

export const MAX_GUARDIANS = 4;
export const blankGuardian = (): GuardianDraft => ({ fullName: '', relation: '', phone: '' });

export interface ApplyForm {
  personalId: string;
  /** ISO date, '' while blank, null while the typed text is not a date. */
  dateOfBirth: string | null;
  /** undefined: not looked up yet; null: the registry does not know the child (manual entry). */
  prefill: ChildPrefill | null | undefined;
  fullName: string;
  gender: 'male' | 'female' | '';
  /** Parents or guardians (1–4); pre-filled from the registry when it discloses them. */
  guardians: GuardianDraft[];
  /** 'confirm' the registry's residence, or ask for a 'correct'ion (always the case when unregistered). */
  residenceChoice: 'confirm' | 'correct' | '';
  communeId: string;
  village: string;
  correctionReason: string;
  priorityGroup: string | null;
  wishes: string[];
}

export const emptyForm = (): ApplyForm => ({
  personalId: '',
  dateOfBirth: '',
  prefill: undefined,
  fullName: '',
  gender: '',
  guardians: [blankGuardian()],
  residenceChoice: '',
  communeId: '',
  village: '',
  correctionReason: '',
  priorityGroup: null,
  wishes: [],
});

/** The steps of a round: the priority step only when the round has priority groups. */
export function stepsOf(round: Pick<PublicRound, 'priorityGroups'>): StepId[] {
  const steps: StepId[] = ['contact', 'child', 'guardians', 'residence', 'priority', 'wishes', 'review'];
  return round.priorityGroups.length ? steps : steps.filter((s) => s !== 'priority');
}

export const cleanId = (v: string) => v.replace(/\s+/g, '');

/** A phone as typed ("0905 123 456", "0905.123.456") → digits (and a leading +). */
export const cleanPhone = (v: string) => v.replace(/[\s.\-()]/g, '');
export const validPhone = (v: string) => /^(0|\+84)\d{9,10}$/.test(cleanPhone(v));

/** The registry's parents (no phones), or one blank row when the registry gives none. */
export function guardiansOf(prefill: ChildPrefill | null | undefined): GuardianDraft[] {
  const known = (prefill?.guardians ?? [])
    .slice(0, MAX_GUARDIANS)
    .map((g) => ({ fullName: g.fullName, relation: g.relation, phone: '' }));
  return known.length ? known : [blankGuardian()];
}

const blankRow = (g: GuardianDraft) => !g.fullName.trim() && !g.relation && !g.phone.trim();

/** Problems of the guardians (shared by the wizard and the dossier page), ids `<prefix>-<i>-<field>`. */
export function guardianProblems(rows: GuardianDraft[], prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (rows.length === 0 || rows.every(blankRow)) {
    out[`${prefix}-0-name`] = 'guardiansEmpty';
    return out;
  }
  if (rows.length > MAX_GUARDIANS) out[`${prefix}-0-name`] = 'guardiansTooMany';
  rows.forEach((g, i) => {
    if (blankRow(g) && rows.length > 1) return;
    if (g.fullName.trim().length < 2) out[`${prefix}-${i}-name`] = 'guardianName';
    if (!g.relation) out[`${prefix}-${i}-relation`] = 'guardianRelation';
    if (g.phone.trim() && !validPhone(g.phone)) out[`${prefix}-${i}-phone`] = 'guardianPhone';
  });
  return out;
}

/** The guardians as the server takes them (blank extra rows dropped). */
export function guardiansBody(rows: GuardianDraft[]): GuardianBody[] {
  return rows
    .filter((g) => !blankRow(g))
    .map((g) => ({
      fullName: g.fullName.trim(),
      relation: (g.relation || 'guardian') as GuardianRelation,
      phone: g.phone.trim() ? cleanPhone(g.phone) : null,
    }));
}

/** Problems of one step as field id → i18n key under admissionsPublic.errors. */
export function stepProblems(step: StepId, f: ApplyForm, round: PublicRound): Record<string, string> {
  const out: Record<string, string> = {};
  if (step === 'child') {
    if (!/^\d{12}$/.test(cleanId(f.personalId))) out['ap-personal-id'] = 'personalId';
    if (!f.dateOfBirth) out['ap-dob'] = 'dateOfBirth';
    if (f.prefill === null) {
      if (f.fullName.trim().length < 2) out['ap-full-name'] = 'fullName';
      if (!f.gender) out['ap-gender'] = 'gender';
    }
  }
  if (step === 'guardians') Object.assign(out, guardianProblems(f.guardians, 'ap-guardian'));
  if (step === 'residence') {
    if (f.prefill && !f.residenceChoice) out['ap-residence-choice'] = 'residenceChoice';
    if (f.residenceChoice === 'correct' || f.prefill === null) {
      if (!f.communeId) out['ap-commune'] = 'commune';
      if (f.prefill && f.correctionReason.trim().length === 0) out['ap-correction-reason'] = 'correctionReason';
    }
  }
  if (step === 'wishes') {
    if (f.wishes.length === 0) out['ap-wish-0'] = 'wishesEmpty';
    if (new Set(f.wishes).size !== f.wishes.length) out['ap-wish-1'] = 'wishesDuplicate';
    if (f.wishes.length > round.rules.wishCount) out['ap-wish-0'] = 'wishesTooMany';
  }
  return out;
}

/** The residence the parent confirms (registry, current first) or typed as a correction. */
export function chosenResidence(f: ApplyForm): { communeId: string; village: string | null } | null {
  if (f.prefill && f.residenceChoice === 'confirm')
    return { communeId: f.prefill.currentResidence.communeId, village: f.prefill.currentResidence.village };
  if (!f.communeId) return null;
  return { communeId: f.communeId, village: f.village.trim() || null };
}

const villageKey = (v: string | null | undefined) =>
  (v ?? '').normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/giu, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The round's school whose catchment covers this residence (grades 1 and 6: the child has a
 * seat there). A catchment of a whole commune (village null) covers every village of it; a
 * village catchment wins over a whole-commune one.
 */
export function catchmentSchool(
  round: PublicRound,
  residence: { communeId: string; village: string | null } | null,
): string | null {
  if (!residence || round.level === 10) return null;
  let whole: string | null = null;
  for (const s of round.schools)
    for (const c of s.catchments) {
      if (c.communeId !== residence.communeId) continue;
      if (c.village === null) whole ??= s.schoolId;
      else if (villageKey(c.village) === villageKey(residence.village)) return s.schoolId;
    }
  return whole;
}

export function submitBody(f: ApplyForm): SubmitBody {
  const residence = chosenResidence(f) ?? { communeId: '', village: null };
  const correcting = f.prefill && f.residenceChoice === 'correct';
  return {
    personalId: cleanId(f.personalId),
    dateOfBirth: f.dateOfBirth ?? '',
    fullName: (f.prefill?.fullName ?? f.fullName).trim(),
    gender: (f.prefill?.gender ?? f.gender) || 'male',
    guardians: guardiansBody(f.guardians),
    residence: correcting ? { ...residence, correctionReason: f.correctionReason.trim() } : residence,
    wishes: f.wishes,
    priorityGroup: f.priorityGroup,
  };
}

/** The server-side draft: what the parent chose (the ID travels beside it, never inside). */
export function draftForm(f: ApplyForm): DraftForm {
  const form: DraftForm = { wishes: f.wishes, priorityGroup: f.priorityGroup };
  const guardians = f.guardians.filter((g) => !blankRow(g));
  if (guardians.length)
    form.guardians = guardians.map((g) => ({
      fullName: g.fullName.trim(),
      ...(g.relation ? { relation: g.relation } : {}),
      phone: g.phone.trim() || null,
    }));
  if (f.prefill === null) {
    if (f.fullName.trim()) form.fullName = f.fullName.trim();
    if (f.gender) form.gender = f.gender;
  }
  if (f.residenceChoice === 'correct' || f.prefill === null) {
    form.residence = { village: f.village.trim() || null };
    if (f.communeId) form.residence.communeId = f.communeId;
    if (f.correctionReason.trim()) form.residence.correctionReason = f.correctionReason.trim();
  }
  return form;
}

/** Merges a server draft back into the form (after a closed tab). */
export function restoreDraft(f: ApplyForm, d: DraftForm, round: PublicRound): ApplyForm {
  const known = new Set(round.schools.map((s) => s.schoolId));
  const next: ApplyForm = {
    ...f,
    wishes: (d.wishes ?? f.wishes).filter((id) => known.has(id)),
    priorityGroup: d.priorityGroup === undefined ? f.priorityGroup : d.priorityGroup,
  };
  if (d.guardians?.length)
    next.guardians = d.guardians.slice(0, MAX_GUARDIANS).map((g) => ({
      fullName: g.fullName ?? '',
      relation: g.relation ?? '',
      phone: g.phone ?? '',
    }));
  if (f.prefill === null) {
    next.fullName = d.fullName ?? f.fullName;
    next.gender = d.gender ?? f.gender;
  }
  if (d.residence?.communeId) {
    next.communeId = d.residence.communeId;
    next.village = d.residence.village ?? '';
    next.correctionReason = d.residence.correctionReason ?? '';
    next.residenceChoice = f.prefill ? 'correct' : 'confirm';
  }
  return next;
}

/** Server field paths (body.residence.correctionReason…) → the field that shows them. */
export function fieldOfPath(path: string): string | null {
  const guardian = /guardians\.(\d+)\.(\w+)/.exec(path);
  if (guardian) {
    const field = guardian[2] === 'fullName' ? 'name' : guardian[2] === 'relation' ? 'relation' : 'phone';
    return `ap-guardian-${guardian[1]}-${field}`;
  }
  if (path.includes('guardians')) return 'ap-guardian-0-name';
  if (path.includes('personalId')) return 'ap-personal-id';
  if (path.includes('dateOfBirth')) return 'ap-dob';
  if (path.includes('fullName')) return 'ap-full-name';
  if (path.includes('gender')) return 'ap-gender';
  if (path.includes('correctionReason')) return 'ap-correction-reason';
  if (path.includes('residence')) return 'ap-commune';
  if (path.includes('wishes')) return 'ap-wish-0';
  if (path.includes('priorityGroup')) return 'ap-priority';
  return null;
}

/** The step that holds a field, to go back to it when the server refuses the form. */
export function stepOfField(field: string): StepId {
  if (['ap-personal-id', 'ap-dob', 'ap-full-name', 'ap-gender'].includes(field)) return 'child';
  if (field.startsWith('ap-guardian')) return 'guardians';
  if (['ap-commune', 'ap-correction-reason', 'ap-residence-choice'].includes(field)) return 'residence';
  if (field === 'ap-priority') return 'priority';
  if (field.startsWith('ap-wish')) return 'wishes';
  return 'review';
}

export type EvidenceCode = 'UU_TIEN' | 'CU_TRU' | 'KHUYEN_KHICH';

/**
 * Documents the family may upload on its own until the decision: proof of the priority group it
 * claimed, proof of residence when it asked for a correction or the registry did not know the
 * child, and (grade 10, optional) a bonus-points certificate.
 */
export function evidenceDocuments(a: {
  priorityGroup: string | null;
  residenceNeedsProof: boolean;
  level: number | undefined;
}): EvidenceCode[] {
  const out: EvidenceCode[] = [];
  if (a.priorityGroup) out.push('UU_TIEN');
  if (a.residenceNeedsProof) out.push('CU_TRU');
  if (a.level === 10) out.push('KHUYEN_KHICH');
  return out;
}

/** The evidence a just-filed form calls for. */
export const evidenceOfForm = (f: ApplyForm, round: Pick<PublicRound, 'level'>) =>
  evidenceDocuments({
    priorityGroup: f.priorityGroup,
    residenceNeedsProof: f.prefill === null || f.residenceChoice === 'correct',
    level: round.level,
  });
