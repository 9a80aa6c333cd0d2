import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Overview } from '../../../shared/dashboards.schema.ts';
import { apiGet } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { yearChoices } from '../kpis/kpi-ui.tsx';
import { OverviewView } from './overview-view.tsx';
import { FIGURES, type Figure } from './unit-figures.ts';
import '../kpis/kpis.css';
import './dashboards.css';

/**
 * /dieu-hanh — the operations overview of the reader's unit (the province for the Sở, the
 * commune for its officer, the school for a principal); `?unitId=` drills down to a unit below.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('dashboards.title'));
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') || undefined;
  const year = Number(params.get('year')) || yearChoices()[0]!;
  const by = params.get('by');
  const figure: Figure = (FIGURES as readonly string[]).includes(by ?? '') ? (by as Figure) : 'reportsRate';
  const q = useQuery({
    queryKey: ['dashboards', 'overview', unitId, year],
    queryFn: ({ signal }) => apiGet<Overview>('/api/dashboards/overview', { unitId, year }, signal),
    placeholderData: keepPreviousData,
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: key === 'by' });
  };
  const linkOf = (c: { unitId: string }) => {
    const next = new URLSearchParams(params);
    next.set('unitId', c.unitId);
    return `/dieu-hanh?${next.toString()}`;
  };
  const d = q.data;
  return (
    <div className="dash-page">
      {d && d.path.length > 0 && (
        <nav aria-label={t('dashboards.breadcrumb')} className="dash-crumbs">
          <ol>
            {d.path.map((p) => (
              <li key={p.id}>
                <Link to={`/dieu-hanh?unitId=${p.id}&year=${year}`}>{p.name}</Link>
              </li>
            ))}
            <li aria-current="page">{d.unit.name}</li>
          </ol>
        </nav>
      )}
      <h1>{d ? t('dashboards.heading', { unit: d.unit.name }) : t('dashboards.title')}</h1>
      <div className="kpi-toolbar">
        <div className="field">
          <label htmlFor="dash-year">{t('kpis.year')}</label>
          <select id="dash-year" value={year} onChange={(e) => set('year', e.target.value)}>
            {yearChoices().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        {d && <p className="small">{t('dashboards.asOf', { date: formatDate(d.asOf) })}</p>}
      </div>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <OverviewView data={q.data} figure={figure} onFigure={(f) => set('by', f)} linkOf={linkOf} />
      )}
    </div>
  );
}
