import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SchoolPage } from '../../../shared/org.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination } from '../../ui/pagination.tsx';

/** The result count (announced politely), the result cards, the empty state and paging. */
export function SchoolResults({ query }: { query: UseQueryResult<SchoolPage> }) {
  const { t } = useTranslation();
  const data = query.data;
  return (
    <section aria-labelledby="results-title" className="results">
      <h2 id="results-title" className="visually-hidden">
        {t('schools.results')}
      </h2>
      <p aria-live="polite" className="result-count">
        {data && t('schools.count', { count: data.total, formatted: formatNumber(data.total) })}
      </p>
      {query.isPending && <Loading />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {data && data.items.length === 0 && (
        <div className="empty">
          <p>
            <strong>{t('status.noResults')}</strong>
          </p>
          <p>{t('schools.emptyHint')}</p>
        </div>
      )}
      {data && data.items.length > 0 && (
        <ul className="result-list" aria-busy={query.isFetching}>
          {data.items.map((s) => (
            <li key={s.unitId} className={s.active ? 'result' : 'result expired'}>
              <h3 className="result-title">
                <Link to={`/schools/${s.unitId}`}>{s.name}</Link>
              </h3>
              <p className="result-meta">
                <span>
                  {t('org.code')}: {s.code}
                </span>
                <span>{s.levels.map((l) => t(`level.${l}`)).join(', ')}</span>
                <span>{s.communeName}</span>
                <span>{t(`ownership.${s.ownership}`)}</span>
                {!s.active && <span>{t('org.expired')}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
      {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />}
    </section>
  );
}
