import type { ResourceDetail, ResourceSummary } from '../../../shared/library.schema.ts';
import type { DublinCore } from './dublin-core.ts';
import type { SearchRow } from './library-search.repository.ts';
import type { ResourceRow, TransitionRow, VersionRow } from './resources.repository.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentSummary(r: SearchRow | ResourceRow): ResourceSummary {
  return {
    id: r.id,
    kind: r.kind as ResourceSummary['kind'],
    title: r.title,
    description: r.description,
    levels: r.levels as ResourceSummary['levels'],
    grades: r.grades,
    subjects: r.subjects,
    seriesCode: r.series_code,
    licenceCode: r.licence_code,
    languageCode: r.language_code,
    visibility: r.visibility as ResourceSummary['visibility'],
    status: r.status as ResourceSummary['status'],
    schoolId: r.school_id,
    publishedAt: iso(r.published_at),
    viewCount: Number(r.view_count),
    downloadCount: Number(r.download_count),
  };
}

export function presentDetail(
  r: ResourceRow,
  versions: VersionRow[],
  transitions: TransitionRow[],
  dublinCore: DublinCore,
  forCaller: Pick<ResourceDetail, 'proposedMetadata' | 'actions'>,
): ResourceDetail {
  return {
    ...presentSummary(r),
    keywords: r.keywords,
    topic: r.topic,
    authors: r.authors,
    version: r.version,
    currentVersionId: r.current_version_id,
    publishedVersionId: r.published_version_id,
    versions: versions.map((v) => ({
      id: v.id,
      number: v.number,
      fileId: v.file_id,
      url: v.url,
      note: v.note,
      createdAt: new Date(v.created_at).toISOString(),
    })),
    transitions: transitions.map((t) => ({
      action: t.action,
      fromStatus: t.from_status as ResourceDetail['status'],
      toStatus: t.to_status as ResourceDetail['status'],
      comment: t.comment,
      at: new Date(t.at).toISOString(),
      actorName: t.actor_name,
    })),
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by,
    updatedAt: new Date(r.updated_at).toISOString(),
    dublinCore,
    ...forCaller,
  };
}
