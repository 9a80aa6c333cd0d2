import type { Aggregation, FieldType, FormDetail, PeriodType, RuleOp } from '../../../shared/reports.schema.ts';
import { foldText } from '../../lib/text.ts';
import { parseViNumber } from './report-values.ts';

/*
 * The form designer as plain data: what its inputs hold (numbers stay text until sent), how it
 * becomes the API's FormInput body, how a saved form comes back into it, and which input a
 * server error's path (`fields.2.code`) belongs to. Pure, so it is tested without a browser.
 */

/** One field as the designer edits it; `key` is local and stable while fields move. */
export interface FieldDraft {
  key: string;
  code: string;
  label: string;
  help: string;
  type: FieldType;
  section: string;
  required: boolean;
  min: string;
  max: string;
  /** One option per line: `label`, or `code: label`. */
  options: string;
  aggregation: Aggregation;
  unitLabel: string;
}

export interface SectionDraft {
  key: string;
  code: string;
  title: string;
}

/** A cross-field rule as typed: `left op right` or `a + b + c op total`. */
export interface RuleDraft {
  key: string;
  kind: 'compare' | 'sum';
  code: string;
  /** compare: the left field; sum: the terms, comma-separated. */
  left: string;
  op: RuleOp;
  /** compare: a field code or a number; sum: the total field. */
  right: string;
  message: string;
}

export interface DesignerDraft {
  code: string;
  title: string;
  description: string;
  kind: 'report' | 'survey';
  ownerUnitId: string;
  periodType: PeriodType;
  needsApproval: boolean;
  opensDaysBeforeEnd: string;
  closesDaysAfterEnd: string;
  remindDaysBefore: string;
  unitTypes: string[];
  schoolLevels: string[];
  /** Units of an explicit list, with their names for display. */
  units: { id: string; name: string }[];
  sections: SectionDraft[];
  fields: FieldDraft[];
  rules: RuleDraft[];
}

let counter = 0;
/** A fresh local key for a new row. */
export function newKey(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

export function emptyField(): FieldDraft {
  return {
    key: newKey('f'),
    code: '',
    label: '',
    help: '',
    type: 'integer',
    section: '',
    required: false,
    min: '',
    max: '',
    options: '',
    aggregation: 'sum',
    unitLabel: '',
  };
}

export function emptyRule(): RuleDraft {
  return { key: newKey('r'), kind: 'compare', code: '', left: '', op: 'le', right: '', message: '' };
}

export function emptyDraft(ownerUnitId: string): DesignerDraft {
  return {
    code: '',
    title: '',
    description: '',
    kind: 'report',
    ownerUnitId,
    periodType: 'six_monthly',
    needsApproval: true,
    opensDaysBeforeEnd: '30',
    closesDaysAfterEnd: '10',
    remindDaysBefore: '3',
    unitTypes: ['school'],
    schoolLevels: [],
    units: [],
    sections: [],
    fields: [emptyField()],
    rules: [],
  };
}

/** A field code from a label: `Số học sinh nữ` → `so_hoc_sinh_nu` (lower-case ASCII, ≤ 40). */
export function codeFromLabel(label: string): string {
  const base = foldText(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  if (base === '') return '';
  return /^[a-z]/.test(base) ? base : `f_${base}`.slice(0, 40);
}

/** Options typed one per line (`label` or `code: label`). */
export function parseOptions(text: string): { code: string; label: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^([a-z][a-z0-9_]{0,39})\s*:\s*(.+)$/.exec(line);
      return m ? { code: m[1] as string, label: (m[2] as string).trim() } : { code: codeFromLabel(line), label: line };
    });
}

const numberOrNull = (text: string): number | null | string => {
  const parsed = parseViNumber(text);
  if (parsed.kind === 'empty') return null;
  // An unreadable number goes as typed: the server's 400 names the field.
  return parsed.kind === 'valid' ? parsed.value : text;
};
const intOr = (text: string, fallback: number): number | string => {
  const parsed = parseViNumber(text);
  if (parsed.kind === 'empty') return fallback;
  return parsed.kind === 'valid' ? parsed.value : text;
};

const HAS_OPTIONS: readonly FieldType[] = ['single_choice', 'multiple_choice'];
const IS_NUMBER: readonly FieldType[] = ['integer', 'decimal'];
const HAS_LENGTH: readonly FieldType[] = ['text', 'long_text'];

/** The body of POST /api/reports/forms (and, with `version`, PUT). */
export function toFormBody(d: DesignerDraft): Record<string, unknown> {
  const fields = d.fields.map((f) => {
    const bounds = IS_NUMBER.includes(f.type) || HAS_LENGTH.includes(f.type);
    return {
      code: f.code.trim(),
      label: f.label,
      help: f.help.trim() || null,
      type: f.type,
      section: f.section || null,
      required: f.required,
      min: IS_NUMBER.includes(f.type) ? numberOrNull(f.min) : null,
      max: IS_NUMBER.includes(f.type) ? numberOrNull(f.max) : null,
      minLength: HAS_LENGTH.includes(f.type) && bounds ? numberOrNull(f.min) : null,
      maxLength: HAS_LENGTH.includes(f.type) && bounds ? numberOrNull(f.max) : null,
      options: HAS_OPTIONS.includes(f.type) ? parseOptions(f.options) : [],
      aggregation: f.aggregation,
      unitLabel: f.unitLabel.trim() || null,
    };
  });
  const rules = d.rules.map((r) => {
    const message = r.message.trim() ? { vi: r.message.trim(), en: '' } : null;
    if (r.kind === 'sum') {
      const terms = r.left
        .split(/[,+]/)
        .map((s) => s.trim())
        .filter(Boolean);
      return { kind: 'sum', code: r.code.trim(), terms, op: r.op, total: r.right.trim(), message };
    }
    const right = parseViNumber(r.right);
    return {
      kind: 'compare',
      code: r.code.trim(),
      left: r.left.trim(),
      op: r.op,
      right: right.kind === 'valid' ? right.value : r.right.trim(),
      message,
    };
  });
  return {
    code: d.code,
    title: d.title,
    description: d.description.trim() || null,
    kind: d.kind,
    ownerUnitId: d.ownerUnitId,
    periodType: d.periodType,
    needsApproval: d.needsApproval,
    window: {
      opensDaysBeforeEnd: intOr(d.opensDaysBeforeEnd, 30),
      closesDaysAfterEnd: intOr(d.closesDaysAfterEnd, 10),
    },
    assignment: {
      rootUnitId: null,
      unitTypes: d.unitTypes,
      schoolLevels: d.schoolLevels,
      unitIds: d.units.map((u) => u.id),
    },
    sections: d.sections.map((s) => ({ code: s.code.trim(), title: s.title, help: null })),
    fields,
    rules,
    remindDaysBefore: intOr(d.remindDaysBefore, 3),
  };
}

