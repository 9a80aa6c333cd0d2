import { describe, expect, it } from 'vitest';
import { ExamRules, type Timeline, timelineProblems } from '../../../../shared/admissions.schema.ts';
import { lockedPatchProblems, phaseAt } from './round-lifecycle.ts';
import { schoolProblems, shiftYears } from './round-rules.ts';

const vn = (at: string) => `${at}+07:00`;
const timeline: Timeline = {
  trialFrom: vn('2027-06-01T08:00:00'),
  trialTo: vn('2027-06-05T08:00:00'),
  registerFrom: vn('2027-06-10T08:00:00'),
  registerTo: vn('2027-06-20T17:00:00'),
  reviewTo: vn('2027-06-30T17:00:00'),
  resultsAt: vn('2027-07-05T08:00:00'),
  confirmTo: vn('2027-07-15T17:00:00'),
  supplementaryFrom: null,
  supplementaryTo: null,
};

describe('shiftYears', () => {
  it('keeps the Vietnamese wall-clock time, also just after midnight in Vietnam', () => {
    const at = new Date(vn('2027-01-01T00:30:00'));
    expect(shiftYears(at, 1).toISOString()).toBe(new Date(vn('2028-01-01T00:30:00')).toISOString());
  });

  it('moves 29 February to 28 February in a common year', () => {
    expect(shiftYears(new Date(vn('2028-02-29T08:00:00')), 1).toISOString()).toBe(
      new Date(vn('2029-02-28T08:00:00')).toISOString(),
    );
  });
});

describe('timelineProblems', () => {
  it('accepts a timeline in order, with or without the optional windows', () => {
    expect(timelineProblems(timeline)).toEqual([]);
    expect(timelineProblems({ ...timeline, trialFrom: null, trialTo: null })).toEqual([]);
  });

  it('names the field that breaks the order, and an optional window given by half', () => {
    const broken = { ...timeline, reviewTo: vn('2027-06-15T08:00:00'), supplementaryFrom: vn('2027-07-20T08:00:00') };
    expect(
      timelineProblems(broken)
        .map((p) => p.path)
        .sort(),
    ).toEqual(['reviewTo', 'supplementaryTo']);
  });

  it('allows the trial to end when registration opens, but not registration to close when it opens', () => {
    expect(timelineProblems({ ...timeline, trialTo: timeline.registerFrom })).toEqual([]);
    expect(timelineProblems({ ...timeline, registerTo: timeline.registerFrom }).map((p) => p.path)).toEqual([
      'registerTo',
    ]);
  });
});

describe('ExamRules', () => {
  const rules = {
    method: 'exam',
    subjects: [{ code: 'toan', name: 'Toán', coefficient: 2 }],
    wishCount: 3,
    wishOffsets: [0, 1, 2],
    specialisedFirst: false,
    maxBonusPoints: 0,
    tieBreakers: ['subject:toan'],
    tieAtLastSeat: 'admit_none',
  };
  const issues = (over: object) =>
    ExamRules.safeParse({ ...rules, ...over }).error?.issues.map((i) => i.path.join('.')) ?? [];

  it('takes Hanoi-style offsets and plain preference (all zeros)', () => {
    expect(issues({})).toEqual([]);
    expect(issues({ wishOffsets: [0, 0, 0] })).toEqual([]);
  });

  it('wants one offset per wish, 0 for NV1, never decreasing, in hundredths', () => {
    expect(issues({ wishOffsets: [0, 1] })).toEqual(['wishOffsets']);
    expect(issues({ wishOffsets: [0.5, 1, 2] })).toEqual(['wishOffsets.0']);
    expect(issues({ wishOffsets: [0, 2, 1.5] })).toEqual(['wishOffsets.2']);
    expect(issues({ wishOffsets: [0, 1, 1.255] })).toEqual(['wishOffsets.2']);
  });
});

describe('lockedPatchProblems', () => {
  const current = { name: 'Kỳ A', timeline, rules: {}, priorityGroups: [] };

  it('lets an open round extend registration, but not move its opening or shorten a deadline', () => {
    const patch = (t: Partial<Timeline>) => ({ expectedVersion: 1, timeline: t });
    expect(lockedPatchProblems('open', current, patch({ registerTo: vn('2027-06-22T17:00:00') }))).toEqual([]);
    expect(lockedPatchProblems('open', current, patch({ registerFrom: vn('2027-06-11T08:00:00') }))).toHaveLength(1);
    expect(lockedPatchProblems('open', current, patch({ confirmTo: vn('2027-07-14T17:00:00') }))).toHaveLength(1);
  });

  it('accepts a field sent back unchanged, in another time zone notation', () => {
    const same = { expectedVersion: 1, name: 'Kỳ A', timeline: { registerTo: '2027-06-20T10:00:00Z' } };
    expect(lockedPatchProblems('open', current, same)).toEqual([]);
  });

  it('no longer extends registration once it is closed for review', () => {
    const patch = { expectedVersion: 1, timeline: { registerTo: vn('2027-06-22T17:00:00') } };
    expect(lockedPatchProblems('closed_for_review', current, patch)).toHaveLength(1);
  });
});

describe('phaseAt', () => {
  it('tells parents whether they may practise, register, or are too late', () => {
    expect(phaseAt(timeline, new Date(vn('2027-05-01T00:00:00')))).toBe('upcoming');
    expect(phaseAt(timeline, new Date(vn('2027-06-02T00:00:00')))).toBe('trial');
    expect(phaseAt(timeline, new Date(vn('2027-06-07T00:00:00')))).toBe('upcoming');
    expect(phaseAt(timeline, new Date(vn('2027-06-10T08:00:00')))).toBe('registration');
    expect(phaseAt(timeline, new Date(vn('2027-06-20T17:00:00')))).toBe('registration_closed');
  });
});

describe('schoolProblems', () => {
  const school = {
    id: 's',
    name: 'Trường THCS A',
    type_code: 'school',
    active: true,
    levels: ['thcs'],
    in_scope: true,
  };

  it('admits a liên cấp school for each level it teaches', () => {
    expect(schoolProblems(6, { ...school, levels: ['tieu_hoc', 'thcs', 'lien_cap'] }, 'p')).toEqual([]);
    expect(schoolProblems(1, { ...school, levels: ['tieu_hoc', 'thcs', 'lien_cap'] }, 'p')).toEqual([]);
  });

  it('gives every reason at once', () => {
    expect(schoolProblems(1, { ...school, active: false, in_scope: false }, 'p')).toHaveLength(3);
  });
});
