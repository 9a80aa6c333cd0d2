import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../shared/dashboards.schema.ts';
import { apiGet } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { yearChoices } from '../kpis/kpi-ui.tsx';
import '../kpis/kpis.css';
import { OverviewView } from './overview-view.tsx';
import type { Figure } from './unit-figures.ts';
import './dashboards.css';

/**
 * /dieu-hanh/cong-khai — what the Sở publishes, for anyone without signing in: the KPIs marked
 * public, the recognised DX results by commune. Counts over units only; no personal data.
 */
export function PublicDashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('dashboards.public.title'));
  const [figure, setFigure] = useState<Figure>('dxGovernance');
  const [year, setYear] = useState(yearChoices()[0]!);
  const q = useQuery({
    queryKey: ['dashboards', 'public', year],
    queryFn: ({ signal }) => apiGet<Overview>('/api/dashboards/public', { year }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="dash-page">
      <h1>{t('dashboards.public.title')}</h1>
      <p className="lead">{t('dashboards.public.intro')}</p>
      <div className="kpi-toolbar">
        <div className="field">
          <label htmlFor="dash-public-year">{t('kpis.year')}</label>
          <select id="dash-public-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {yearChoices().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <p className="small">
            {q.data.unit.name} · {t('dashboards.asOf', { date: formatDate(q.data.asOf) })}
          </p>
          <OverviewView data={q.data} figure={figure} onFigure={setFigure} linkOf={null} />
        </>
      )}
    </div>
  );
}
