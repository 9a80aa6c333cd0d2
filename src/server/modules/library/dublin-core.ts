/**
 * Dublin Core (DCMI Metadata Element Set 1.1, https://www.dublincore.org/specifications/dublin-core/dces/)
 * of a resource, for OAI-PMH `oai_dc` and exports. Each element may repeat, hence arrays.
 */
export interface DublinCoreInput {
  id: string;
  title: string;
  description: string;
  keywords: readonly string[];
  authors: readonly string[];
  subjectNames: readonly string[];
  levelNames: readonly string[];
  grades: readonly number[];
  kind: string;
  /** MIME type of the published file, or null for a link. */
  contentType: string | null;
  url: string | null;
  schoolName: string;
  languageCode: string;
  licenceName: string;
  licenceUrl: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  /** Base of public addresses (`PUBLIC_URL`), without a trailing slash. */
  baseUrl: string;
}

export type DublinCore = Record<
  | 'dc:title'
  | 'dc:creator'
  | 'dc:subject'
  | 'dc:description'
  | 'dc:publisher'
  | 'dc:date'
  | 'dc:type'
  | 'dc:format'
  | 'dc:identifier'
  | 'dc:language'
  | 'dc:rights',
  string[]
>;

/** DCMI Type Vocabulary (https://www.dublincore.org/specifications/dublin-core/dcmi-type-vocabulary/) per kind. */
const DCMI_TYPE: Record<string, string> = {
  image: 'StillImage',
  video: 'MovingImage',
  audio: 'Sound',
  document: 'Text',
  simulation: 'InteractiveResource',
  link: 'InteractiveResource',
  etextbook: 'Text',
  lesson_plan: 'Text',
};

/** Maps a resource to the 15-element set's elements the library fills (dc:coverage, relation, source, contributor unused). */
export function toDublinCore(r: DublinCoreInput): DublinCore {
  const date = r.publishedAt ?? r.createdAt;
  const grades = r.grades.map((g) => `Lớp ${g}`);
  return {
    'dc:title': [r.title],
    'dc:creator': r.authors.length > 0 ? [...r.authors] : [r.schoolName],
    'dc:subject': [...new Set([...r.subjectNames, ...r.levelNames, ...grades, ...r.keywords])],
    'dc:description': r.description === '' ? [] : [r.description],
    'dc:publisher': [r.schoolName],
    'dc:date': [date.toISOString().slice(0, 10)],
    'dc:type': [DCMI_TYPE[r.kind] ?? 'Text'],
    'dc:format': r.contentType ? [r.contentType] : r.url ? ['text/html'] : [],
    'dc:identifier': [`${r.baseUrl}/library/resources/${r.id}`, ...(r.url ? [r.url] : [])],
    'dc:language': [r.languageCode],
    'dc:rights': r.licenceUrl ? [r.licenceName, r.licenceUrl] : [r.licenceName],
  };
}
