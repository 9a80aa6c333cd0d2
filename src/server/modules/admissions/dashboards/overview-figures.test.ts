import { describe, expect, it } from 'vitest';
import type { DashboardRound, OverviewRow } from '../../../../shared/admission-dashboards.schema.ts';
import type { RoundCountRow } from './overview.repository.ts';
import { admissionSchoolYear, byDemand, overviewRow, sumRows } from './overview-figures.ts';

const round = (code: string, unit: string): DashboardRound => ({
  id: '00000000-0000-4000-8000-000000000000',
  code,
  name: code,
  level: 1,
  schoolYear: '2027-2028',
  status: 'open',
  runningUnit: { id: '00000000-0000-4000-8000-000000000001', name: unit },
  registerFrom: '2027-06-01T00:00:00.000Z',
  registerTo: '2027-06-30T00:00:00.000Z',
});

const counts = (c: Partial<RoundCountRow>): RoundCountRow => ({
  round_id: 'r',
  whole: true,
  schools: 1,
  seats: 0,
  applications: 0,
  first_wish: 0,
  overdue: 0,
  admitted: null,
  submitted: 0,
  in_review: 0,
  supplement_requested: 0,
  resubmitted: 0,
  approved: 0,
  rejected: 0,
  withdrawn: 0,
  ...c,
});

const row = (code: string, unit: string, c: Partial<RoundCountRow>): OverviewRow =>
  overviewRow(round(code, unit), counts(c));

describe('admissionSchoolYear', () => {
  it('is the year starting this calendar year until September (Vietnam time), then the next', () => {
    expect(admissionSchoolYear(new Date('2027-03-01T00:00:00Z'))).toBe('2027-2028');
    expect(admissionSchoolYear(new Date('2027-08-31T16:59:59Z'))).toBe('2027-2028');
    expect(admissionSchoolYear(new Date('2027-08-31T17:00:00Z'))).toBe('2028-2029');
    expect(admissionSchoolYear(new Date('2026-12-31T18:00:00Z'))).toBe('2027-2028');
  });
});

describe('sumRows', () => {
  it('fills only over the seats of rounds with results, and leaves admitted null without any', () => {
    const done = row('A', 'Xã A', { seats: 100, first_wish: 120, admitted: 90, approved: 3, applications: 3 });
    const open = row('B', 'Xã B', { seats: 100, first_wish: 40, submitted: 2, applications: 2 });
    const total = sumRows([done, open]);
    expect(total).toMatchObject({ rounds: 2, seats: 200, firstWish: 160, demandRatio: 0.8, admitted: 90 });
    expect(total.fillRate).toBe(0.9);
    expect(total.byStatus).toMatchObject({ approved: 3, submitted: 2 });
    expect(sumRows([open]).admitted).toBeNull();
    expect(sumRows([]).demandRatio).toBeNull();
  });
});

describe('byDemand', () => {
  it('puts the most over-subscribed first and rounds without seats last', () => {
    const rows = [
      row('C', 'Xã Đăk Hà', { seats: 0 }),
      row('A', 'Xã Ba Tơ', { seats: 10, first_wish: 5 }),
      row('B', 'Phường Cẩm Thành', { seats: 10, first_wish: 15 }),
      row('D', 'Xã Anh Sơn', { seats: 10, first_wish: 5 }),
    ];
    expect(rows.sort(byDemand).map((r) => r.round.code)).toEqual(['B', 'D', 'A', 'C']);
  });
});
