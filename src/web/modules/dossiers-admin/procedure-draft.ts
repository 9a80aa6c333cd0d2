import type { FileKind, Procedure } from '../../../shared/dossiers.schema.ts';
import type { ProcedureCreateBody, ProcedureUpdateBody } from './dossiers-admin-api.ts';

export const FILE_KINDS: readonly FileKind[] = ['pdf', 'jpeg', 'png'];
export const MODES = ['toan_trinh', 'mot_phan'] as const;
export type Mode = (typeof MODES)[number];

/** A document rule as typed (numbers stay text until saved). `key` keeps React rows stable. */
export interface DocumentDraft {
  key: number;
  code: string;
  nameVi: string;
  nameEn: string;
  required: boolean;
  accepted: FileKind[];
  maxSizeMb: string;
}

/** The procedure form as typed. */
export interface ProcedureDraft {
  code: string;
  codePrefix: string;
  nameVi: string;
  nameEn: string;
  mode: Mode;
  unitType: string;
  processingDays: string;
  cutoffTime: string;
  feeVnd: string;
  active: boolean;
  documents: DocumentDraft[];
}

let nextKey = 1;

export function newDocument(): DocumentDraft {
  return {
    key: nextKey++,
    code: '',
    nameVi: '',
    nameEn: '',
    required: true,
    accepted: [...FILE_KINDS],
    maxSizeMb: '5',
  };
}

/** `1.5` → `1,5`: numbers are shown with the Vietnamese decimal comma. */
const decimalText = (n: number) => String(n).replace('.', ',');

/** The form for a procedure read from the API, or a blank one for a new procedure. */
export function draftOf(p?: Procedure): ProcedureDraft {
  if (!p)
    return {
      code: '',
      codePrefix: '',
      nameVi: '',
      nameEn: '',
      mode: 'toan_trinh',
      unitType: 'school',
      processingDays: '',
      cutoffTime: '17:00',
      feeVnd: '0',
      active: true,
      documents: [],
    };
  return {
    code: p.code,
    codePrefix: p.codePrefix,
    nameVi: p.name.vi,
    nameEn: p.name.en,
    mode: p.mode,
    unitType: p.unitType,
    processingDays: String(p.processingDays),
    cutoffTime: p.cutoffTime,
    feeVnd: String(p.feeVnd),
    active: p.active,
    documents: p.documents.map((d) => ({
      key: nextKey++,
      code: d.code,
      nameVi: d.nameVi,
      nameEn: d.nameEn,
      required: d.required,
      accepted: FILE_KINDS.filter((k) => d.accepted.includes(k)),
      maxSizeMb: decimalText(d.maxSizeMb),
    })),
  };
}

/**
 * A whole number as typed: `150.000`, `150 000` (thousands separators) or `150000`. Blank or
 * anything else is NaN (the form names the field). Vietnamese writes thousands with '.'.
 */
export function parseWhole(text: string): number {
  const v = text.trim().replace(/[.\s\u00a0]/g, '');
  return /^\d{1,10}$/.test(v) ? Number(v) : Number.NaN;
}

/** A decimal as typed, with a comma or a point: `1,5` → 1.5; anything else NaN. */
export function parseDecimal(text: string): number {
  const v = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
}

/** Field id → translation key of a problem found before sending. */
export type Problems = Record<string, string>;

type Values = Omit<ProcedureCreateBody, 'code' | 'codePrefix' | 'ownerModule'>;

/** The typed form as API values, and the fields whose text is not a number. */
export function valuesOf(d: ProcedureDraft): { values: Values; problems: Problems } {
  const problems: Problems = {};
  const processingDays = parseWhole(d.processingDays);
  if (Number.isNaN(processingDays)) problems['proc-processingDays'] = 'dossiersAdmin.problem.wholeNumber';
  const feeVnd = parseWhole(d.feeVnd);
  if (Number.isNaN(feeVnd)) problems['proc-feeVnd'] = 'dossiersAdmin.problem.wholeNumber';
  const documents = d.documents.map((doc, i) => {
    const maxSizeMb = parseDecimal(doc.maxSizeMb);
    if (Number.isNaN(maxSizeMb)) problems[`doc-${i}-maxSizeMb`] = 'dossiersAdmin.problem.number';
    if (doc.accepted.length === 0) problems[`doc-${i}-accepted`] = 'dossiersAdmin.problem.accepted';
    return {
      code: doc.code.trim(),
      nameVi: doc.nameVi,
      nameEn: doc.nameEn,
      required: doc.required,
      accepted: doc.accepted,
      maxSizeMb,
    };
  });
  return {
    values: {
      nameVi: d.nameVi,
      nameEn: d.nameEn,
      mode: d.mode,
      unitType: d.unitType,
      processingDays,
      cutoffTime: d.cutoffTime.trim(),
      feeVnd,
      active: d.active,
      documents,
    },
    problems,
  };
}

/**
 * Only what changed, so that the audit log's before/after names only the edited fields
 * (ProceduresService.update records the keys of the patch).
 */
export function changesOf(p: Procedure, v: Values): Omit<ProcedureUpdateBody, 'expectedVersion'> {
  const before: Values = {
    nameVi: p.name.vi,
    nameEn: p.name.en,
    mode: p.mode,
    unitType: p.unitType,
    processingDays: p.processingDays,
    cutoffTime: p.cutoffTime,
    feeVnd: p.feeVnd,
    active: p.active,
    documents: p.documents,
  };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v) as (keyof Values)[]) {
    if (JSON.stringify(v[key]) !== JSON.stringify(before[key])) out[key] = v[key];
  }
  return out as Omit<ProcedureUpdateBody, 'expectedVersion'>;
}

/**
 * The form field an API detail path points at (`body.documents.2.maxSizeMb` → `doc-2-maxSizeMb`),
 * or null. The ids are those of focusable inputs: the error summary links move focus there.
 */
export function fieldIdOf(path: string): string | null {
  const parts = path.replace(/^body\./, '').split('.');
  const [head, index, field] = parts;
  if (head === 'documents') {
    if (index === undefined) return 'proc-documents';
    if (!/^\d+$/.test(index)) return 'proc-documents';
    return `doc-${index}-${field && field !== '' ? field : 'code'}`;
  }
  const known = [
    'code',
    'codePrefix',
    'nameVi',
    'nameEn',
    'mode',
    'unitType',
    'processingDays',
    'cutoffTime',
    'feeVnd',
    'active',
  ];
  return head && known.includes(head) ? `proc-${head}` : null;
}
