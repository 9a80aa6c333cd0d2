import { z } from 'zod';
import { IsoDate, Text, Uuid } from './common.schema.ts';

/**
 * The diploma registry (issue 5, items 1–4): master registers (sổ gốc cấp văn bằng,
 * Thông tư 21/2019/TT-BGDĐT), their entries, imports of digitised lists, corrections as
 * decisions and the public verification. Shared by the server and the web pages.
 */

export const Gender = z.enum(['male', 'female']);
export type Gender = z.infer<typeof Gender>;

/** A date of birth as old lists give it: a year, a month and year, or a full date. */
export const PartialDate = z
  .object({
    year: z.number().int().min(1900).max(2100),
    month: z.number().int().min(1).max(12).nullable(),
    day: z.number().int().min(1).max(31).nullable(),
  })
  .refine((d) => d.day === null || (d.month !== null && isRealDay(d.year, d.month, d.day)), {
    message: 'Ngày không tồn tại / No such day',
  });
export type PartialDate = z.infer<typeof PartialDate>;

export function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** dd/mm/yyyy, mm/yyyy or yyyy, as printed. */
export function formatPartialDate(d: PartialDate): string {
  const p = (n: number) => String(n).padStart(2, '0');
  if (d.month === null) return String(d.year);
  if (d.day === null) return `${p(d.month)}/${d.year}`;
  return `${p(d.day)}/${p(d.month)}/${d.year}`;
}

/**
 * Reads a date of birth as typed in lists: `12/3/1995`, `12-03-1995`, `12.03.1995`,
 * `1995-03-12`, `3/1995`, `1995`. Null when it is none of these or not a real day.
 */
export function parsePartialDate(raw: string): PartialDate | null {
  const s = raw.trim();
  let m = /^(\d{4})$/.exec(s);
  if (m) return checked({ year: Number(m[1]), month: null, day: null });
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return checked({ year: Number(m[2]), month: Number(m[1]), day: null });
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return checked({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) });
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return checked({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  return null;
}

function checked(d: PartialDate): PartialDate | null {
  return PartialDate.safeParse(d).success ? d : null;
}

// ── Reference data ───────────────────────────────────────────────────────────────────────────

export const DiplomaType = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  classifications: z.array(z.string()),
});
export type DiplomaType = z.infer<typeof DiplomaType>;

export const Register = z.object({
  id: Uuid,
  typeCode: z.string(),
  year: z.number().int(),
  issuingUnitId: Uuid,
  issuingUnitName: z.string(),
  entries: z.number().int(),
  corrections: z.number().int(),
});
export type Register = z.infer<typeof Register>;
export const RegisterList = z.object({ items: z.array(Register), types: z.array(DiplomaType) });
export type RegisterList = z.infer<typeof RegisterList>;

// ── Entries ──────────────────────────────────────────────────────────────────────────────────

export const EntrySummary = z.object({
  id: Uuid,
  typeCode: z.string(),
  year: z.number().int(),
  registerNo: z.string(),
  serial: z.string().nullable(),
  fullName: z.string(),
  birthDate: PartialDate,
  schoolName: z.string(),
  issuingUnitName: z.string(),
});
export type EntrySummary = z.infer<typeof EntrySummary>;

