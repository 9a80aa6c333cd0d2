import type { CellValue } from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { UnitRef } from './org-xlsx.repository.ts';
import type { SchoolColumnKey } from './org-xlsx.ts';
import { accessTargets, type Lookups, planSchoolRows, type RawRow } from './org-xlsx-plan.ts';

const unit = (
  id: string,
  code: string,
  name: string,
  type_code: string,
  parent_id: string | null,
  active = true,
): UnitRef => ({
  id,
  code,
  name,
  type_code,
  parent_id,
  valid_from: '2025-07-01',
  valid_to: active ? null : '2025-06-30',
  active,
});

function lookups(): Lookups {
  const units = [
    unit('prov', 'QNG', 'Tỉnh Quảng Ngãi', 'province', null),
    unit('so', 'QNG.SGD', 'Sở GDĐT', 'department', 'prov'),
    unit('xa1', 'QNG.X008', 'Xã Tịnh Khê', 'commune', 'prov'),
    unit('vx1', 'QNG.X008.VX', 'Phòng Văn hóa – Xã hội xã Tịnh Khê', 'culture_society_division', 'ub1'),
    unit('old', 'QNG.H01', 'Huyện Sơn Tịnh', 'district', 'prov', false),
    unit('sch1', '51000101', 'Trường Tiểu học số 1 Tịnh Khê', 'school', 'vx1'),
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
          address: 'Thôn 1',
          phone: '0255 3 812 345',
          email: null,
        },
      ],
    ]),
    parentTypes: new Map([
      ['school', ['department', 'culture_society_division', 'district_education_office']],
      ['gdtx_centre', ['department', 'culture_society_division']],
    ]),
    today: '2026-03-02',
  };
}

const base: Record<SchoolColumnKey, CellValue> = {
  code: '51000101',
  name: 'Trường Tiểu học số 1 Tịnh Khê',
  levels: 'Tiểu học',
  ownership: 'Công lập',
  commune: 'QNG.X008',
  parent: 'QNG.X008.VX',
  address: 'Thôn 1',
  phone: '0255 3 812 345',
  email: null,
  validFrom: null,
  validTo: null,
};
const row = (n: number, cells: Partial<Record<SchoolColumnKey, CellValue>> = {}): RawRow => ({
  row: n,
  cells: { ...base, ...cells },
});

describe('planSchoolRows', () => {
  it('counts an identical row as unchanged, whatever the order of levels or the text form', () => {
    const { planned, errors } = planSchoolRows([row(2, { ownership: 'công lập', levels: 'tieu_hoc' })], lookups());
    expect(errors).toEqual([]);
    expect(planned).toEqual([{ kind: 'unchanged', row: 2 }]);
  });

  it('plans a rename and a profile change for a known code, and only the changed fields', () => {
    const { planned } = planSchoolRows([row(2, { name: 'Trường Tiểu học Tịnh Khê', phone: 2553999999 })], lookups());
    expect(planned[0]).toMatchObject({
      kind: 'update',
      name: 'Trường Tiểu học Tịnh Khê',
      profile: { phone: '02553999999' },
    });
    expect(planned[0]).not.toHaveProperty('parentId');
  });

  it('plans a new school under the managing unit, defaulting its start to today, a GDTX-only row as a centre', () => {
    const { planned } = planSchoolRows(
      [row(2, { code: '51000999', name: 'Trung tâm GDNN – GDTX Tịnh Khê', levels: 'GDTX', parent: 'QNG.SGD' })],
      lookups(),
    );
    expect(planned[0]).toMatchObject({
      kind: 'create',
      typeCode: 'gdtx_centre',
      parentId: 'so',
      validFrom: '2026-03-02',
    });
    expect(accessTargets(planned[0]!)).toEqual(['so']);
  });

  it('lists every problem of a row, in Vietnamese then English, with the column header', () => {
    const { planned, errors } = planSchoolRows(
      [
        row(7, {
          code: 'X1',
          name: '',
          levels: 'Đại học',
          ownership: 'Dân lập',
          commune: 'QNG.X999',
          email: 'khong-co',
          validFrom: '30/02/2020',
        }),
      ],
      lookups(),
    );
    expect(planned).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [7, 'Tên trường'],
      [7, 'Cấp học'],
      [7, 'Loại hình'],
      [7, 'Email'],
      [7, 'Hiệu lực từ'],
      [7, 'Mã xã/phường'],
    ]);
    expect(errors[0]!.message).toBe('Thiếu tên trường / Missing school name');
    expect(errors[1]!.message).toContain('"Đại học"');
  });

  it('rejects a duplicate code on its second row, naming the first', () => {
    const { errors } = planSchoolRows([row(2), row(5, { name: 'Khác' })], lookups());
    expect(errors).toEqual([{ row: 5, column: 'Mã trường', message: expect.stringContaining('dòng 2') }]);
  });

  it('rejects a managing unit of the wrong type, an expired one, and a commune code that is not a commune', () => {
    const { errors } = planSchoolRows(
      [
        row(2, { code: 'N1', parent: 'QNG.X008' }),
        row(3, { code: 'N2', parent: 'QNG.H01' }),
        row(4, { code: 'N3', commune: 'QNG.SGD' }),
      ],
      lookups(),
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Mã đơn vị quản lý'],
      [3, 'Mã đơn vị quản lý'],
      [4, 'Mã xã/phường'],
    ]);
    expect(errors[0]!.message).toContain('cannot manage a school');
    expect(errors[1]!.message).toContain('no longer exists');
  });

  it('refuses to reuse the code of a unit that is not a school, or to change validity dates', () => {
    const { errors } = planSchoolRows([row(2, { code: 'QNG.SGD' }), row(3, { validTo: '31/12/2026' })], lookups());
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Mã trường'],
      [3, 'Hiệu lực đến'],
    ]);
  });

  it('needs access to the school and its new managing unit when a row moves it', () => {
    const { planned } = planSchoolRows([row(2, { parent: 'QNG.SGD' })], lookups());
    expect(accessTargets(planned[0]!)).toEqual(['sch1', 'so']);
  });
});
