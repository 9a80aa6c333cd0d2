import { z } from 'zod';
import { IsoDate, Paging, pageOf, Text, Uuid } from './common.schema.ts';
import { SchoolLevel } from './org.schema.ts';

/**
 * Directives (văn bản chỉ đạo, công văn; issue 6, item 2): a unit sends a directive to a set of
 * units with a deadline and a required response, and follows who read, answered and is late.
 */

/** none: read only; confirm: "đã nhận, sẽ thực hiện"; text: a written answer; report: text + file(s). */
export const RESPONSE_KINDS = ['none', 'confirm', 'text', 'report'] as const;
export const ResponseKind = z.enum(RESPONSE_KINDS);
export type ResponseKind = z.infer<typeof ResponseKind>;

export const DIRECTIVE_STATES = ['draft', 'issued', 'closed'] as const;
export const DirectiveState = z.enum(DIRECTIVE_STATES);
export type DirectiveState = z.infer<typeof DirectiveState>;

export const RECIPIENT_STATUSES = ['new', 'read', 'answered', 'late'] as const;
export const RecipientStatus = z.enum(RECIPIENT_STATUSES);
export type RecipientStatus = z.infer<typeof RecipientStatus>;

/** Unit types a directive may be addressed to by type. */
export const RECIPIENT_TYPES = [
  'school',
  'gdtx_centre',
  'commune',
  'ward',
  'special_zone',
  'culture_society_division',
  'division',
] as const;
export const RecipientType = z.enum(RECIPIENT_TYPES);
export type RecipientType = z.infer<typeof RecipientType>;

const atLeastOne = { error: 'chọn ít nhất một mục / choose at least one' };

/** How the recipients are chosen; always within the issuer's steering scope, living units only. */
export const Selection = z.discriminatedUnion('by', [
  z.object({ by: z.literal('type'), unitTypes: z.array(RecipientType).min(1, atLeastOne).max(7) }),
  z.object({ by: z.literal('level'), levels: z.array(SchoolLevel).min(1, atLeastOne).max(6) }),
  z.object({
    by: z.literal('commune'),
    communeIds: z.array(Uuid).min(1, atLeastOne).max(200),
    levels: z.array(SchoolLevel).max(6).default([]),
  }),
  z.object({ by: z.literal('list'), unitIds: z.array(Uuid).min(1, atLeastOne).max(3000) }),
]);
export type Selection = z.output<typeof Selection>;

/** A directive as drafted (create, or replace a draft). Issue checks what a draft may leave open. */
export const DirectiveInput = z.object({
  issuerUnitId: Uuid,
  number: Text(1, 60).nullable().default(null),
  docDate: IsoDate.nullable().default(null),
  title: Text(3, 500),
  summary: Text(0, 10000).default(''),
  responseKind: ResponseKind,
  deadline: IsoDate.nullable().default(null),
  selection: Selection,
  attachmentIds: z.array(Uuid).max(20).default([]),
});
export type DirectiveInput = z.output<typeof DirectiveInput>;

export const DirectiveUpdate = DirectiveInput.extend({ version: z.number().int().min(1) });
export type DirectiveUpdate = z.output<typeof DirectiveUpdate>;

export const RecipientPreviewInput = z.object({ issuerUnitId: Uuid.optional(), selection: Selection });
export const RecipientPreview = z.object({
  count: z.number().int(),
  units: z.array(z.object({ id: Uuid, name: z.string() })),
});
export type RecipientPreview = z.infer<typeof RecipientPreview>;

export const UnitOption = z.object({ id: Uuid, name: z.string(), typeCode: z.string() });
export const UnitOptions = z.object({ items: z.array(UnitOption) });
export type UnitOption = z.infer<typeof UnitOption>;

export const FileRef = z.object({
  id: Uuid,
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});
export type FileRef = z.infer<typeof FileRef>;

export const Counts = z.object({
  recipients: z.number().int(),
  read: z.number().int(),
  notRead: z.number().int(),
  answered: z.number().int(),
  notAnswered: z.number().int(),
  late: z.number().int(),
});
export type Counts = z.infer<typeof Counts>;

