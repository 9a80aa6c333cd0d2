import type {
  LibraryLevel,
  Reference,
  ResourceDetail,
  ResourceKind,
  Visibility,
} from '../../../shared/library.schema.ts';

/*
 * The contributor's metadata form as plain data: what the inputs hold (lists typed as text),
 * how it becomes the API's body, which subjects and grades the chosen levels allow, and which
 * field a server error's path belongs to. Pure, so that it is tested without a browser.
 */

export const LEVELS: readonly LibraryLevel[] = ['tieu_hoc', 'thcs', 'thpt'];
/** The grades of each level (Luật Giáo dục 2019, art. 28), as the server checks them. */
export const LEVEL_GRADES: Readonly<Record<LibraryLevel, readonly number[]>> = {
  tieu_hoc: [1, 2, 3, 4, 5],
  thcs: [6, 7, 8, 9],
  thpt: [10, 11, 12],
};
export const VISIBILITIES: readonly Visibility[] = ['public', 'province', 'school'];

/** What the form's inputs hold. Lists the contributor types (keywords, authors) stay text until sent. */
export interface MetadataDraft {
  title: string;
  description: string;
  /** Comma-separated. */
  keywords: string;
  levels: LibraryLevel[];
  grades: number[];
  subjects: string[];
  /** '' for none. */
  seriesCode: string;
  topic: string;
  /** One per line or comma-separated. */
  authors: string;
  languageCode: string;
  /** '' until chosen: the server then says it is required. */
  licenceCode: string;
  visibility: Visibility | '';
}

/** The metadata fields the API takes (ResourceCreate / ResourcePatch without kind and content). */
export interface MetadataBody {
  title: string;
  description: string;
  keywords: string[];
  levels: LibraryLevel[];
  grades: number[];
  subjects: string[];
  seriesCode: string | null;
  topic: string | null;
  authors: string[];
  languageCode: string;
  licenceCode?: string;
  visibility?: Visibility;
}

export function emptyDraft(author = ''): MetadataDraft {
  return {
    title: '',
    description: '',
    keywords: '',
    levels: [],
    grades: [],
    subjects: [],
    seriesCode: '',
    topic: '',
    authors: author,
    languageCode: 'vi',
    licenceCode: '',
    visibility: '',
  };
}

/** A published resource's edit waiting for review (0021_library_proposals), when the API sends it. */
export type ProposedMetadata = Partial<Omit<MetadataBody, 'licenceCode' | 'visibility'>> & {
  kind?: ResourceKind;
  licenceCode?: string;
  visibility?: Visibility;
};

export function proposalOf(r: ResourceDetail): ProposedMetadata | null {
  return r.proposedMetadata;
}

/** The form filled from a resource: its pending proposal where there is one, else its metadata. */
export function draftFrom(r: ResourceDetail): MetadataDraft {
  const m = { ...r, ...(proposalOf(r) ?? {}) };
  return {
    title: m.title,
    description: m.description,
    keywords: m.keywords.join(', '),
    levels: [...m.levels],
    grades: [...m.grades],
    subjects: [...m.subjects],
    seriesCode: m.seriesCode ?? '',
    topic: m.topic ?? '',
    authors: m.authors.join('\n'),
    languageCode: m.languageCode,
    licenceCode: m.licenceCode,
    visibility: m.visibility,
  };
}

/** Items of a typed list: split on commas, semicolons and new lines, trimmed, without repeats. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[,;\n]/)) {
    const item = part.trim().normalize('NFC');
    if (item) seen.add(item);
  }
  return [...seen];
}

/** The API's body for the draft; an unchosen licence or visibility is left out for the server to name. */
export function metadataBody(d: MetadataDraft): MetadataBody {
  return {
    title: d.title.trim(),
    description: d.description.trim(),
    keywords: splitList(d.keywords),
    levels: LEVELS.filter((l) => d.levels.includes(l)),
    grades: [...new Set(d.grades)].sort((a, b) => a - b),
    subjects: [...d.subjects],
    seriesCode: d.seriesCode || null,
    topic: d.topic.trim() || null,
    authors: d.authors
      .split('\n')
      .flatMap((line) => splitList(line))
      .filter((a, i, all) => all.indexOf(a) === i),
    languageCode: d.languageCode || 'vi',
    ...(d.licenceCode ? { licenceCode: d.licenceCode } : {}),
    ...(d.visibility ? { visibility: d.visibility } : {}),
  };
}

