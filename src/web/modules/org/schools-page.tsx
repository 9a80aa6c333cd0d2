import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { pageFromParams } from '../../ui/pagination.tsx';
import { isSchoolLevel, uuidOrUndefined } from './labels.ts';
import { type SchoolSearch, useSchools } from './org-api.ts';
import { SchoolFilters } from './school-filters.tsx';
import { SchoolImport } from './school-import.tsx';
import { SchoolResults } from './school-results.tsx';

const PAGE_SIZE = 20;

/** Reads the search from the URL, so that a search can be bookmarked and shared. */
function searchFromParams(params: URLSearchParams): SchoolSearch {
  const level = params.get('level');
  const ownership = params.get('ownership');
  return {
    q: params.get('q')?.trim() || undefined,
    level: isSchoolLevel(level) ? level : undefined,
    communeId: uuidOrUndefined(params.get('commune')),
    ownership: ownership === 'public' || ownership === 'private' ? ownership : undefined,
    includeExpired: params.get('expired') === '1' || undefined,
    page: pageFromParams(params),
    pageSize: PAGE_SIZE,
  };
}

/** /schools — the school directory: search, filters, paginated results, Excel export/import. */
export function SchoolsPage() {
  const { t } = useTranslation();
  usePageTitle(t('schools.title'));
  const me = useMe();
  const [params] = useSearchParams();
  const search = searchFromParams(params);
  const schools = useSchools(search);
  const canManage = hasPermission(me, 'org.manage');

  return (
    <>
      <h1>{t('schools.title')}</h1>
      <SchoolFilters />
      <SchoolResults query={schools} />
      {canManage && (
        <section aria-labelledby="excel-title" className="card">
          <h2 id="excel-title">{t('schools.excelTitle')}</h2>
          <p>
            <a className="button secondary" href="/api/org/export.xlsx" download>
              {t('schools.export')}
            </a>
          </p>
          <SchoolImport />
        </section>
      )}
    </>
  );
}
