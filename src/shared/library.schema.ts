import { z } from 'zod';
import { pageOf, Text, Uuid } from './common.schema.ts';

/** Learning-library API shapes (issue 4), shared by the server and the web. */

export const RESOURCE_KINDS = [
  'image',
  'video',
  'audio',
  'document',
  'simulation',
  'link',
  'etextbook',
  'lesson_plan',
] as const;
export const ResourceKind = z.enum(RESOURCE_KINDS);
export type ResourceKind = z.infer<typeof ResourceKind>;

/** School levels of the 2018 curriculum, named as in `schools.levels`. */
export const LibraryLevel = z.enum(['tieu_hoc', 'thcs', 'thpt']);
export type LibraryLevel = z.infer<typeof LibraryLevel>;

/** public: anyone, signed in or not; province: any signed-in user; school: the owning school's users. */
export const Visibility = z.enum(['public', 'province', 'school']);
export type Visibility = z.infer<typeof Visibility>;

export const RESOURCE_STATUSES = ['draft', 'submitted', 'in_review', 'returned', 'published', 'taken_down'] as const;
export const ResourceStatus = z.enum(RESOURCE_STATUSES);
export type ResourceStatus = z.infer<typeof ResourceStatus>;

export const ModerationAction = z.enum(['submit', 'start_review', 'publish', 'return', 'take_down', 'restore']);
export type ModerationAction = z.infer<typeof ModerationAction>;

const Code = z.string().regex(/^[a-z0-9_]{2,40}$/);
const Grade = z.number().int().min(1).max(12);

/** A version's content: a stored file (uploaded beforehand) or, for links, an external URL. */
export const VersionInput = z
  .object({
    fileId: Uuid.optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    note: Text(0, 1000).optional(),
  })
  .refine((v) => (v.fileId === undefined) !== (v.url === undefined), {
    message: 'Give either fileId or url',
  });

const metadata = {
  title: Text(2, 300),
  description: Text(0, 5000).default(''),
  keywords: z.array(Text(1, 80)).max(30).default([]),
  levels: z.array(LibraryLevel).max(3).default([]),
  grades: z.array(Grade).max(12).default([]),
  subjects: z.array(Code).max(10).default([]),
  seriesCode: Code.nullable().default(null),
  topic: Text(0, 300).nullable().default(null),
  authors: z.array(Text(1, 200)).max(20).default([]),
  languageCode: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .default('vi'),
  licenceCode: Code,
  visibility: Visibility,
};

export const ResourceCreate = z.object({
  kind: ResourceKind,
  ...metadata,
  /** The owning school; the contributor's own school when omitted. */
  schoolId: Uuid.optional(),
  version: VersionInput.optional(),
});
export type ResourceCreate = z.output<typeof ResourceCreate>;

export const ResourcePatch = z.object({
  expectedVersion: z.number().int(),
  kind: ResourceKind.optional(),
  title: metadata.title.optional(),
  description: Text(0, 5000).optional(),
  keywords: z.array(Text(1, 80)).max(30).optional(),
  levels: z.array(LibraryLevel).max(3).optional(),
  grades: z.array(Grade).max(12).optional(),
  subjects: z.array(Code).max(10).optional(),
  seriesCode: Code.nullable().optional(),
  topic: Text(0, 300).nullable().optional(),
  authors: z.array(Text(1, 200)).max(20).optional(),
  languageCode: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  licenceCode: Code.optional(),
  visibility: Visibility.optional(),
});
export type ResourcePatch = z.output<typeof ResourcePatch>;

export const ActionBody = z.object({
  action: ModerationAction,
  expectedVersion: z.number().int(),
  /** Required to return (what to fix) and to take down (why). */
  comment: Text(0, 2000).optional(),
});
export type ActionBody = z.output<typeof ActionBody>;

