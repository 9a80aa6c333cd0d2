import { describe, expect, it } from 'vitest';
import type { FieldView } from '../../../shared/reports.schema.ts';
import { displayStatus, rawValuesOf, toValues } from './entry-model.ts';

const field = (code: string, type: FieldView['type']): FieldView => ({
  id: '00000000-0000-4000-8000-000000000000',
  code,
  label: code,
  help: null,
  type,
  section: null,
  required: false,
  min: null,
  max: null,
  minLength: null,
  maxLength: null,
  pattern: null,
  options: [],
  aggregation: 'sum',
  unitLabel: null,
  seq: 0,
});

const fields = [
  field('pupils', 'integer'),
  field('area', 'decimal'),
  field('note', 'text'),
  field('wifi', 'yes_no'),
  field('subjects', 'multiple_choice'),
];

describe('toValues', () => {
  it('reads Vietnamese numbers, yes/no and choices; blanks become null', () => {
    const { values, problems } = toValues(fields, {
      pupils: '1.250',
      area: '12,5',
      note: '  ',
      wifi: 'no',
      subjects: ['toan'],
    });
    expect(problems).toEqual([]);
    expect(values).toEqual({ pupils: 1250, area: 12.5, note: null, wifi: false, subjects: ['toan'] });
  });

  it('names the fields whose text is not a number', () => {
    expect(toValues(fields, { pupils: '12 em', area: '' }).problems).toEqual(['pupils']);
  });

  it('round-trips stored values through the inputs', () => {
    const stored = { pupils: 1250, area: 12.5, note: 'x', wifi: true, subjects: ['toan', 'van'] };
    expect(toValues(fields, rawValuesOf(fields, stored)).values).toEqual(stored);
  });
});

describe('displayStatus', () => {
  it('shows a closed, unfinished report as locked and a future one as not open yet', () => {
    expect(displayStatus({ status: 'draft', open: false, opensOn: '2026-06-01' }, '2026-07-01')).toBe('locked');
    expect(displayStatus({ status: 'not_started', open: false, opensOn: '2026-06-01' }, '2026-05-01')).toBe(
      'scheduled',
    );
    expect(displayStatus({ status: 'completed', open: false, opensOn: '2026-06-01' }, '2026-07-01')).toBe('completed');
    expect(displayStatus({ status: 'returned', open: true, opensOn: '2026-06-01' }, '2026-06-02')).toBe('returned');
  });
});
