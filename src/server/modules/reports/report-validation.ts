import type {
  FieldError,
  FieldType,
  FieldValue,
  RuleOp,
  ValidationRule,
  Values,
} from '../../../shared/reports.schema.ts';

/** What validation needs of a field (FieldView without presentation). */
export interface FieldDef {
  id: string;
  code: string;
  label: string;
  type: FieldType;
  required: boolean;
  min: number | null;
  max: number | null;
  minLength: number | null;
  maxLength: number | null;
  pattern: string | null;
  options: { code: string; label: string }[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const err = (field: string, rule: string, vi: string, en: string): FieldError => ({ field, rule, vi, en });

const isEmpty = (v: FieldValue | undefined) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Checks one value's type and its own limits (not `required`): the errors of a draft save.
 * Empty values are fine here.
 */
export function checkValue(f: FieldDef, v: FieldValue | undefined): FieldError[] {
  if (isEmpty(v)) return [];
  const bad = (vi: string, en: string) => [err(f.code, 'type', `${f.label}: ${vi}`, `${f.label}: ${en}`)];
  switch (f.type) {
    case 'integer':
    case 'decimal': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return bad('phải là một số', 'must be a number');
      if (f.type === 'integer' && !Number.isInteger(v)) return bad('phải là số nguyên', 'must be a whole number');
      if (f.min !== null && v < f.min)
        return [
          err(f.code, 'min', `${f.label}: không được nhỏ hơn ${f.min}`, `${f.label}: must not be less than ${f.min}`),
        ];
      if (f.max !== null && v > f.max)
        return [
          err(f.code, 'max', `${f.label}: không được lớn hơn ${f.max}`, `${f.label}: must not be more than ${f.max}`),
        ];
      return [];
    }
    case 'text':
    case 'long_text': {
      if (typeof v !== 'string') return bad('phải là văn bản', 'must be text');
      const len = [...v.trim()].length;
      if (f.minLength !== null && len < f.minLength)
        return [
          err(
            f.code,
            'length',
            `${f.label}: cần ít nhất ${f.minLength} ký tự`,
            `${f.label}: needs at least ${f.minLength} characters`,
          ),
        ];
      const maxLen = f.maxLength ?? (f.type === 'text' ? 500 : 20000);
      if (len > maxLen)
        return [
          err(f.code, 'length', `${f.label}: tối đa ${maxLen} ký tự`, `${f.label}: at most ${maxLen} characters`),
        ];
      if (f.pattern !== null && !safeRegex(f.pattern).test(v.trim()))
        return [
          err(f.code, 'pattern', `${f.label}: không đúng định dạng`, `${f.label}: does not have the expected format`),
        ];
      return [];
    }
    case 'single_choice':
      if (typeof v !== 'string') return bad('chọn một phương án', 'choose one option');
      if (!f.options.some((o) => o.code === v))
        return [
          err(f.code, 'option', `${f.label}: phương án không có trong danh sách`, `${f.label}: not one of the options`),
        ];
      return [];
    case 'multiple_choice':
      if (!Array.isArray(v)) return bad('chọn một hoặc nhiều phương án', 'choose one or more options');
      if (v.some((x) => !f.options.some((o) => o.code === x)))
        return [
          err(f.code, 'option', `${f.label}: phương án không có trong danh sách`, `${f.label}: not one of the options`),
        ];
      if (new Set(v).size !== v.length)
        return [err(f.code, 'option', `${f.label}: phương án bị chọn trùng`, `${f.label}: an option is chosen twice`)];
      return [];
    case 'yes_no':
      return typeof v === 'boolean' ? [] : bad('chọn Có hoặc Không', 'choose yes or no');
    case 'date':
      if (typeof v !== 'string' || !DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
        return bad('ngày không hợp lệ (yyyy-mm-dd)', 'invalid date (yyyy-mm-dd)');
      if (new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) return bad('ngày không tồn tại', 'no such date');
      return [];
    case 'file':
      return typeof v === 'string' && UUID.test(v) ? [] : bad('tệp đính kèm không hợp lệ', 'invalid attached file');
  }
}

function safeRegex(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return /^$/;
  }
}

/** Whether a pattern compiles (checked when a form is saved). */
export function patternCompiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

const OPS: Record<RuleOp, { test: (a: number, b: number) => boolean; vi: string; en: string }> = {
  lt: { test: (a, b) => a < b, vi: 'phải nhỏ hơn', en: 'must be less than' },
  le: { test: (a, b) => a <= b + 1e-9, vi: 'không được lớn hơn', en: 'must not exceed' },
  eq: { test: (a, b) => Math.abs(a - b) < 1e-9, vi: 'phải bằng', en: 'must equal' },
  ge: { test: (a, b) => a + 1e-9 >= b, vi: 'không được nhỏ hơn', en: 'must not be less than' },
  gt: { test: (a, b) => a > b, vi: 'phải lớn hơn', en: 'must be greater than' },
};

/** Cross-field rules; a rule is checked only when every field it names has a number. */
export function checkRules(
  fields: readonly FieldDef[],
  rules: readonly ValidationRule[],
  values: Values,
): FieldError[] {
  const byCode = new Map(fields.map((f) => [f.code, f]));
  const num = (code: string) => {
    const v = values[code];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const label = (code: string) => byCode.get(code)?.label ?? code;
  const out: FieldError[] = [];
  for (const r of rules) {
    const op = OPS[r.op];
    if (r.kind === 'compare') {
      const a = num(r.left);
      const b = typeof r.right === 'number' ? r.right : num(r.right);
      if (a === null || b === null || op.test(a, b)) continue;
      const rightVi = typeof r.right === 'number' ? String(r.right) : `“${label(r.right)}”`;
      out.push(
        err(
          r.left,
          r.code,
          r.message?.vi || `“${label(r.left)}” ${op.vi} ${rightVi}`,
          r.message?.en ||
            `“${label(r.left)}” ${op.en} ${typeof r.right === 'number' ? r.right : `“${label(r.right)}”`}`,
        ),
      );
    } else {
      const terms = r.terms.map(num);
      const total = num(r.total);
      if (total === null || terms.some((t) => t === null)) continue;
      const sum = (terms as number[]).reduce((x, y) => x + y, 0);
      if (op.test(sum, total)) continue;
      const names = r.terms.map((c) => `“${label(c)}”`).join(' + ');
      out.push(
        err(
          r.total,
          r.code,
          r.message?.vi || `Tổng ${names} (= ${sum}) ${op.vi} “${label(r.total)}” (= ${total})`,
          r.message?.en || `The sum ${names} (= ${sum}) ${op.en} “${label(r.total)}” (= ${total})`,
        ),
      );
    }
  }
  return out;
}

/** Everything "complete" checks: unknown fields, types and limits, required fields, rules. */
export function validateForComplete(
  fields: readonly FieldDef[],
  rules: readonly ValidationRule[],
  values: Values,
): FieldError[] {
  const out = validateForSave(fields, values);
  for (const f of fields) {
    if (f.required && isEmpty(values[f.code]))
      out.push(err(f.code, 'required', `${f.label}: bắt buộc nhập`, `${f.label}: required`));
  }
  if (out.length === 0) out.push(...checkRules(fields, rules, values));
  return out;
}

/** What a draft save checks: unknown fields, types and limits (not required fields, not rules). */
export function validateForSave(fields: readonly FieldDef[], values: Values): FieldError[] {
  const byCode = new Map(fields.map((f) => [f.code, f]));
  const out: FieldError[] = [];
  for (const code of Object.keys(values)) {
    if (!byCode.has(code))
      out.push(err(code, 'unknown', `Trường “${code}” không có trong biểu mẫu`, `Field “${code}” is not in the form`));
  }
  for (const f of fields) out.push(...checkValue(f, values[f.code]));
  return out;
}