export const Change = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export const Correction = z.object({
  id: Uuid,
  decisionNo: z.string(),
  decisionDate: IsoDate,
  signer: z.string(),
  reason: z.string(),
  changes: z.array(Change),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type Correction = z.infer<typeof Correction>;

export const Entry = EntrySummary.extend({
  registerId: Uuid,
  birthPlace: z.string().nullable(),
  gender: Gender.nullable(),
  ethnicity: z.string().nullable(),
  schoolUnitId: Uuid.nullable(),
  classification: z.string().nullable(),
  decisionNo: z.string().nullable(),
  decisionDate: IsoDate.nullable(),
  issuingUnitId: Uuid,
  pageFileIds: z.array(Uuid),
  version: z.number().int(),
  corrections: z.array(Correction),
});
export type Entry = z.infer<typeof Entry>;

const opt = <T extends z.ZodType>(s: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), s.optional()) as unknown as z.ZodOptional<T>;

/** Staff search: any combination; at least one criterion. */
export const EntrySearchQuery = z
  .object({
    name: opt(Text(1, 150)),
    serial: opt(Text(1, 50)),
    birthYear: opt(z.coerce.number().int().min(1900).max(2100)),
    birthMonth: opt(z.coerce.number().int().min(1).max(12)),
    birthDay: opt(z.coerce.number().int().min(1).max(31)),
    year: opt(z.coerce.number().int().min(1945).max(2100)),
    typeCode: opt(z.string().max(40)),
    school: opt(Text(2, 200)),
    registerId: opt(Uuid),
    page: z.coerce.number().int().min(1).max(500).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => q.name || q.serial || q.birthYear || q.year || q.school || q.registerId, {
    message: 'Nhập ít nhất một tiêu chí tìm kiếm / Give at least one search criterion',
  });
export type EntrySearchQuery = z.output<typeof EntrySearchQuery>;

/** A page of results; `hasMore` rather than a total (counting a common name over 2 million rows costs more than the page). */
export const EntrySearchPage = z.object({
  items: z.array(EntrySummary),
  page: z.number().int(),
  pageSize: z.number().int(),
  hasMore: z.boolean(),
});
export type EntrySearchPage = z.infer<typeof EntrySearchPage>;

/** The fields a correction may change (the register number and serial are the diploma's identity). */
export const CORRECTABLE_FIELDS = [
  'fullName',
  'birthDate',
  'birthPlace',
  'gender',
  'ethnicity',
  'schoolName',
  'classification',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const CorrectionCreate = z.object({
  decisionNo: Text(1, 100),
  decisionDate: IsoDate,
  signer: Text(2, 150),
  reason: Text(2, 2000),
  /** The entry's version as read (optimistic concurrency). */
  version: z.number().int().min(1),
  changes: z
    .object({
      fullName: Text(2, 150).optional(),
      birthDate: PartialDate.optional(),
      birthPlace: Text(0, 200).nullable().optional(),
      gender: Gender.nullable().optional(),
      ethnicity: Text(0, 50).nullable().optional(),
      schoolName: Text(2, 200).optional(),
      classification: Text(0, 50).nullable().optional(),
    })
    .refine((c) => Object.keys(c).length > 0, { message: 'Không có thay đổi / Nothing to change' }),
});
export type CorrectionCreate = z.output<typeof CorrectionCreate>;

// ── Imports ──────────────────────────────────────────────────────────────────────────────────

/** The fields a column of a list can be mapped to. `birthDate` is one column; or day, month, year apart. */
export const IMPORT_FIELDS = [
  'typeCode',
  'year',
  'registerNo',
  'serial',
  'fullName',
  'birthDate',
  'birthDay',
  'birthMonth',
  'birthYear',
  'birthPlace',
  'gender',
  'ethnicity',
  'schoolName',
  'classification',
  'decisionNo',
  'decisionDate',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → column index (0-based) in the file. */
export const ImportMapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(500));
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportDefaults = z.object({
  /** The type of every row when no column gives it. */
  typeCode: z.string().max(40).optional(),
  /** The year of every row when no column gives it. */
  year: z.number().int().min(1945).max(2100).optional(),
});

export const ImportConfigure = z.object({
  mapping: ImportMapping,
  defaults: ImportDefaults.default({}),
});
export type ImportConfigure = z.output<typeof ImportConfigure>;

export const ImportStatus = z.enum(['uploaded', 'validating', 'validated', 'importing', 'done', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const ImportJob = z.object({
  id: Uuid,
  status: ImportStatus,
  filename: z.string(),
  format: z.enum(['xlsx', 'csv']),
  issuingUnitId: Uuid,
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  /** The mapping given, or the one guessed from the headers. */
  mapping: ImportMapping,
  guessed: z.boolean(),
  defaults: ImportDefaults,
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  validRows: z.number().int(),
  errorRows: z.number().int(),
  existingRows: z.number().int(),
  insertedRows: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type ImportJob = z.infer<typeof ImportJob>;

/** Why a row cannot be imported. */
export const ProblemCode = z.enum([
  'missing',
  'bad_date',
  'bad_number',
  'bad_value',
  'unknown_type',
  'duplicate_in_file',
  'conflict_with_registry',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

export const RowProblem = z.object({
  rowNo: z.number().int(),
  problems: z.array(z.object({ field: z.string(), code: ProblemCode, value: z.string().nullable().optional() })),
});
export type RowProblem = z.infer<typeof RowProblem>;
export const ImportReport = z.object({
  items: z.array(RowProblem),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportReportQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ImportUploadQuery = z.object({ issuingUnitId: Uuid });

// ── Public verification ──────────────────────────────────────────────────────────────────────

export const VerifyQuery = z.object({
  serial: Text(1, 50),
  name: Text(2, 150),
  /** Optional: dd/mm/yyyy, mm/yyyy, yyyy or yyyy-mm-dd; compared as far as the register knows it. */
  birthDate: z.string().max(20).optional(),
});
export type VerifyQuery = z.output<typeof VerifyQuery>;

/** Only what is meant for the public: never the birth place, ethnicity, gender or date of birth. */
export const PublicDiploma = z.object({
  fullName: z.string(),
  typeCode: z.string(),
  typeName: z.object({ vi: z.string(), en: z.string() }),
  year: z.number().int(),
  serial: z.string(),
  issuingUnitName: z.string(),
  classification: z.string().nullable(),
});
export type PublicDiploma = z.infer<typeof PublicDiploma>;

export const VerifyAnswer = z.object({
  match: z.boolean(),
  diploma: PublicDiploma.nullable(),
});
export type VerifyAnswer = z.infer<typeof VerifyAnswer>;

// ── Issuing units (the import wizard's picker) ─────────────────────────────────────────────────

/**
 * A unit that issues diplomas: the Sở GDĐT of today and the former ones (Kon Tum, Quảng Ngãi
 * before the merger), expired units included, with their validity and earlier names.
 */
export const IssuingUnit = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
  /** True when the unit no longer exists (valid_to in the past). */
  expired: z.boolean(),
  formerNames: z.array(z.object({ name: z.string(), validFrom: IsoDate.nullable(), validTo: IsoDate })),
});
export type IssuingUnit = z.infer<typeof IssuingUnit>;
export const IssuingUnitList = z.object({ items: z.array(IssuingUnit) });
export type IssuingUnitList = z.infer<typeof IssuingUnitList>;

// ── Scanned pages of the master register ───────────────────────────────────────────────────────

/** The upload purpose of scanned register pages (images and PDF). */
export const PAGE_UPLOAD_PURPOSE = 'diploma-pages';

export const PageScan = z.object({
  fileId: Uuid,
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** The label given when the page was attached to a range of the register ("Trang 12"), if any. */
  label: z.string().nullable(),
});
export type PageScan = z.infer<typeof PageScan>;
export const PageScanList = z.object({ items: z.array(PageScan) });
export type PageScanList = z.infer<typeof PageScanList>;

/** Files of finished uploads (purpose diploma-pages) to attach to one entry. */
export const PagesAttach = z.object({
  fileIds: z.array(Uuid).min(1).max(50),
});
export type PagesAttach = z.output<typeof PagesAttach>;

/** Files to attach to every entry of a register whose register number lies in a range. */
export const RegisterPagesAttach = z
  .object({
    fileIds: z.array(Uuid).min(1).max(50),
    fromNo: z.number().int().min(1).max(10_000_000),
    toNo: z.number().int().min(1).max(10_000_000),
    /** What the page is in the paper register ("Trang 12", "Tờ 6 mặt sau"), shown with the scan. */
    label: Text(1, 100).nullable().default(null),
  })
  .refine((b) => b.toNo >= b.fromNo && b.toNo - b.fromNo < 500, {
    message: 'số cuối không nhỏ hơn số đầu, tối đa 500 số / toNo ≥ fromNo, at most 500 numbers',
    path: ['toNo'],
  });
export type RegisterPagesAttach = z.output<typeof RegisterPagesAttach>;
export const RegisterPagesAttached = z.object({ entries: z.number().int() });

export const PageParams = z.object({ id: Uuid, fileId: Uuid });
