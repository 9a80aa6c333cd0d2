import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination, pageFromParams } from '../../ui/pagination.tsx';
import { PAGE_SIZE, searchPlans } from './plans-api.ts';
import './plans.css';

const STATUSES = ['draft', 'issued', 'closed'] as const;

/** /ke-hoach — plans, searchable by words, year, issuing unit and status. */
export function PlansListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filter = {
    q: params.get('q') ?? '',
    year: params.get('year') ?? '',
    unitId: params.get('unitId') ?? '',
    status: params.get('status') ?? '',
    page: pageFromParams(params),
  };
  const [form, setForm] = useState(filter);
  usePageTitle(t('plans.list.title'));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form follows the address
  useEffect(() => setForm(filter), [params]);
  const results = useQuery({
    queryKey: ['plans', filter],
    queryFn: ({ signal }) => searchPlans(filter, signal),
    placeholderData: keepPreviousData,
  });
  // The issuing units to filter by: those of the plans there are.
  const units = useQuery({
    queryKey: ['plans-units'],
    queryFn: ({ signal }) => searchPlans({ q: '', year: '', unitId: '', status: '', page: 1 }, signal),
  });
  const unitOptions = [
    ...new Map((units.data?.items ?? []).map((p) => [p.issuingUnitId, p.issuingUnitName])).entries(),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    for (const k of ['q', 'year', 'unitId', 'status'] as const) if (form[k].trim()) next[k] = form[k].trim();
    setParams(next);
  };
  return (
    <div className="pl-page">
      <h1>{t('plans.list.title')}</h1>
      <p className="lead">{t('plans.list.intro')}</p>
      {hasPermission(me, 'plans.manage') && (
        <p className="pl-actions">
          <Link className="button" to="/ke-hoach/moi">
            {t('plans.list.create')}
          </Link>
        </p>
      )}
      <search>
        <form className="pl-filters" onSubmit={submit}>
          <div className="field">
            <label htmlFor="pl-q">{t('plans.list.q')}</label>
            <input
              id="pl-q"
              type="search"
              value={form.q}
              maxLength={200}
              onChange={(e) => setForm({ ...form, q: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="pl-year">{t('plans.list.year')}</label>
            <input
              id="pl-year"
              inputMode="numeric"
              maxLength={4}
              value={form.year}
              onChange={(e) => setForm({ ...form, year: e.target.value.replace(/\D/g, '') })}
            />
          </div>
          <div className="field">
            <label htmlFor="pl-unit">{t('plans.list.unit')}</label>
            <select id="pl-unit" value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.target.value })}>
              <option value="">{t('plans.list.all')}</option>
              {unitOptions.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="pl-status">{t('plans.list.status')}</label>
            <select id="pl-status" value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })}>
              <option value="">{t('plans.list.all')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`plans.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t('plans.list.search')}
          </button>
        </form>
      </search>
      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <>
          <p aria-live="polite">{t('plans.list.count', { count: results.data.total })}</p>
          <ul className="pl-list">
            {results.data.items.map((p) => (
              <li key={p.id} className="pl-card">
                <h2>
                  <Link to={`/ke-hoach/${p.id}`}>{p.title}</Link>
                </h2>
                <p className="pl-meta">
                  {p.number ?? t('plans.noNumber')}
                  {p.issuedOn ? ` · ${formatDate(p.issuedOn)}` : ''} · {p.issuingUnitName} ·{' '}
                  {p.yearFrom === p.yearTo ? p.yearFrom : `${p.yearFrom}–${p.yearTo}`}
                </p>
                <p className="pl-meta">
                  <span className="pl-badge">{t(`plans.status.${p.status}`)}</span>{' '}
                  {t('plans.list.tasks', { count: p.taskCount })}
                  {p.lateCount > 0 && (
                    <>
                      {' · '}
                      <span className="pl-late">{t('plans.list.late', { count: p.lateCount })}</span>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
          <Pagination page={filter.page} pageSize={PAGE_SIZE} total={results.data.total} />
        </>
      )}
    </div>
  );
}
