import { describe, expect, it } from 'vitest';
import { checkRules, type FieldDef, validateForComplete, validateForSave } from './report-validation.ts';

const f = (code: string, type: FieldDef['type'], over: Partial<FieldDef> = {}): FieldDef => ({
  id: code,
  code,
  label: code,
  type,
  required: false,
  min: null,
  max: null,
  minLength: null,
  maxLength: null,
  pattern: null,
  options: [],
  ...over,
});

describe('report values', () => {
  it('checks numbers: whole numbers, bounds', () => {
    const fields = [f('n', 'integer', { min: 0, max: 10 }), f('d', 'decimal')];
    expect(validateForSave(fields, { n: 5, d: 2.5 })).toEqual([]);
    expect(validateForSave(fields, { n: 1.5 }).map((e) => e.rule)).toEqual(['type']);
    expect(validateForSave(fields, { n: 11 }).map((e) => e.rule)).toEqual(['max']);
    expect(validateForSave(fields, { n: -1 })[0]).toMatchObject({ rule: 'min', vi: 'n: không được nhỏ hơn 0' });
    expect(validateForSave(fields, { d: '3' }).map((e) => e.rule)).toEqual(['type']);
  });

  it('checks text length and pattern, choices, yes/no, dates and files', () => {
    const fields = [
      f('t', 'text', { minLength: 2, maxLength: 5, pattern: '[A-Z]+' }),
      f('c', 'single_choice', {
        options: [
          { code: 'a', label: 'A' },
          { code: 'b', label: 'B' },
        ],
      }),
      f('m', 'multiple_choice', {
        options: [
          { code: 'a', label: 'A' },
          { code: 'b', label: 'B' },
        ],
      }),
      f('y', 'yes_no'),
      f('day', 'date'),
      f('file', 'file'),
    ];
    expect(
      validateForSave(fields, {
        t: 'ABC',
        c: 'a',
        m: ['a', 'b'],
        y: false,
        day: '2024-02-29',
        file: '0b5e1f4c-7a3e-4c1e-9d2a-3f6b8c9d0e1f',
      }),
    ).toEqual([]);
    const errs = validateForSave(fields, { t: 'A', c: 'z', m: ['a', 'a'], y: 1, day: '2025-02-29', file: 'x' });
    expect(errs.map((e) => [e.field, e.rule])).toEqual([
      ['t', 'length'],
      ['c', 'option'],
      ['m', 'option'],
      ['y', 'type'],
      ['day', 'type'],
      ['file', 'type'],
    ]);
    expect(validateForSave(fields, { t: 'abc' }).map((e) => e.rule)).toEqual(['pattern']);
    expect(validateForSave(fields, { zz: 1 }).map((e) => e.rule)).toEqual(['unknown']);
  });

  it('requires required fields only on complete; empty strings and lists count as empty', () => {
    const fields = [
      f('a', 'text', { required: true }),
      f('b', 'multiple_choice', {
        required: true,
        options: [
          { code: 'x', label: 'X' },
          { code: 'y', label: 'Y' },
        ],
      }),
    ];
    expect(validateForSave(fields, { a: ' ' })).toEqual([]);
    expect(validateForComplete(fields, [], { a: ' ', b: [] }).map((e) => [e.field, e.rule])).toEqual([
      ['a', 'required'],
      ['b', 'required'],
    ]);
  });

  it('applies cross-field rules as data: A ≤ B, a constant, sum of terms = total', () => {
    const fields = [f('a', 'integer'), f('b', 'integer'), f('c', 'integer')];
    const rules = [
      { kind: 'compare' as const, code: 'a_le_b', left: 'a', op: 'le' as const, right: 'b', message: null },
      { kind: 'compare' as const, code: 'c_gt_0', left: 'c', op: 'gt' as const, right: 0, message: null },
      {
        kind: 'sum' as const,
        code: 'ab_c',
        terms: ['a', 'b'],
        op: 'eq' as const,
        total: 'c',
        message: { vi: 'Tổng sai', en: 'Wrong sum' },
      },
    ];
    expect(checkRules(fields, rules, { a: 1, b: 2, c: 3 })).toEqual([]);
    const e = checkRules(fields, rules, { a: 3, b: 2, c: 4 });
    expect(e.map((x) => x.rule)).toEqual(['a_le_b', 'ab_c']);
    expect(e[1]).toMatchObject({ field: 'c', vi: 'Tổng sai', en: 'Wrong sum' });
    expect(checkRules(fields, rules, { a: 3 })).toEqual([]);
    expect(checkRules(fields, rules, { c: 0 }).map((x) => x.rule)).toEqual(['c_gt_0']);
  });
});