/** The grades of the chosen levels, ascending. */
export function gradesFor(levels: readonly LibraryLevel[]): number[] {
  return LEVELS.filter((l) => levels.includes(l)).flatMap((l) => [...LEVEL_GRADES[l]]);
}

/** The subjects taught at one of the chosen levels (the 2018 curriculum, from the reference data). */
export function subjectsFor(ref: Reference | undefined, levels: readonly LibraryLevel[]): Reference['subjects'] {
  if (!ref) return [];
  return ref.subjects.filter((s) => s.levels.some((l) => levels.includes(l.level)));
}

/** The draft with other levels: grades and subjects the new levels do not have are dropped. */
export function withLevels(d: MetadataDraft, levels: LibraryLevel[], ref: Reference | undefined): MetadataDraft {
  const grades = gradesFor(levels);
  const subjects = new Set(subjectsFor(ref, levels).map((s) => s.code));
  return {
    ...d,
    levels,
    grades: d.grades.filter((g) => grades.includes(g)),
    subjects: ref ? d.subjects.filter((s) => subjects.has(s)) : d.subjects,
  };
}

/**
 * What the form checks before sending (the server checks everything again): a title and a
 * licence, the two fields every resource needs. Returns field id → i18n key of the message.
 */
export function checkDraft(d: MetadataDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (d.title.trim().length < 2) problems[FIELD_IDS.title] = 'library.form.titleRequired';
  if (!d.licenceCode) problems[FIELD_IDS.licenceCode] = 'library.form.licenceRequired';
  return problems;
}

/** Element ids of the form's fields (the error summary links to them). */
export const FIELD_IDS = {
  kind: 'lib-f-kind',
  content: 'lib-f-content',
  title: 'lib-f-title',
  description: 'lib-f-description',
  keywords: 'lib-f-keywords',
  levels: 'lib-f-levels',
  grades: 'lib-f-grades',
  subjects: 'lib-f-subjects',
  seriesCode: 'lib-f-series',
  topic: 'lib-f-topic',
  authors: 'lib-f-authors',
  languageCode: 'lib-f-language',
  licenceCode: 'lib-f-licence',
  visibility: 'lib-f-visibility',
} as const;
export type FieldName = keyof typeof FIELD_IDS;

/**
 * The field an error detail's path names: `body.title`, `body.keywords.3`, `grades` (the
 * curriculum check), `body.version.url`; null when it names none of the form's fields.
 */
export function fieldOfPath(path: string): string | null {
  const parts = path.split('.').filter((p) => p !== '' && p !== 'body');
  const head = parts[0];
  if (head === undefined) return null;
  if (head === 'version' || head === 'fileId' || head === 'url') return FIELD_IDS.content;
  return Object.hasOwn(FIELD_IDS, head) ? FIELD_IDS[head as FieldName] : null;
}

/** The metadata fields a proposal can change, in the form's order. */
export const PROPOSAL_FIELDS = [
  'kind',
  'title',
  'description',
  'levels',
  'grades',
  'subjects',
  'seriesCode',
  'topic',
  'keywords',
  'authors',
  'languageCode',
  'licenceCode',
  'visibility',
] as const;
export type ProposalField = (typeof PROPOSAL_FIELDS)[number];
type Value = string | number | null | readonly (string | number)[] | undefined;

/** The fields a pending proposal changes, with the published value and the proposed one. */
export function proposalChanges(r: ResourceDetail): { field: ProposalField; before: Value; after: Value }[] {
  const p = proposalOf(r);
  if (!p) return [];
  const same = (a: Value, b: Value) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return PROPOSAL_FIELDS.flatMap((field) => {
    if (!(field in p)) return [];
    const before = r[field] as Value;
    const after = p[field] as Value;
    return same(before, after) ? [] : [{ field, before, after }];
  });
}
