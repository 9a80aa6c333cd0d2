import { z } from 'zod';
import { IsoDate, Localized, Uuid } from './common.schema.ts';
import { LibraryLevel, RESOURCE_STATUSES, Visibility } from './library.schema.ts';

/**
 * Library usage statistics, the Sở's report of which schools contribute and which use (issue 4
 * item 5), and the import of offline packages (issue 4 item 7). Figures only: no reader's
 * identity travels through these shapes, only schools.
 */

const Code = z.string().regex(/^[a-z0-9_]{2,40}$/);

const period = { from: IsoDate.optional(), to: IsoDate.optional() };
const inOrder = (p: { from?: string | undefined; to?: string | undefined }) => !p.from || !p.to || p.from <= p.to;
const outOfOrder = { message: 'Ngày bắt đầu phải trước ngày kết thúc / "from" must not be after "to"', path: ['to'] };

/** A period of whole days in Vietnam time, both ends included; either end may be left open. */
export const StatsPeriod = z.object(period).refine(inOrder, outOfOrder);
export type StatsPeriod = z.infer<typeof StatsPeriod>;

export const OverviewQuery = z
  .object({
    ...period,
    /** Resources of this level (and, in the list of schools, the schools teaching it). */
    level: LibraryLevel.optional(),
    /** Resources of this subject of the 2018 curriculum. */
    subject: Code.optional(),
  })
  .refine(inOrder, outOfOrder);
export type OverviewQuery = z.infer<typeof OverviewQuery>;

export const Usage = z.object({ views: z.number().int(), downloads: z.number().int() });
export type Usage = z.infer<typeof Usage>;

export const ResourceStats = z.object({
  resourceId: Uuid,
  title: z.string(),
  schoolId: Uuid,
  schoolName: z.string(),
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  views: z.number().int(),
  downloads: z.number().int(),
  /** `yyyy-mm`, oldest first; months without use are left out. */
  byMonth: z.array(Usage.extend({ month: z.string() })),
  /** By the school of the reader, most used first. */
  bySchool: z.array(Usage.extend({ schoolId: Uuid, name: z.string() })),
  /** Readers of no school: the Sở's and communes' staff, anonymous readers of public resources. */
  otherReaders: Usage,
});
export type ResourceStats = z.infer<typeof ResourceStats>;

export const ContributionCounts = z.object(
  Object.fromEntries(RESOURCE_STATUSES.map((s) => [s, z.number().int()])) as Record<
    (typeof RESOURCE_STATUSES)[number],
    z.ZodNumber
  >,
);
export type ContributionCounts = z.infer<typeof ContributionCounts>;

export const SchoolReportRow = Usage.extend({
  schoolId: Uuid,
  code: z.string(),
  name: z.string(),
  communeName: z.string(),
  /** False for a school that has since been merged or dissolved (shown when it had activity). */
  active: z.boolean(),
  /** Resources the school created in the period, by their status now. */
  contributed: ContributionCounts,
  contributedTotal: z.number().int(),
  /** Resources of the school published in the period. */
  published: z.number().int(),
  /** The latest contribution or use, whatever the period; null if never. */
  lastActivityAt: z.string().nullable(),
  contributes: z.boolean(),
  uses: z.boolean(),
});
export type SchoolReportRow = z.infer<typeof SchoolReportRow>;

export const SubjectReportRow = Usage.extend({
  code: z.string(),
  name: z.string(),
  contributed: z.number().int(),
  published: z.number().int(),
});
export type SubjectReportRow = z.infer<typeof SubjectReportRow>;

export const Overview = z.object({
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  level: LibraryLevel.nullable(),
  subject: z.string().nullable(),
  /** The units whose schools the report covers (the province for the Sở). */
  scope: z.array(z.object({ id: Uuid, name: z.string() })),
  totals: Usage.extend({
    schools: z.number().int(),
    contributing: z.number().int(),
    using: z.number().int(),
    neither: z.number().int(),
    contributed: z.number().int(),
    published: z.number().int(),
  }),
  /** Use by readers of no school (province-wide reports only; null otherwise). */
  otherReaders: Usage.nullable(),
  /** Schools that neither contribute nor use first, then by name. */
  schools: z.array(SchoolReportRow),
  subjects: z.array(SubjectReportRow),
  generatedAt: z.string(),
});
export type Overview = z.infer<typeof Overview>;

// ── Offline packages ─────────────────────────────────────────────────────────────────────────

export const PackageImportBody = z.object({
  /** A finished upload of the caller with purpose `library-package` (tus, /api/uploads). */
  fileId: Uuid,
  /** The school that owns the imported drafts; the caller's own school when omitted. */
  schoolId: Uuid.optional(),
  /** Visibility the drafts get (resources marked "internal use only" always get `school`). */
  visibility: Visibility.default('province'),
});
export type PackageImportBody = z.output<typeof PackageImportBody>;

const ImportedRef = z.object({ sourceId: z.string(), resourceId: Uuid, title: z.string() });

export const PackageImportSummary = z.object({
  collectionTitle: z.string(),
  installation: z.object({ name: z.string(), url: z.string().nullable() }),
  exportedAt: z.string(),
  schoolId: Uuid,
  /** New drafts in the importer's school. */
  created: z.array(ImportedRef),
  /** Already imported from the same installation (by its id there): not copied again. */
  skipped: z.array(ImportedRef),
  /** Resources of the package that could not be imported, with why; the others were. */
  errors: z.array(z.object({ sourceId: z.string(), title: z.string(), messages: Localized })),
  files: z.object({ stored: z.number().int(), reused: z.number().int() }),
});
export type PackageImportSummary = z.infer<typeof PackageImportSummary>;

/** The upload purpose of packages (registered by the library's package routes). */
export const PACKAGE_UPLOAD_PURPOSE = 'library-package';