const text = (n: number | null) => (n == null ? '' : String(n).replace('.', ','));

/** A saved form back into the designer (the explicit units' names come from `unitNames`). */
export function fromDetail(f: FormDetail, unitNames: Record<string, string> = {}): DesignerDraft {
  return {
    code: f.code,
    title: f.title,
    description: f.description ?? '',
    kind: f.kind,
    ownerUnitId: f.ownerUnitId,
    periodType: f.periodType,
    needsApproval: f.needsApproval,
    opensDaysBeforeEnd: String(f.window.opensDaysBeforeEnd),
    closesDaysAfterEnd: String(f.window.closesDaysAfterEnd),
    remindDaysBefore: String(f.remindDaysBefore),
    unitTypes: f.assignment.unitTypes,
    schoolLevels: f.assignment.schoolLevels,
    units: f.assignment.unitIds.map((id) => ({ id, name: unitNames[id] ?? id })),
    sections: f.sections.map((s) => ({ key: newKey('s'), code: s.code, title: s.title })),
    fields: f.fields.map((x) => ({
      key: newKey('f'),
      code: x.code,
      label: x.label,
      help: x.help ?? '',
      type: x.type,
      section: x.section ?? '',
      required: x.required,
      min: text(HAS_LENGTH.includes(x.type) ? x.minLength : x.min),
      max: text(HAS_LENGTH.includes(x.type) ? x.maxLength : x.max),
      options: x.options.map((o) => `${o.code}: ${o.label}`).join('\n'),
      aggregation: x.aggregation,
      unitLabel: x.unitLabel ?? '',
    })),
    rules: f.rules.map((r) =>
      r.kind === 'sum'
        ? {
            key: newKey('r'),
            kind: 'sum',
            code: r.code,
            left: r.terms.join(', '),
            op: r.op,
            right: r.total,
            message: r.message?.vi ?? '',
          }
        : {
            key: newKey('r'),
            kind: 'compare',
            code: r.code,
            left: r.left,
            op: r.op,
            right: String(r.right),
            message: r.message?.vi ?? '',
          },
    ),
  };
}

/** Moves the item at `index` by `delta` (−1 up, +1 down); the same array when it cannot move. */
export function move<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** Input ids of the designer: the form's own inputs and each row's. */
export const DESIGNER_IDS = {
  code: 'rp-d-code',
  title: 'rp-d-title',
  description: 'rp-d-description',
  periodType: 'rp-d-period-type',
  opens: 'rp-d-opens',
  closes: 'rp-d-closes',
  remind: 'rp-d-remind',
  unitTypes: 'rp-d-unit-types',
  fieldsHeading: 'rp-d-fields',
} as const;
export const fieldInputId = (key: string, part: string) => `rp-d-${key}-${part}`;

const FIELD_PARTS: Record<string, string> = {
  code: 'code',
  label: 'label',
  help: 'help',
  type: 'type',
  section: 'section',
  min: 'min',
  max: 'max',
  minLength: 'min',
  maxLength: 'max',
  options: 'options',
  unitLabel: 'unit',
};

/**
 * The input a server error's path belongs to: `body.title` / `title` → the title input;
 * `fields.2.code` → the code input of the third field row; `rules.0.left` → that rule's left input.
 */
export function designerFieldOf(draft: DesignerDraft, path: string): string | null {
  const parts = path.replace(/^body\./, '').split('.');
  const [head, index, part] = parts;
  switch (head) {
    case 'code':
      return DESIGNER_IDS.code;
    case 'title':
      return DESIGNER_IDS.title;
    case 'description':
      return DESIGNER_IDS.description;
    case 'periodType':
      return DESIGNER_IDS.periodType;
    case 'window':
      return index === 'opensDaysBeforeEnd' ? DESIGNER_IDS.opens : DESIGNER_IDS.closes;
    case 'remindDaysBefore':
      return DESIGNER_IDS.remind;
    case 'assignment':
      return DESIGNER_IDS.unitTypes;
    case 'fields': {
      const row = draft.fields[Number(index)];
      if (!row) return DESIGNER_IDS.fieldsHeading;
      return fieldInputId(row.key, (part && FIELD_PARTS[part]) ?? 'label');
    }
    case 'sections': {
      const row = draft.sections[Number(index)];
      return row ? fieldInputId(row.key, part === 'title' ? 'title' : 'code') : null;
    }
    case 'rules': {
      const row = draft.rules[Number(index)];
      if (!row) return null;
      const p = part === 'right' || part === 'total' ? 'right' : part === 'code' ? 'code' : 'left';
      return fieldInputId(row.key, p);
    }
    default:
      return null;
  }
}
