import { describe, expect, it } from 'vitest';
import {
  type ApplyForm,
  catchmentSchool,
  draftForm,
  emptyForm,
  evidenceDocuments,
  evidenceOfForm,
  fieldOfPath,
  guardianProblems,
  guardiansOf,
  restoreDraft,
  stepOfField,
  stepProblems,
  stepsOf,
  submitBody,
} from './apply-state.ts';
import type { ChildPrefill, PublicRound } from './public-api.ts';

const COMMUNE = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const S1 = '00000000-0000-4000-8000-0000000000a1';
const S2 = '00000000-0000-4000-8000-0000000000a2';

const school = (schoolId: string, catchments: { communeId: string; village: string | null }[]) => ({
  schoolId,
  code: schoolId.slice(-2),
  name: `Trường ${schoolId.slice(-2)}`,
  communeName: 'Xã Tịnh Khê',
  classes: 2,
  seats: 70,
  specialised: false,
  catchments: catchments.map((c) => ({ ...c, communeName: 'Xã Tịnh Khê' })),
});

const round = {
  id: 'r',
  level: 1,
  rules: { method: 'catchment', wishCount: 2, lotteryForOutOfCatchment: true },
  priorityGroups: [],
  schools: [
    school(S1, [{ communeId: COMMUNE, village: 'Thôn Trường Thọ' }]),
    school(S2, [{ communeId: COMMUNE, village: null }]),
  ],
} as unknown as PublicRound;

const prefill = {
  personalId: '051221900002',
  fullName: 'Trần Gia Bảo',
  dateOfBirth: '2021-03-15',
  gender: 'male',
  currentResidence: { communeId: COMMUNE, communeName: 'Xã Tịnh Khê', village: 'Thôn Trường Thọ', addressLine: null },
  permanentResidence: { communeId: COMMUNE, communeName: 'Xã Tịnh Khê', village: 'Thôn Trường Thọ', addressLine: null },
  disclosure: 'basic',
  guardians: [],
  synthetic: true,
} as ChildPrefill;

const form = (over: Partial<ApplyForm> = {}): ApplyForm => ({
  ...emptyForm(),
  personalId: '0512 2190 0002',
  dateOfBirth: '2021-03-15',
  ...over,
});

describe('stepsOf', () => {
  it('leaves out the priority step when the round has no priority groups', () => {
    expect(stepsOf(round)).toEqual(['contact', 'child', 'guardians', 'residence', 'wishes', 'review']);
    expect(stepsOf({ priorityGroups: [{} as never] })).toContain('priority');
  });
});

describe('stepProblems', () => {
  it('asks for a 12-digit ID and a date of birth, spaces ignored', () => {
    expect(stepProblems('child', form({ personalId: '12345', dateOfBirth: '' }), round)).toEqual({
      'ap-personal-id': 'personalId',
      'ap-dob': 'dateOfBirth',
    });
    expect(stepProblems('child', form(), round)).toEqual({});
  });

  it('asks for name and gender only when the registry does not know the child', () => {
    expect(stepProblems('child', form({ prefill: null }), round)).toEqual({
      'ap-full-name': 'fullName',
      'ap-gender': 'gender',
    });
    expect(stepProblems('child', form({ prefill }), round)).toEqual({});
  });

  it('wants a reason for a residence correction, but none for an unregistered child', () => {
    expect(stepProblems('residence', form({ prefill, residenceChoice: 'correct', communeId: OTHER }), round)).toEqual({
      'ap-correction-reason': 'correctionReason',
    });
    expect(stepProblems('residence', form({ prefill: null, communeId: OTHER }), round)).toEqual({});
    expect(stepProblems('residence', form({ prefill }), round)).toEqual({ 'ap-residence-choice': 'residenceChoice' });
  });

  it('refuses no wish, the same school twice and more wishes than the round allows', () => {
    expect(stepProblems('wishes', form(), round)).toEqual({ 'ap-wish-0': 'wishesEmpty' });
    expect(stepProblems('wishes', form({ wishes: [S1, S1] }), round)).toEqual({ 'ap-wish-1': 'wishesDuplicate' });
    expect(stepProblems('wishes', form({ wishes: [S1, S2, S1] }), round)['ap-wish-0']).toBe('wishesTooMany');
  });
});

describe('catchmentSchool', () => {
  it('prefers a village catchment over a whole-commune one, ignoring accents and case', () => {
    expect(catchmentSchool(round, { communeId: COMMUNE, village: 'thon truong tho' })).toBe(S1);
    expect(catchmentSchool(round, { communeId: COMMUNE, village: 'Thôn Khê Ba' })).toBe(S2);
    expect(catchmentSchool(round, { communeId: OTHER, village: null })).toBeNull();
  });

  it('has no catchment school in grade 10', () => {
    expect(catchmentSchool({ ...round, level: 10 }, { communeId: COMMUNE, village: null })).toBeNull();
  });
});

