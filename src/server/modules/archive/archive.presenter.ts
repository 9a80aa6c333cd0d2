import type { Selectable } from 'kysely';
import type { ArchiveDocument, FileDetail, FileSummary, Fonds } from '../../../shared/archive.schema.ts';
import type { ArchiveFondsTable } from './archive.tables.ts';
import type { DocumentRow, FileRow } from './files.repository.ts';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

export function presentFonds(f: Selectable<ArchiveFondsTable> & { file_count: string | null }): Fonds {
  return {
    id: f.id,
    orgIdentifier: f.org_identifier,
    name: f.name,
    unitId: f.unit_id,
    unitName: f.unit_name,
    startYear: f.start_year,
    endYear: f.end_year,
    description: f.description,
    fileCount: Number(f.file_count ?? 0),
    version: f.version,
  };
}

type SummaryRow = Pick<
  FileRow,
  | 'id'
  | 'fonds_id'
  | 'fonds_name'
  | 'code'
  | 'year'
  | 'title'
  | 'access_level'
  | 'start_date'
  | 'end_date'
  | 'retention_years'
  | 'document_count'
  | 'creator_unit_name'
>;

export function presentSummary(x: SummaryRow): FileSummary {
  return {
    id: x.id,
    fondsId: x.fonds_id,
    fondsName: x.fonds_name,
    code: x.code,
    year: x.year,
    title: x.title,
    accessLevel: x.access_level,
    startDate: x.start_date,
    endDate: x.end_date,
    retentionYears: x.retention_years,
    documentCount: x.document_count,
    creatorUnitName: x.creator_unit_name,
  };
}

export function presentDocument(d: DocumentRow): ArchiveDocument {
  return {
    id: d.id,
    seq: d.seq,
    title: d.title,
    docNumber: d.doc_number,
    docDate: d.doc_date,
    author: d.author,
    pageCount: d.page_count,
    file:
      d.stored_file_id && d.filename
        ? {
            filename: d.filename,
            contentType: d.content_type ?? 'application/octet-stream',
            sizeBytes: Number(d.size_bytes),
            sha256: d.sha256 ?? '',
          }
        : null,
    withdrawn:
      d.withdrawn_at && d.withdrawn_reason
        ? { at: iso(d.withdrawn_at), byName: d.withdrawn_by_name, reason: d.withdrawn_reason }
        : null,
  };
}

export function presentDetail(x: FileRow, documents: DocumentRow[] | null, canManage: boolean): FileDetail {
  return {
    ...presentSummary(x),
    language: x.language,
    keywords: x.keywords,
    sheetCount: x.sheet_count,
    pageCount: x.page_count,
    reliability: x.reliability,
    physicalCondition: x.physical_condition,
    paperCode: x.paper_code,
    backupStatus: x.backup_status,
    creatorUnitId: x.creator_unit_id,
    sourceDossierId: x.source_dossier_id,
    version: x.version,
    documents: documents ? documents.map(presentDocument) : null,
    canManage,
  };
}

export { iso };
