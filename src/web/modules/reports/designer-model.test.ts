import { describe, expect, it } from 'vitest';
import {
  codeFromLabel,
  designerFieldOf,
  emptyDraft,
  emptyField,
  emptyRule,
  fieldInputId,
  move,
  parseOptions,
  toFormBody,
} from './designer-model.ts';

describe('codeFromLabel', () => {
  it('makes a lower-case ASCII code from a Vietnamese label', () => {
    expect(codeFromLabel('Số học sinh nữ')).toBe('so_hoc_sinh_nu');
    expect(codeFromLabel('Đường truyền (Mbps)')).toBe('duong_truyen_mbps');
    expect(codeFromLabel('10 lớp')).toBe('f_10_lop');
    expect(codeFromLabel('  ')).toBe('');
  });
});

describe('parseOptions', () => {
  it('reads one option per line, with or without its code', () => {
    expect(parseOptions('co: Có kết nối\nChưa kết nối\n\n')).toEqual([
      { code: 'co', label: 'Có kết nối' },
      { code: 'chua_ket_noi', label: 'Chưa kết nối' },
    ]);
  });
});

describe('toFormBody', () => {
  it('sends numbers as numbers, bounds only where the type has them, rules with constants', () => {
    const d = emptyDraft('00000000-0000-4000-8000-000000000001');
    d.code = 'BC-6T';
    d.title = 'Báo cáo 6 tháng';
    d.schoolLevels = ['thcs'];
    d.closesDaysAfterEnd = '-30';
    d.fields = [
      { ...emptyField(), code: 'so_hs', label: 'Số học sinh', min: '0', max: '2.000' },
      { ...emptyField(), code: 'ghi_chu', label: 'Ghi chú', type: 'text', max: '500' },
      { ...emptyField(), code: 'wifi', label: 'Wi-Fi', type: 'single_choice', options: 'co: Có\nkhong: Không' },
    ];
    d.rules = [{ ...emptyRule(), code: 'toi_da', left: 'so_hs', op: 'le', right: '1.500' }];
    const body = toFormBody(d) as {
      window: object;
      assignment: { schoolLevels: string[] };
      fields: Record<string, unknown>[];
      rules: Record<string, unknown>[];
    };
    expect(body.window).toEqual({ opensDaysBeforeEnd: 30, closesDaysAfterEnd: -30 });
    expect(body.assignment.schoolLevels).toEqual(['thcs']);
    expect(body.fields[0]).toMatchObject({ min: 0, max: 2000, minLength: null, options: [] });
    expect(body.fields[1]).toMatchObject({ min: null, max: null, maxLength: 500 });
    expect(body.fields[2]?.options).toHaveLength(2);
    expect(body.rules[0]).toMatchObject({ kind: 'compare', right: 1500, message: null });
  });
});

describe('designerFieldOf', () => {
  it("points a server error's path at the right row's input", () => {
    const d = emptyDraft('x');
    d.fields = [emptyField(), emptyField()];
    const second = d.fields[1]!;
    expect(designerFieldOf(d, 'body.fields.1.code')).toBe(fieldInputId(second.key, 'code'));
    expect(designerFieldOf(d, 'fields.1.maxLength')).toBe(fieldInputId(second.key, 'max'));
    expect(designerFieldOf(d, 'title')).toBe('rp-d-title');
    expect(designerFieldOf(d, 'window.closesDaysAfterEnd')).toBe('rp-d-closes');
    expect(designerFieldOf(d, 'nothing')).toBeNull();
  });
});

describe('move', () => {
  it('moves a row up or down and leaves the ends alone', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
