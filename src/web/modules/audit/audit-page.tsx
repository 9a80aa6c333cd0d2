import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AuditPage as AuditPageData } from '../../../shared/audit.schema.ts';
import { apiGet, type Query } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination, pageFromParams } from '../../ui/pagination.tsx';
import { AUDIT_FILTERS, AuditFilters } from './audit-filters.tsx';
import { AuditTable } from './audit-table.tsx';

const PAGE_SIZE = 50;

/** /audit — who did what, where and when (needs audit.read; scope is checked by the server). */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const [params] = useSearchParams();
  const query: Query = { page: pageFromParams(params), pageSize: PAGE_SIZE };
  for (const key of AUDIT_FILTERS) query[key] = params.get(key) || undefined;

  const audit = useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => apiGet<AuditPageData>('/api/audit', query, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <AuditFilters />
      <p aria-live="polite" className="result-count">
        {audit.data && t('audit.count', { count: audit.data.total, formatted: formatNumber(audit.data.total) })}
      </p>
      {audit.isPending && <Loading />}
      {audit.isError && <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.data && audit.data.items.length === 0 && <p className="empty">{t('status.noResults')}</p>}
      {audit.data && audit.data.items.length > 0 && <AuditTable entries={audit.data.items} />}
      {audit.data && <Pagination page={audit.data.page} pageSize={audit.data.pageSize} total={audit.data.total} />}
    </>
  );
}