export const Response = z.object({
  version: z.number().int(),
  text: z.string(),
  files: z.array(FileRef),
  answeredAt: z.string(),
  answeredByName: z.string(),
});
export type Response = z.infer<typeof Response>;

/** One recipient unit as its own users see it. */
export const MyRecipient = z.object({
  unitId: Uuid,
  unitName: z.string(),
  status: RecipientStatus,
  late: z.boolean(),
  firstReadAt: z.string().nullable(),
  firstReadByName: z.string().nullable(),
  canAnswer: z.boolean(),
  response: Response.nullable(),
});
export type MyRecipient = z.infer<typeof MyRecipient>;

export const DirectiveDetail = z.object({
  id: Uuid,
  issuerUnitId: Uuid,
  issuerUnitName: z.string(),
  number: z.string().nullable(),
  docDate: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  responseKind: ResponseKind,
  deadline: z.string().nullable(),
  selection: Selection,
  state: DirectiveState,
  issuedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  attachments: z.array(FileRef),
  /** The caller follows it for the issuer (edit the draft, issue, close, see every unit). */
  isIssuer: z.boolean(),
  counts: Counts.nullable(),
  /** The caller's own units among the recipients. */
  mine: z.array(MyRecipient),
});
export type DirectiveDetail = z.infer<typeof DirectiveDetail>;

export const InboxItem = z.object({
  id: Uuid,
  number: z.string().nullable(),
  docDate: z.string().nullable(),
  title: z.string(),
  issuerUnitName: z.string(),
  responseKind: ResponseKind,
  deadline: z.string().nullable(),
  state: DirectiveState,
  unitId: Uuid,
  unitName: z.string(),
  status: RecipientStatus,
  late: z.boolean(),
});
export type InboxItem = z.infer<typeof InboxItem>;
export const InboxPage = pageOf(InboxItem);
export type InboxPage = z.infer<typeof InboxPage>;

export const SentItem = z.object({
  id: Uuid,
  number: z.string().nullable(),
  docDate: z.string().nullable(),
  title: z.string(),
  issuerUnitName: z.string(),
  responseKind: ResponseKind,
  deadline: z.string().nullable(),
  state: DirectiveState,
  counts: Counts,
});
export type SentItem = z.infer<typeof SentItem>;
export const SentPage = pageOf(SentItem);
export type SentPage = z.infer<typeof SentPage>;

export const InboxQuery = Paging.extend({
  status: RecipientStatus.optional(),
  q: z.string().max(200).optional(),
});
export const SentQuery = Paging.extend({
  state: DirectiveState.optional(),
  q: z.string().max(200).optional(),
});

export const RECIPIENT_FILTERS = ['all', 'not_read', 'not_answered', 'late'] as const;
export const RecipientFilter = z.enum(RECIPIENT_FILTERS);
export type RecipientFilter = z.infer<typeof RecipientFilter>;
export const RecipientQuery = Paging.extend({ filter: RecipientFilter.default('all') });

export const RecipientRow = z.object({
  unitId: Uuid,
  unitName: z.string(),
  status: RecipientStatus,
  late: z.boolean(),
  firstReadAt: z.string().nullable(),
  firstReadByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  responseVersion: z.number().int(),
  responseText: z.string().nullable(),
  responseFiles: z.array(FileRef),
  lastRemindedOn: z.string().nullable(),
});
export type RecipientRow = z.infer<typeof RecipientRow>;
export const RecipientPage = pageOf(RecipientRow);
export type RecipientPage = z.infer<typeof RecipientPage>;

export const ResponseHistory = z.object({ items: z.array(Response) });

export const RespondInput = z.object({
  /** Which of the caller's units answers (needed only when the caller speaks for several). */
  unitId: Uuid.optional(),
  text: Text(0, 10000).default(''),
  fileIds: z.array(Uuid).max(10).default([]),
});
export type RespondInput = z.output<typeof RespondInput>;

export const ReadInput = z.object({ unitId: Uuid.optional() });
export const RemindOutcome = z.object({ reminded: z.number().int(), skipped: z.number().int() });
export type RemindOutcome = z.infer<typeof RemindOutcome>;

export const ExportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
export const FileParams = z.object({ id: Uuid, fileId: Uuid });
export const UnitParams = z.object({ id: Uuid, unitId: Uuid });
