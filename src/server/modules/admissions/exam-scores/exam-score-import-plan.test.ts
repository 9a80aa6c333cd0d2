import { describe, expect, it } from 'vitest';
import { planScoreRows, type RawScoreRow, type StoredScore } from './exam-score-import-plan.ts';
import type { ScoreRules } from './exam-score-rules.ts';

const rules: ScoreRules = {
  subjects: [
    { code: 'toan', name: 'Toán', coefficient: 2 },
    { code: 'van', name: 'Ngữ văn', coefficient: 1 },
  ],
  maxBonusPoints: 0,
  priorityPoints: [1, 2],
};
const all = new Set(['dossierCode', 'registrationNo', 'm:toan', 'm:van', 'priorityPoints', 'bonusPoints', 'absent']);
const applications = new Map([
  ['TS10-2027-000001', { dossierId: 'd1' }],
  ['TS10-2027-000002', { dossierId: 'd2' }],
  ['TS10-2027-000003', { dossierId: 'd3' }],
]);
const stored: StoredScore = {
  dossierId: 'd3',
  registrationNo: '100003',
  marks: { toan: 5, van: 6 },
  priorityPoints: 0,
  bonusPoints: 0,
  absent: false,
  disqualified: false,
  version: 1,
};
const row = (n: number, cells: Record<string, string | number | null>): RawScoreRow => ({ row: n, cells });

describe('planScoreRows', () => {
  it('creates, updates and leaves unchanged; finds a recorded candidate by registration number alone', () => {
    const { planned, errors } = planScoreRows(
      [
        row(2, {
          dossierCode: 'ts10-2027-000001',
          registrationNo: '100001',
          'm:toan': '8,25',
          'm:van': 7,
          priorityPoints: 2,
        }),
        row(3, { registrationNo: '100003', 'm:toan': 5, 'm:van': 6 }),
        row(4, { dossierCode: 'TS10-2027-000002', registrationNo: '100002', absent: 'x' }),
      ],
      all,
      rules,
      { applications, scores: new Map([['d3', stored]]) },
    );
    expect(errors).toEqual([]);
    expect(planned.map((p) => [p.row, p.kind, p.dossierId])).toEqual([
      [2, 'create', 'd1'],
      [3, 'unchanged', 'd3'],
      [4, 'create', 'd2'],
    ]);
    expect(planned[0]).toMatchObject({ marks: { toan: 8.25, van: 7 }, priorityPoints: 2, registrationNo: '100001' });
    expect(planned[2]).toMatchObject({ absent: true, marks: {} });
  });

  it('reports every bad row with its column, in both languages, and plans nothing', () => {
    const { planned, errors } = planScoreRows(
      [
        row(2, { dossierCode: 'TS10-2027-000009', registrationNo: '1', 'm:toan': 5, 'm:van': 5 }),
        row(3, { dossierCode: 'TS10-2027-000001', registrationNo: '100001', 'm:toan': 'tám', 'm:van': 11 }),
        row(4, {
          dossierCode: 'TS10-2027-000002',
          registrationNo: '100003',
          'm:toan': 5,
          'm:van': 5,
          priorityPoints: 1.5,
        }),
        row(5, { 'm:toan': 5 }),
        row(6, { dossierCode: 'TS10-2027-000003', registrationNo: '100003', 'm:toan': 5, 'm:van': 5, absent: 'maybe' }),
      ],
      all,
      rules,
      { applications, scores: new Map([['d3', stored]]) },
    );
    expect(planned).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Mã hồ sơ'],
      [3, 'Toán'],
      [3, 'Ngữ văn'],
      [4, 'Điểm ưu tiên'],
      [5, 'Mã hồ sơ'],
      [5, 'Số báo danh'],
      [5, 'Ngữ văn'],
      [6, 'Vắng thi'],
    ]);
    expect(errors[0]!.message).toMatch(/không có hồ sơ .* \/ no application/);
  });

  it('refuses one registration number for two applications', () => {
    const { errors } = planScoreRows(
      [row(2, { dossierCode: 'TS10-2027-000001', registrationNo: '100003', 'm:toan': 5, 'm:van': 5 })],
      all,
      rules,
      { applications, scores: new Map([['d3', stored]]) },
    );
    expect(errors).toEqual([
      { row: 2, column: 'Số báo danh', message: expect.stringMatching(/used by another application/) },
    ]);
  });

  it('keeps recorded values for optional columns the sheet leaves out', () => {
    const { planned } = planScoreRows(
      [row(2, { dossierCode: 'TS10-2027-000003', 'm:toan': 9, 'm:van': 6 })],
      new Set(['dossierCode', 'm:toan', 'm:van']),
      rules,
      { applications, scores: new Map([['d3', { ...stored, priorityPoints: 1 }]]) },
    );
    expect(planned[0]).toMatchObject({ kind: 'update', registrationNo: '100003', priorityPoints: 1 });
  });
});