describe('submitBody and drafts', () => {
  it('sends the registry residence when confirmed, and the correction with its reason', () => {
    const confirmed = submitBody(form({ prefill, residenceChoice: 'confirm', wishes: [S1] }));
    expect(confirmed).toMatchObject({
      personalId: '051221900002',
      fullName: 'Trần Gia Bảo',
      residence: { communeId: COMMUNE, village: 'Thôn Trường Thọ' },
    });
    expect(confirmed.residence).not.toHaveProperty('correctionReason');
    const corrected = submitBody(
      form({ prefill, residenceChoice: 'correct', communeId: OTHER, village: ' ', correctionReason: 'Mới chuyển đến' }),
    );
    expect(corrected.residence).toEqual({ communeId: OTHER, village: null, correctionReason: 'Mới chuyển đến' });
  });

  it('keeps the personal ID out of the draft form and restores choices from it', () => {
    const f = form({ prefill: null, fullName: 'Võ Minh Khang', gender: 'male', communeId: OTHER, wishes: [S2] });
    const draft = draftForm(f);
    expect(JSON.stringify(draft)).not.toContain('051221900002');
    const back = restoreDraft(form({ prefill: null }), { ...draft, wishes: [S2, 'gone'] }, round);
    expect(back).toMatchObject({ fullName: 'Võ Minh Khang', communeId: OTHER, wishes: [S2] });
  });
});

describe('guardians', () => {
  const father = { fullName: 'Trần Văn Phúc', relation: 'father' as const, phone: '' };

  it('starts from the registry parents (no phones), or one blank row', () => {
    const known = {
      ...prefill,
      guardians: [{ fullName: 'Trần Văn Phúc', relation: 'father', isVerifiedContact: true }],
    } as ChildPrefill;
    expect(guardiansOf(known)).toEqual([father]);
    expect(guardiansOf(prefill)).toEqual([{ fullName: '', relation: '', phone: '' }]);
    expect(guardiansOf(null)).toHaveLength(1);
  });

  it('needs at least one named person with a relation; the phone is optional but well formed', () => {
    expect(stepProblems('guardians', form(), round)).toEqual({ 'ap-guardian-0-name': 'guardiansEmpty' });
    expect(guardianProblems([father], 'g')).toEqual({});
    expect(guardianProblems([{ ...father, relation: '', phone: '12' }], 'g')).toEqual({
      'g-0-relation': 'guardianRelation',
      'g-0-phone': 'guardianPhone',
    });
    // A blank extra row is dropped, not refused.
    expect(guardianProblems([father, { fullName: '', relation: '', phone: '' }], 'g')).toEqual({});
    expect(guardianProblems([father, { ...father, fullName: 'A' }], 'g')).toEqual({ 'g-1-name': 'guardianName' });
  });

  it('sends trimmed rows with a clean phone, and keeps them in the draft', () => {
    const f = form({
      guardians: [
        { ...father, phone: '0905 100.101' },
        { fullName: ' ', relation: '', phone: '' },
      ],
    });
    expect(submitBody(f).guardians).toEqual([{ fullName: 'Trần Văn Phúc', relation: 'father', phone: '0905100101' }]);
    const back = restoreDraft(form(), draftForm(f), round);
    expect(back.guardians).toEqual([{ ...father, phone: '0905 100.101' }]);
    expect(fieldOfPath('body.guardians.1.phone')).toBe('ap-guardian-1-phone');
    expect(fieldOfPath('body.guardians.0.fullName')).toBe('ap-guardian-0-name');
    expect(stepOfField('ap-guardian-1-phone')).toBe('guardians');
  });
});

describe('evidence', () => {
  it('asks for proof of what was claimed', () => {
    expect(evidenceDocuments({ priorityGroup: null, residenceNeedsProof: false, level: 1 })).toEqual([]);
    expect(evidenceDocuments({ priorityGroup: 'LS', residenceNeedsProof: true, level: 10 })).toEqual([
      'UU_TIEN',
      'CU_TRU',
      'KHUYEN_KHICH',
    ]);
    expect(evidenceOfForm(form({ prefill: null }), round)).toEqual(['CU_TRU']);
    expect(evidenceOfForm(form({ prefill, residenceChoice: 'confirm' }), round)).toEqual([]);
  });
});

describe('server errors', () => {
  it('maps field paths to fields and fields to their steps', () => {
    expect(fieldOfPath('body.residence.correctionReason')).toBe('ap-correction-reason');
    expect(fieldOfPath('body.wishes.0')).toBe('ap-wish-0');
    expect(stepOfField(fieldOfPath('body.personalId')!)).toBe('child');
    expect(fieldOfPath('body.other')).toBeNull();
  });
});
