import type { FileDetail } from '../../../shared/archive.schema.ts';
import { ACCESS_LEVELS, RELIABILITIES } from '../../../shared/archive.schema.ts';

/*
 * The archivist's file form (Thông tư 05/2025/TT-BNV) as plain data: what the inputs hold
 * (numbers and lists as text), how it becomes the API's body (FileCreate / FilePatch), and which
 * field a server error's path belongs to. Pure, so that it is tested without a browser.
 */

export { ACCESS_LEVELS, RELIABILITIES };
export type AccessLevelValue = (typeof ACCESS_LEVELS)[number];
export type ReliabilityValue = (typeof RELIABILITIES)[number];

/** The id of each field's input, which a server error's path is mapped to. */
export const FIELD_IDS = {
  fondsId: 'arc-fonds',
  code: 'arc-code',
  title: 'arc-title',
  retentionYears: 'arc-retention',
  accessLevel: 'arc-access',
  language: 'arc-language',
  startDate: 'arc-start',
  endDate: 'arc-end',
  keywords: 'arc-keywords',
  sheetCount: 'arc-sheets',
  pageCount: 'arc-pages',
  reliability: 'arc-reliability',
  physicalCondition: 'arc-condition',
  paperCode: 'arc-paper',
  creatorUnitId: 'arc-creator',
} as const;
export type FileFieldName = keyof typeof FIELD_IDS;

/** The label key of each field (a server message is prefixed with it so the summary reads on its own). */
export const LABEL_KEYS: Record<FileFieldName, string> = {
  fondsId: 'archive.file.fonds',
  code: 'archive.file.code',
  title: 'archive.form.title',
  retentionYears: 'archive.file.retention',
  accessLevel: 'archive.file.access',
  language: 'archive.file.language',
  startDate: 'archive.form.startDate',
  endDate: 'archive.form.endDate',
  keywords: 'archive.file.keywords',
  sheetCount: 'archive.form.sheets',
  pageCount: 'archive.form.pages',
  reliability: 'archive.file.reliability',
  physicalCondition: 'archive.file.condition',
  paperCode: 'archive.file.paperCode',
  creatorUnitId: 'archive.file.creator',
};

export interface FileDraft {
  fondsId: string;
  /** The part of the code after the fonds' identifier: `<year>.<number>`. */
  codeRest: string;
  title: string;
  /** 'permanent' or 'years'. */
  retention: 'permanent' | 'years';
  retentionYears: string;
  accessLevel: AccessLevelValue;
  language: string;
  /** ISO dates; '' when blank, null while the typed text is not a date. */
  startDate: string | null;
  endDate: string | null;
  /** Comma-separated. */
  keywords: string;
  sheetCount: string;
  pageCount: string;
  reliability: ReliabilityValue;
  physicalCondition: string;
  paperCode: string;
  creatorUnitId: string;
}

export function emptyFileDraft(fondsId = '', creatorUnitId = ''): FileDraft {
  return {
    fondsId,
    codeRest: '',
    title: '',
    retention: 'years',
    retentionYears: '',
    accessLevel: 'internal',
    language: 'vi',
    startDate: '',
    endDate: '',
    keywords: '',
    sheetCount: '0',
    pageCount: '0',
    reliability: 'original',
    physicalCondition: '',
    paperCode: '',
    creatorUnitId,
  };
}

/** The draft of an existing file (its code is fixed once described). */
export function draftFromFile(f: FileDetail): FileDraft {
  return {
    fondsId: f.fondsId,
    codeRest: '',
    title: f.title,
    retention: f.retentionYears === null ? 'permanent' : 'years',
    retentionYears: f.retentionYears === null ? '' : String(f.retentionYears),
    accessLevel: f.accessLevel,
    language: f.language,
    startDate: f.startDate,
    endDate: f.endDate,
    keywords: f.keywords.join(', '),
    sheetCount: String(f.sheetCount),
    pageCount: String(f.pageCount),
    reliability: f.reliability,
    physicalCondition: f.physicalCondition ?? '',
    paperCode: f.paperCode ?? '',
    creatorUnitId: f.creatorUnitId,
  };
}

/** The whole code: the fonds' identifier, a dot, then what the archivist typed. */
export function fullCode(prefix: string, rest: string): string {
  const tail = rest.trim().replace(/^\.+/, '').toUpperCase();
  return tail ? `${prefix}.${tail}` : prefix;
}

/** Comma- or semicolon-separated keywords, trimmed, blanks dropped (duplicates are the server's to refuse). */
export function splitKeywords(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

/** A whole number typed in a field; other text is sent as it is, for the server to refuse with its message. */
function int(text: string): number | string {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : t;
}

/** The fields the API takes for a file, from the draft. */
export function fileFields(d: FileDraft) {
  return {
    title: d.title,
    retentionYears: d.retention === 'permanent' ? null : int(d.retentionYears),
    accessLevel: d.accessLevel,
    language: d.language,
    startDate: d.startDate ?? '',
    endDate: d.endDate ?? '',
    keywords: splitKeywords(d.keywords),
    sheetCount: int(d.sheetCount || '0'),
    pageCount: int(d.pageCount || '0'),
    reliability: d.reliability,
    physicalCondition: d.physicalCondition.trim() || null,
    paperCode: d.paperCode.trim() || null,
    creatorUnitId: d.creatorUnitId,
  };
}

export function createBody(d: FileDraft, prefix: string) {
  return { fondsId: d.fondsId, code: fullCode(prefix, d.codeRest), ...fileFields(d) };
}

export function patchBody(d: FileDraft, expectedVersion: number) {
  return { ...fileFields(d), expectedVersion };
}

/**
 * Problems the form sees before sending (the server checks everything again): dates the
 * archivist typed that are not dates, and a number field holding something else.
 * Field id → label key of the message.
 */
export function checkFileDraft(d: FileDraft): Partial<Record<FileFieldName, string>> {
  const out: Partial<Record<FileFieldName, string>> = {};
  if (d.startDate === null) out.startDate = 'archive.form.badDate';
  if (d.endDate === null) out.endDate = 'archive.form.badDate';
  if (d.retention === 'years' && !/^\d+$/.test(d.retentionYears.trim())) out.retentionYears = 'archive.form.badYears';
  if (!/^\d*$/.test(d.sheetCount.trim())) out.sheetCount = 'archive.form.badNumber';
  if (!/^\d*$/.test(d.pageCount.trim())) out.pageCount = 'archive.form.badNumber';
  return out;
}

/** The field id a server error's path (`body.code`, `keywords.2`…) belongs to, or null. */
export function fieldOfPath(path: string): string | null {
  const head = path.split('.').filter((p) => p !== '' && p !== 'body')[0];
  if (head === undefined) return null;
  if (head === 'expectedVersion') return null;
  return Object.hasOwn(FIELD_IDS, head) ? FIELD_IDS[head as FileFieldName] : null;
}

/** The server writes its rule messages "vi / en": the part in the UI language. */
export function messageIn(message: string, lang: string | undefined): string {
  const parts = message.split(' / ');
  if (parts.length !== 2) return message;
  return lang === 'en' ? parts[1]!.trim() : parts[0]!.trim();
}
