import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { periodLabel } from '../../../shared/reports.schema.ts';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import { listForms, PAGE_SIZE } from './reports-api.ts';
import './reports.css';

/** /bao-cao/bieu-mau — report forms and surveys: designers edit them; readers open progress and aggregates. */
export function FormsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('reports.forms.title'));
  const me = useMe();
  const designer = hasPermission(me, 'reports.design');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const list = useQuery({
    queryKey: ['report-forms', q, page],
    queryFn: ({ signal }) => listForms({ q: q || undefined, page }, signal),
  });
  const search = (e: FormEvent) => {
    e.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };
  return (
    <div className="rp-page">
      <h1>{t('reports.forms.title')}</h1>
      {designer && (
        <p>
          <Link className="button" to="/bao-cao/bieu-mau/moi">
            {t('reports.forms.new')}
          </Link>
        </p>
      )}
      <form className="filters" onSubmit={search}>
        <div className="field">
          <label htmlFor="rp-forms-q">{t('reports.forms.search')}</label>
          <input id="rp-forms-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit" className="button secondary">
          {t('action.search')}
        </button>
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="empty">{t('reports.forms.none')}</p>
      ) : (
        <>
          <ul className="rp-list">
            {list.data.items.map((f) => (
              <li key={f.id} className="rp-card">
                <h2>{designer ? <Link to={`/bao-cao/bieu-mau/${f.id}`}>{f.title}</Link> : f.title}</h2>
                <p className="rp-meta">
                  {f.code} · {t(`reports.periodType.${f.periodType}`)} · {f.ownerUnitName}
                </p>
                <p className="rp-meta">
                  <span className="rp-status">{t(`reports.formStatus.${f.status}`)}</span>{' '}
                  {t('reports.forms.counts', { fields: f.fieldCount, periods: f.periodCount })}
                  {f.publishedAt ? ` · ${t('reports.forms.publishedAt', { date: formatDate(f.publishedAt) })}` : ''}
                </p>
                {f.latestPeriodKey && (
                  <p className="rp-actions">
                    <Link to={`/bao-cao/tien-do/${f.id}/${f.latestPeriodKey}`}>
                      {t('reports.forms.progress', {
                        period: periodLabel(f.periodType, f.latestPeriodKey, i18n.language),
                      })}
                    </Link>
                    <Link to={`/bao-cao/tong-hop/${f.id}/${f.latestPeriodKey}`}>
                      {t('reports.forms.aggregate', {
                        period: periodLabel(f.periodType, f.latestPeriodKey, i18n.language),
                      })}
                    </Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} />
        </>
      )}
    </div>
  );
}
