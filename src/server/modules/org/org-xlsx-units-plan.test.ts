import type { CellValue } from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { UnitRef } from './org-xlsx.repository.ts';
import { type Lookups, type Planned, planSchoolRows } from './org-xlsx-plan.ts';
import { planUnitRows, type UnitPlanned } from './org-xlsx-units-plan.ts';
import type { UnitColumnKey, UnitRawRow } from './org-xlsx-units-row.ts';
import { applyUnitPlan, findBlockedExpiries } from './org-xlsx-units-tree.ts';

const unit = (
  id: string,
  code: string,
  type: string,
  parent: string | null,
  validTo: string | null = null,
): UnitRef => ({
  id,
  code,
  name: `Đơn vị ${code}`,
  type_code: type,
  parent_id: parent,
  valid_from: validTo ? '1989-07-01' : '2025-07-01',
  valid_to: validTo,
  active: validTo === null,
});

function lookups(): Lookups {
  const units = [
    unit('prov', 'QNG', 'province', null),
    unit('so', 'QNG.SGD', 'department', 'prov'),
    unit('tt', 'QNG.SGD.TT', 'division', 'so'),
    unit('xa1', 'QNG.X008', 'commune', 'prov'),
    unit('ub1', 'QNG.X008.UB', 'commune_committee', 'xa1'),
    unit('vx1', 'QNG.X008.VX', 'culture_society_division', 'ub1'),
    unit('old', 'QNG.H01', 'district', 'prov', '2025-06-30'),
    unit('sch1', '51000101', 'school', 'vx1'),
  ];
  return {
    units: new Map(units.map((u) => [u.code, u])),
    schools: new Map([
      [
        'sch1',
        {
          unit_id: 'sch1',
          levels: ['tieu_hoc'],
          ownership: 'public',
          commune_id: 'xa1',
          address: null,
          phone: null,
          email: null,
        },
      ],
    ]),
    parentTypes: new Map<string, string[]>([
      ['province', []],
      ['district', ['province']],
      ['commune', ['province', 'district']],
      ['department', ['province']],
      ['division', ['department']],
      ['commune_committee', ['commune']],
      ['culture_society_division', ['commune_committee']],
      ['school', ['department', 'culture_society_division']],
    ]),
    today: '2026-03-02',
  };
}

const row = (
  n: number,
  code: string,
  type: string,
  parent: string,
  more: Partial<Record<UnitColumnKey, CellValue>> = {},
): UnitRawRow => ({
  row: n,
  cells: { code, name: `Đơn vị ${code}`, type, parent, validFrom: null, validTo: null, ...more },
});
const ids = () => {
  let n = 0;
  return () => `new${++n}`;
};
const plan = (rows: UnitRawRow[], lk = lookups()) => planUnitRows(rows, lk, ids());