export const ResourceVersion = z.object({
  id: Uuid,
  number: z.number().int(),
  fileId: Uuid.nullable(),
  url: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const Transition = z.object({
  action: z.string(),
  fromStatus: ResourceStatus,
  toStatus: ResourceStatus,
  comment: z.string().nullable(),
  at: z.string(),
  actorName: z.string().nullable(),
});

export const ResourceSummary = z.object({
  id: Uuid,
  kind: ResourceKind,
  title: z.string(),
  description: z.string(),
  levels: z.array(LibraryLevel),
  grades: z.array(z.number().int()),
  subjects: z.array(z.string()),
  seriesCode: z.string().nullable(),
  licenceCode: z.string(),
  languageCode: z.string(),
  visibility: Visibility,
  status: ResourceStatus,
  schoolId: Uuid,
  publishedAt: z.string().nullable(),
  viewCount: z.number().int(),
  downloadCount: z.number().int(),
});
export type ResourceSummary = z.infer<typeof ResourceSummary>;

/** A resource's metadata as the API takes it (create); a pending edit of a published resource is kept in this shape. */
export const ResourceMetadata = z.object({ kind: ResourceKind, ...metadata });
export type ResourceMetadata = z.output<typeof ResourceMetadata>;

/** The same, as answered (no input transforms in a response schema). */
export const ResourceMetadataView = z.object({
  kind: ResourceKind,
  title: z.string(),
  description: z.string(),
  keywords: z.array(z.string()),
  levels: z.array(LibraryLevel),
  grades: z.array(z.number().int()),
  subjects: z.array(z.string()),
  seriesCode: z.string().nullable(),
  topic: z.string().nullable(),
  authors: z.array(z.string()),
  languageCode: z.string(),
  licenceCode: z.string(),
  visibility: Visibility,
});

export const ResourceDetail = ResourceSummary.extend({
  keywords: z.array(z.string()),
  topic: z.string().nullable(),
  authors: z.array(z.string()),
  version: z.number().int(),
  currentVersionId: Uuid.nullable(),
  publishedVersionId: Uuid.nullable(),
  /** What a reader gets: the published version (or, for authors and reviewers, the working one). */
  versions: z.array(ResourceVersion),
  transitions: z.array(Transition),
  createdAt: z.string(),
  createdBy: Uuid.nullable(),
  updatedAt: z.string(),
  dublinCore: z.record(z.string(), z.array(z.string())),
  /**
   * For authors and reviewers: an edit of a published resource's metadata waiting for review
   * (readers see the published metadata above until a moderator publishes it); else null.
   */
  proposedMetadata: ResourceMetadataView.nullable(),
  /** The moderation steps the caller may take now (the page's buttons). */
  actions: z.array(ModerationAction),
});
export type ResourceDetail = z.infer<typeof ResourceDetail>;

export const SearchSort = z.enum(['relevance', 'newest', 'most_used']);

const csv = <T extends z.ZodType>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter((s) => s !== ''))
    .pipe(z.array(item) as unknown as z.ZodType<z.output<T>[], string[]>);

export const SearchQuery = z.object({
  q: z.string().max(200).optional(),
  level: csv(LibraryLevel).optional(),
  grade: csv(z.coerce.number().int().min(1).max(12)).optional(),
  subject: csv(Code).optional(),
  kind: csv(ResourceKind).optional(),
  licence: csv(Code).optional(),
  series: csv(Code).optional(),
  sort: SearchSort.optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.output<typeof SearchQuery>;

export const FacetCount = z.object({ value: z.string(), count: z.number().int() });
export const FACETS = ['level', 'grade', 'subject', 'kind', 'licence', 'series'] as const;
export type FacetName = (typeof FACETS)[number];
export const Facets = z.object({
  level: z.array(FacetCount),
  grade: z.array(FacetCount),
  subject: z.array(FacetCount),
  kind: z.array(FacetCount),
  licence: z.array(FacetCount),
  series: z.array(FacetCount),
});
export type Facets = z.infer<typeof Facets>;

export const SearchResult = pageOf(ResourceSummary).extend({
  facets: Facets,
  /** 'fulltext', or 'trigram' when the words matched nothing and the title was matched by similarity. */
  matchedBy: z.enum(['fulltext', 'trigram', 'none']),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const QueueQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(['submitted', 'in_review']).optional(),
  level: LibraryLevel.optional(),
  subject: Code.optional(),
});
export const ResourcePage = pageOf(ResourceSummary);

/** The moderator's queue: a page, and per status, level and subject how many the other filters leave. */
export const QueuePage = ResourcePage.extend({
  counts: z.object({ status: z.array(FacetCount), level: z.array(FacetCount), subject: z.array(FacetCount) }),
});
export type QueuePage = z.infer<typeof QueuePage>;

/** The contributor's list: what they created, or every resource of the schools they contribute for. */
export const MineQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  scope: z.enum(['mine', 'school']).default('mine'),
});
export const MineItem = ResourceSummary.extend({
  updatedAt: z.string(),
  /** The latest moderator's comment (a return's what-to-fix, a take-down's reason), if any. */
  lastComment: z
    .object({ action: z.string(), comment: z.string(), at: z.string(), actorName: z.string().nullable() })
    .nullable(),
});
export const MinePage = pageOf(MineItem);
export type MinePage = z.infer<typeof MinePage>;

export const UsageBody = z.object({ kind: z.enum(['view', 'download']) });

export const Assignment = z.object({ userId: Uuid, subjectCode: Code, level: LibraryLevel });
export type Assignment = z.infer<typeof Assignment>;
export const AssignmentList = z.object({ items: z.array(Assignment) });

export const CollectionInput = z.object({
  title: Text(2, 300),
  description: Text(0, 5000).default(''),
  /** The resources in display order. */
  resourceIds: z.array(Uuid).max(500).default([]),
});
export type CollectionInput = z.output<typeof CollectionInput>;
export const Collection = z.object({
  id: Uuid,
  title: z.string(),
  description: z.string(),
  items: z.array(ResourceSummary),
  updatedAt: z.string(),
});
export const CollectionList = z.object({
  items: z.array(z.object({ id: Uuid, title: z.string(), description: z.string(), size: z.number().int() })),
});

const Ref = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() });
export const Reference = z.object({
  subjects: z.array(
    Ref.extend({
      levels: z.array(
        z.object({ level: LibraryLevel, nameVi: z.string(), grades: z.array(z.number()), elective: z.boolean() }),
      ),
    }),
  ),
  series: z.array(z.object({ code: z.string(), nameVi: z.string(), publisher: z.string() })),
  licences: z.array(Ref.extend({ url: z.string().nullable() })),
  languages: z.array(Ref),
});
export type Reference = z.infer<typeof Reference>;

export const AssignmentsBody = z.object({
  items: z.array(z.object({ subjectCode: Code, level: LibraryLevel })).max(200),
});
export const UserParams = z.object({ userId: Uuid });
