import type { z } from 'zod';
import type { CollectionList, Reference } from '../../../shared/library.schema.ts';
import type {
  Overview,
  OverviewQuery,
  PackageImportSummary,
  SchoolReportRow,
} from '../../../shared/library-reports.schema.ts';
import { PACKAGE_UPLOAD_PURPOSE } from '../../../shared/library-reports.schema.ts';
import { apiGet, apiSend, withQuery } from '../../lib/api.ts';

export type { Overview, PackageImportSummary, SchoolReportRow };
export { PACKAGE_UPLOAD_PURPOSE };

/** The report's filters as kept in the URL (`?from=2025-09-05&level=thpt&subject=toan`). */
export interface ReportFilters {
  from: string;
  to: string;
  level: string;
  subject: string;
}

export function filtersFromParams(p: URLSearchParams): ReportFilters {
  return {
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    level: p.get('level') ?? '',
    subject: p.get('subject') ?? '',
  };
}

const queryOf = (f: ReportFilters): Partial<OverviewQuery> => ({
  from: f.from || undefined,
  to: f.to || undefined,
  level: (f.level || undefined) as OverviewQuery['level'],
  subject: f.subject || undefined,
});

export const fetchOverview = (f: ReportFilters, signal?: AbortSignal) =>
  apiGet<Overview>('/api/library/stats/overview', queryOf(f), signal);

/** The Excel workbook of the same report (a plain link: the browser downloads it with the session cookie). */
export const overviewXlsxUrl = (f: ReportFilters) => withQuery('/api/library/stats/overview.xlsx', queryOf(f));

export const referenceQuery = {
  queryKey: ['library-reference'],
  queryFn: ({ signal }: { signal?: AbortSignal }) => apiGet<Reference>('/api/library/reference', undefined, signal),
  staleTime: 60 * 60_000,
};

export const collectionsQuery = {
  queryKey: ['library-collections'],
  queryFn: ({ signal }: { signal?: AbortSignal }) =>
    apiGet<z.infer<typeof CollectionList>>('/api/library/collections', undefined, signal),
};

export const packageUrl = (collectionId: string) => `/api/library/collections/${collectionId}/package`;

export const importPackage = (body: { fileId: string; schoolId?: string; visibility: string }) =>
  apiSend<PackageImportSummary>('POST', '/api/library/packages/import', body);