describe('planUnitRows', () => {
  it('counts rows identical to the tree as unchanged, an expired unit and a school row included', () => {
    const { planned, errors } = plan([
      row(2, 'QNG', 'province', ''),
      row(3, 'QNG.H01', 'district', 'QNG', { validTo: '30/06/2025' }),
      row(4, '51000101', 'school', 'QNG.SGD', { name: 'Tên khác' }),
      row(5, 'QNG.SGD.TT', 'division', 'QNG.SGD', { validFrom: null }),
    ]);
    expect(errors).toEqual([]);
    expect(planned.map((p) => p.kind)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });

  it('creates a commune with its committee and division listed children first, parents first in the plan', () => {
    const { planned, errors } = plan([
      row(2, 'QNG.X200.VX', 'culture_society_division', 'QNG.X200.UB'),
      row(3, 'QNG.X200.UB', 'commune_committee', 'QNG.X200'),
      row(4, 'QNG.X200', 'commune', 'QNG', { validFrom: null }),
    ]);
    expect(errors).toEqual([]);
    expect(planned.map((p) => (p.kind === 'create' ? [p.code, p.parentId] : p.kind))).toEqual([
      ['QNG.X200', 'prov'],
      ['QNG.X200.UB', 'new3'],
      ['QNG.X200.VX', 'new2'],
    ]);
    expect(planned[0]).toMatchObject({ validFrom: '2026-03-02', validTo: null });
  });

  it('plans a rename, a move and a closure of known units', () => {
    const { planned, errors } = plan([
      row(2, 'QNG.X008', 'commune', 'QNG', { name: 'Phường Tịnh Khê' }),
      row(3, 'QNG.SGD.TT', 'division', 'QNG.SGD', { validTo: '31/03/2026' }),
      row(4, 'QNG.X008.VX', 'culture_society_division', 'QNG.X201.UB'),
      row(5, 'QNG.X201.UB', 'commune_committee', 'QNG.X008'),
    ]);
    expect(errors).toEqual([]);
    const updates = planned.filter((p): p is Extract<UnitPlanned, { kind: 'update' }> => p.kind === 'update');
    expect(updates.map(({ unit: u, ...rest }) => [u.code, rest])).toEqual([
      ['QNG.X008', { kind: 'update', row: 2, name: 'Phường Tịnh Khê' }],
      ['QNG.SGD.TT', { kind: 'update', row: 3, validTo: '2026-03-31' }],
      ['QNG.X008.VX', { kind: 'update', row: 4, parentId: 'new1' }],
    ]);
  });

  it('names the sheet in every error column and refuses unknown types and parents, wrong parent types and loops', () => {
    const { planned, errors } = plan([
      row(2, 'N1', 'hamlet', 'QNG'),
      row(3, 'N2', 'commune', 'QNG.X999'),
      row(4, 'N3', 'commune', 'QNG.SGD'),
      row(5, 'N4', 'commune_committee', 'N5'),
      row(6, 'N5', 'commune_committee', 'N4'),
      row(7, 'N6', 'commune', 'QNG.H01'),
      row(8, 'N7', 'school', 'QNG.SGD'),
    ]);
    expect(planned).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Đơn vị: Loại'],
      [3, 'Đơn vị: Mã đơn vị cấp trên'],
      [4, 'Đơn vị: Mã đơn vị cấp trên'],
      [5, 'Đơn vị: Mã đơn vị cấp trên'],
      [6, 'Đơn vị: Mã đơn vị cấp trên'],
      [7, 'Đơn vị: Mã đơn vị cấp trên'],
      [8, 'Đơn vị: Loại'],
    ]);
    expect(errors[0]!.message).toContain('Unknown unit type "hamlet"');
    expect(errors[1]!.message).toContain('No unit has code "QNG.X999"');
    expect(errors[2]!.message).toContain('cannot be placed under a department');
    expect(errors[3]!.message).toContain('The parents form a loop: N4 → N5 → N4');
    expect(errors[5]!.message).toContain('no longer exists');
    expect(errors[6]!.message).toContain('Schools are added in the "Trường học" sheet');
  });

  it('refuses to change a type or a start date, to reopen a closed unit or to move one under itself', () => {
    const { errors } = plan([
      row(2, 'QNG.X008', 'ward', 'QNG'),
      row(3, 'QNG.SGD.TT', 'division', 'QNG.SGD', { validFrom: '01/01/2026' }),
      row(4, 'QNG.H01', 'district', 'QNG'),
      row(5, 'QNG.X008.UB', 'commune_committee', 'QNG.X008'),
      row(6, 'QNG.X008', 'commune', 'QNG'),
    ]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Đơn vị: Loại'],
      [3, 'Đơn vị: Hiệu lực từ'],
      [4, 'Đơn vị: Hiệu lực đến'],
      [6, 'Đơn vị: Mã'],
    ]);
    expect(errors[3]!.message).toContain('dòng 2');
    const below = plan([row(2, 'QNG.X008', 'commune', 'QNG.X008.VX')]).errors;
    expect(below.map((e) => e.message)).toEqual([
      expect.stringContaining('QNG.X008 → QNG.X008.VX → QNG.X008.UB → QNG.X008'),
    ]);
  });
});

describe('the tree after a units plan', () => {
  it('lets the schools sheet place a school in a commune created by the units sheet', () => {
    const lk = lookups();
    const units = plan(
      [row(2, 'QNG.X200', 'commune', 'QNG'), row(3, 'QNG.X200.UB', 'commune_committee', 'QNG.X200')],
      lk,
    );
    const after = applyUnitPlan(lk, units.planned);
    const cells = {
      code: '51000900',
      name: 'Trường Mầm non Xã Mới',
      levels: 'Mầm non',
      ownership: 'Công lập',
      commune: 'QNG.X200',
      parent: 'QNG.SGD',
      address: null,
      phone: null,
      email: null,
      validFrom: null,
      validTo: null,
    };
    const schools = planSchoolRows([{ row: 2, cells }], after);
    expect(schools.errors).toEqual([]);
    expect(schools.planned[0]).toMatchObject({ kind: 'create', profile: { commune_id: 'new1' } });
  });

  it('refuses to close a unit that something below or inside it outlives, unless the same file moves it', () => {
    const lk = lookups();
    const close = (rows: UnitRawRow[], schools: Planned[] = []) => {
      const units = plan(rows, lk);
      const after = applyUnitPlan(lk, units.planned);
      return findBlockedExpiries(after, units.planned, schools);
    };
    const blocked = close([row(5, 'QNG.X008', 'commune', 'QNG', { validTo: '31/03/2026' })]);
    expect(blocked).toEqual([{ row: 5, column: 'Đơn vị: Hiệu lực đến', message: expect.stringContaining('Còn 2') }]);
    expect(blocked[0]!.message).toContain('Đơn vị QNG.X008.UB');
    expect(close([row(2, 'QNG.SGD.TT', 'division', 'QNG.SGD', { validTo: '31/03/2026' })])).toEqual([]);
    // The committee and its division close on the same day; the school below them does not.
    const both = [
      row(2, 'QNG.X008.UB', 'commune_committee', 'QNG.X008', { validTo: '31/03/2026' }),
      row(3, 'QNG.X008.VX', 'culture_society_division', 'QNG.X008.UB', { validTo: '31/03/2026' }),
    ];
    expect(close(both)).toEqual([
      { row: 3, column: 'Đơn vị: Hiệu lực đến', message: expect.stringContaining('Đơn vị 51000101') },
    ]);
    const school = lk.units.get('51000101')!;
    const moveOut: Planned = {
      kind: 'update',
      row: 2,
      unit: school,
      before: lk.schools.get('sch1')!,
      parentId: 'so',
      profile: {},
    };
    expect(close(both, [moveOut])).toEqual([]);
  });
});
