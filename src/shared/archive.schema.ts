import { z } from 'zod';
import { IsoDate, Paging, pageOf, Text, Uuid } from './common.schema.ts';

/**
 * The electronic archive (issue 5, items 6–9): fonds → files (hồ sơ) → documents, described
 * with the file-level metadata of Thông tư 05/2025/TT-BNV.
 */

export const ACCESS_LEVELS = ['public', 'internal', 'restricted'] as const;
export const AccessLevel = z.enum(ACCESS_LEVELS);
export type AccessLevel = z.infer<typeof AccessLevel>;

/** original: born electronic or the paper original; digitised: a scan of a paper file; copy. */
export const RELIABILITIES = ['original', 'digitised', 'copy'] as const;
export const Reliability = z.enum(RELIABILITIES);

export const BACKUP_STATUSES = ['none', 'backed_up', 'verified'] as const;
export const BackupStatus = z.enum(BACKUP_STATUSES);

/** The creating body's identifier (mã định danh điện tử của cơ quan), e.g. `000.00.31.H48`. */
export const ORG_IDENTIFIER = /^[0-9A-Z]{2,4}(\.[0-9A-Z]{2,4}){1,4}$/;
/** A file code: `<org identifier>.<year>.<number>` (mã hồ sơ, Thông tư 05/2025/TT-BNV). */
export const FILE_CODE =
  /^(?<org>[0-9A-Z]{2,4}(?:\.[0-9A-Z]{2,4}){1,4})\.(?<year>(?:19|20)\d{2})\.(?<number>[0-9A-Z-]{1,20})$/;

/** Splits a file code into its parts, or null when it does not have the form. */
export function parseFileCode(code: string): { org: string; year: number; number: string } | null {
  const m = FILE_CODE.exec(code);
  if (!m?.groups) return null;
  return { org: m.groups.org!, year: Number(m.groups.year), number: m.groups.number! };
}

export const FondsInput = z.object({
  orgIdentifier: z
    .string()
    .trim()
    .toUpperCase()
    .regex(ORG_IDENTIFIER, 'mã định danh dạng 000.00.31.H48 / identifier like 000.00.31.H48'),
  name: Text(2, 300),
  unitId: Uuid,
  startYear: z.number().int().min(1900).max(2100),
  endYear: z.number().int().min(1900).max(2100).nullable().default(null),
  description: Text(0, 4000).nullable().default(null),
});
export type FondsInput = z.output<typeof FondsInput>;

export const Fonds = z.object({
  id: Uuid,
  orgIdentifier: z.string(),
  name: z.string(),
  unitId: Uuid,
  unitName: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int().nullable(),
  description: z.string().nullable(),
  fileCount: z.number().int(),
  version: z.number().int(),
});
export type Fonds = z.infer<typeof Fonds>;
export const FondsList = z.object({ items: z.array(Fonds) });

/**
 * What an archivist may change of a fonds: its name, its end year (closing the fonds when the
 * creating body ends, e.g. the former Sở GDĐT Kon Tum in 2025) and its description. The
 * identifier, the unit and the start year are fixed: every file code depends on them.
 * `version` is the one the form was read at (optimistic concurrency).
 */
export const FondsUpdate = z.object({
  name: Text(2, 300),
  endYear: z.number().int().min(1900).max(2100).nullable(),
  description: Text(0, 4000).nullable().default(null),
  version: z.number().int().min(1),
});
export type FondsUpdate = z.output<typeof FondsUpdate>;

/** The describable fields of a file (everything but the fonds, the code and the counters kept by the system). */
const FileFields = {
  title: Text(2, 1000),
  /** null: permanent (vĩnh viễn). */
  retentionYears: z.number().int().min(1).max(100).nullable(),
  accessLevel: AccessLevel,
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2,3}$/, 'mã ngôn ngữ ISO 639 / ISO 639 code')
    .default('vi'),
  startDate: IsoDate,
  endDate: IsoDate,
  keywords: z.array(Text(1, 100)).max(30).default([]),
  sheetCount: z.number().int().min(0).default(0),
  pageCount: z.number().int().min(0).default(0),
  reliability: Reliability,
  physicalCondition: Text(1, 500).nullable().default(null),
  paperCode: Text(1, 100).nullable().default(null),
  backupStatus: BackupStatus.default('none'),
  /** The unit that made the file; its name at the file's start date is stored with it. */
  creatorUnitId: Uuid,
};

export const FileCreate = z.object({
  fondsId: Uuid,
  code: z.string().trim().toUpperCase(),
  ...FileFields,
});
export type FileCreate = z.output<typeof FileCreate>;

export const FilePatch = z
  .object(FileFields)
  .partial()
  .extend({ expectedVersion: z.number().int().min(1) });
export type FilePatch = z.output<typeof FilePatch>;

export const DocumentCreate = z.object({
  title: Text(2, 1000),
  docNumber: Text(1, 100).nullable().default(null),
  docDate: IsoDate.nullable().default(null),
  author: Text(1, 300).nullable().default(null),
  pageCount: z.number().int().min(0).nullable().default(null),
  /** A stored file (e.g. the caller's finished upload). */
  storedFileId: Uuid.nullable().default(null),
});
export type DocumentCreate = z.output<typeof DocumentCreate>;

