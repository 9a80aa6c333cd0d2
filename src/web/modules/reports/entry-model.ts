import type {
  FieldType,
  FieldView,
  SubmissionStatus,
  SubmissionSummary,
  Values,
} from '../../../shared/reports.schema.ts';
import { formatViNumber, parseViNumber } from './report-values.ts';

/*
 * The entry form as plain data: what each input holds (numbers as typed text, choices as codes,
 * yes/no as 'yes' | 'no' | ''), how it becomes the API's values, and the status a unit sees.
 */

/** What one input holds. */
export type RawValue = string | string[];
export type RawValues = Record<string, RawValue>;

const NUMERIC: readonly FieldType[] = ['integer', 'decimal'];

/** The input id of a field (server details `values.<code>` point here). */
export const valueInputId = (code: string) => `rp-v-${code}`;

/** A field's stored value as its input shows it. */
export function rawOf(field: FieldView, value: Values[string] | undefined): RawValue {
  if (value == null) return field.type === 'multiple_choice' ? [] : '';
  if (field.type === 'multiple_choice') return Array.isArray(value) ? value : [String(value)];
  if (field.type === 'yes_no') return value === true ? 'yes' : value === false ? 'no' : '';
  if (NUMERIC.includes(field.type) && typeof value === 'number') return formatViNumber(value);
  return String(value);
}

export function rawValuesOf(fields: readonly FieldView[], values: Values): RawValues {
  return Object.fromEntries(fields.map((f) => [f.code, rawOf(f, values[f.code])]));
}

/**
 * The API's values from the inputs: blanks become null, numbers are read the Vietnamese way.
 * `problems` lists the fields whose text is not a number (kept out of the values).
 */
export function toValues(fields: readonly FieldView[], raw: RawValues): { values: Values; problems: string[] } {
  const values: Values = {};
  const problems: string[] = [];
  for (const f of fields) {
    const r = raw[f.code];
    if (f.type === 'multiple_choice') {
      values[f.code] = Array.isArray(r) && r.length > 0 ? r : null;
      continue;
    }
    const s = typeof r === 'string' ? r.trim() : '';
    if (s === '') {
      values[f.code] = null;
    } else if (NUMERIC.includes(f.type)) {
      const n = parseViNumber(s);
      if (n.kind === 'valid') values[f.code] = n.value;
      else {
        problems.push(f.code);
        values[f.code] = null;
      }
    } else if (f.type === 'yes_no') {
      values[f.code] = s === 'yes';
    } else {
      values[f.code] = s;
    }
  }
  return { values, problems };
}

/** What a unit sees of its report: the API's status, or locked / not yet open when it may not write. */
export type DisplayStatus = SubmissionStatus | 'locked' | 'scheduled';

export function displayStatus(s: Pick<SubmissionSummary, 'status' | 'open' | 'opensOn'>, today: string): DisplayStatus {
  if (s.open || s.status === 'approved' || s.status === 'completed') return s.status;
  return today < s.opensOn ? 'scheduled' : 'locked';
}