/** A change to a document's description (its stored file never changes: add another document). */
export const DocumentPatch = z
  .object({
    title: Text(2, 1000),
    docNumber: Text(1, 100).nullable(),
    docDate: IsoDate.nullable(),
    author: Text(1, 300).nullable(),
    pageCount: z.number().int().min(0).nullable(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type DocumentPatch = z.output<typeof DocumentPatch>;

/** Withdrawing a document from its file: it stays recorded with the reason (never deleted). */
export const DocumentWithdraw = z.object({ reason: Text(5, 2000) });
export type DocumentWithdraw = z.output<typeof DocumentWithdraw>;

export const ArchiveDocument = z.object({
  id: Uuid,
  seq: z.number().int(),
  title: z.string(),
  docNumber: z.string().nullable(),
  docDate: z.string().nullable(),
  author: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  file: z
    .object({ filename: z.string(), contentType: z.string(), sizeBytes: z.number(), sha256: z.string() })
    .nullable(),
  /** Set when the document was withdrawn ("đã rút"); only archivists are shown such documents. */
  withdrawn: z.object({ at: z.string(), byName: z.string().nullable(), reason: z.string() }).nullable(),
});
export type ArchiveDocument = z.infer<typeof ArchiveDocument>;

export const FileSummary = z.object({
  id: Uuid,
  fondsId: Uuid,
  fondsName: z.string(),
  code: z.string(),
  year: z.number().int(),
  title: z.string(),
  accessLevel: AccessLevel,
  startDate: z.string(),
  endDate: z.string(),
  retentionYears: z.number().int().nullable(),
  documentCount: z.number().int(),
  creatorUnitName: z.string(),
});
export type FileSummary = z.infer<typeof FileSummary>;

export const FileDetail = FileSummary.extend({
  language: z.string(),
  keywords: z.array(z.string()),
  sheetCount: z.number().int(),
  pageCount: z.number().int(),
  reliability: Reliability,
  physicalCondition: z.string().nullable(),
  paperCode: z.string().nullable(),
  backupStatus: BackupStatus,
  creatorUnitId: Uuid,
  sourceDossierId: Uuid.nullable(),
  version: z.number().int(),
  /** The documents, when the caller may read them; null for a restricted file without an approved request. */
  documents: z.array(ArchiveDocument).nullable(),
  /** Whether the caller may describe the file (archivist). */
  canManage: z.boolean(),
});
export type FileDetail = z.infer<typeof FileDetail>;

export const FileSearchQuery = Paging.extend({
  q: z.string().trim().max(200).optional(),
  fondsId: Uuid.optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  accessLevel: AccessLevel.optional(),
});
export type FileSearchQuery = z.output<typeof FileSearchQuery>;
export const FilePage = pageOf(FileSummary);
export type FilePage = z.infer<typeof FilePage>;

export const ReadRequestCreate = z.object({ purpose: Text(5, 2000) });
export const ReadDecision = z.object({
  approve: z.boolean(),
  reason: Text(2, 2000),
  /** Last day the reader may read the file (approval only). */
  validUntil: IsoDate.optional(),
});
export type ReadDecision = z.output<typeof ReadDecision>;

export const ReadRequest = z.object({
  id: Uuid,
  fileId: Uuid,
  fileCode: z.string(),
  fileTitle: z.string(),
  requesterName: z.string(),
  purpose: z.string(),
  state: z.enum(['pending', 'approved', 'rejected']),
  decisionReason: z.string().nullable(),
  validUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type ReadRequest = z.infer<typeof ReadRequest>;
export const ReadRequestQuery = z.object({ scope: z.enum(['mine', 'to_decide']).default('mine') });
export const ReadRequestList = z.object({ items: z.array(ReadRequest) });

export const AccessLogEntry = z.object({
  at: z.string(),
  action: z.enum(['view_file', 'read_document']),
  documentId: Uuid.nullable(),
  actorName: z.string().nullable(),
  ground: z.enum(['public', 'internal', 'archivist', 'request']),
});
export const AccessLogList = z.object({ items: z.array(AccessLogEntry) });

export const FixityCheck = z.object({
  documentId: Uuid,
  fileId: Uuid,
  fileCode: z.string(),
  documentTitle: z.string(),
  expectedSha256: z.string(),
  actualSha256: z.string().nullable(),
  outcome: z.enum(['ok', 'mismatch', 'missing']),
  checkedAt: z.string(),
});
export const FixityReport = z.object({
  lastRunAt: z.string().nullable(),
  checked: z.number().int(),
  problems: z.array(FixityCheck),
});
export type FixityReport = z.infer<typeof FixityReport>;
export const FixityRun = z.object({ runId: Uuid, checked: z.number().int(), problems: z.number().int() });
export const IntakeRun = z.object({ archived: z.number().int(), skipped: z.number().int() });
export const ExportQuery = z.object({ format: z.enum(['csv', 'dc']).default('csv'), fondsId: Uuid.optional() });
