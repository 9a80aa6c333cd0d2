import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Dashboard, DemandPublication } from '../../../shared/admission-dashboards.schema.ts';
import { STATE_LABELS } from '../../../shared/dossiers.schema.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import { formatDate, formatDateRange, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { BarList } from './bar-list.tsx';
import { FiguresTable, percent } from './figures-table.tsx';
import { OverviewView } from './overview-view.tsx';

/**
 * /admissions/dashboard — without a round, the overview of every round of a school year and level;
 * with `roundId`, that round's applications by status, demand and fill rate (scope checked by the server).
 */
export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('admissionsDashboard.title'));
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t('admissionsDashboard.title')}</h1>
      {params.get('roundId') ? <RoundDashboard /> : <OverviewView />}
    </>
  );
}

function RoundDashboard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [params, setParams] = useSearchParams();
  const query = { roundId: params.get('roundId') || undefined, unitId: params.get('unitId') || undefined };
  const client = useQueryClient();
  const data = useQuery({
    queryKey: ['admissions-dashboard', query],
    queryFn: ({ signal }) => apiGet<Dashboard>('/api/admissions/dashboard', query, signal),
    placeholderData: keepPreviousData,
  });
  const publish = useMutation({
    mutationFn: (v: { roundId: string; published: boolean }) =>
      apiSend<DemandPublication>('PUT', `/api/admissions/rounds/${v.roundId}/demand-publication`, {
        published: v.published,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admissions-dashboard'] }),
  });
  const d = data.data;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'roundId') next.delete('unitId');
    setParams(next);
  };

  return (
    <>
      <p>
        <Link to="/admissions/dashboard">{t('admissionsDashboard.overview.back')}</Link>
      </p>
      {data.isPending && <Loading />}
      {data.isError && <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />}
      {d && !d.round && <p className="empty">{t('admissionsDashboard.noRounds')}</p>}
      {d?.round && (
        <>
          <form
            className="filters card"
            aria-label={t('admissionsDashboard.filters')}
            onSubmit={(e) => e.preventDefault()}
          >
            <label>
              {t('admissionsDashboard.round')}
              <select value={d.round.id} onChange={(e) => set('roundId', e.target.value)}>
                {d.rounds.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('admissionsDashboard.unit')}
              <select value={d.unitId ?? ''} onChange={(e) => set('unitId', e.target.value)}>
                <option value="">{t('admissionsDashboard.allUnits')}</option>
                {d.units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.kind === 'commune' ? u.name : `— ${u.name}`}
                  </option>
                ))}
              </select>
            </label>
          </form>
          <dl className="facts card">
            <dt>{t('admissionsDashboard.runBy')}</dt>
            <dd>{d.round.runningUnit.name}</dd>
            <dt>{t('admissionsDashboard.registration')}</dt>
            <dd>{formatDateRange(d.round.registerFrom, d.round.registerTo)}</dd>
            <dt>{t('admissionsDashboard.applications')}</dt>
            <dd>{formatNumber(d.total.applications)}</dd>
            <dt>{t('admissionsDashboard.col.seats')}</dt>
            <dd>{formatNumber(d.total.seats)}</dd>
            <dt>{t('admissionsDashboard.col.demandRatio')}</dt>
            <dd>{percent(d.total.demandRatio)}</dd>
            <dt>{t('admissionsDashboard.col.fillRate')}</dt>
            <dd>{percent(d.total.fillRate)}</dd>
            <dt>{t('admissionsDashboard.coverage')}</dt>
            <dd>{t(`admissionsDashboard.coverage_${d.coverage}`)}</dd>
          </dl>
          <section className="card" aria-labelledby="demand-publication">
            <h2 id="demand-publication">{t('admissionsDashboard.demandTitle')}</h2>
            <p>
              {d.demand.published ? t('admissionsDashboard.demandOn') : t('admissionsDashboard.demandOff')}{' '}
              {d.demand.published && (
                <Link to={`/tuyen-sinh/nhu-cau/${d.round.id}`}>{t('admissionsDashboard.demandLink')}</Link>
              )}
            </p>
            {d.demand.canPublish && (
              <button
                type="button"
                className={d.demand.published ? 'button secondary' : 'button'}
                disabled={publish.isPending}
                onClick={() => d.round && publish.mutate({ roundId: d.round.id, published: !d.demand.published })}
              >
                {d.demand.published ? t('admissionsDashboard.unpublish') : t('admissionsDashboard.publish')}
              </button>
            )}
            {publish.isError && <ErrorAlert error={publish.error} />}
          </section>
          <BarList
            title={t('admissionsDashboard.byStatus')}
            valueLabel={t('admissionsDashboard.applications')}
            bars={d.byStatus.map((s) => ({ key: s.state, label: STATE_LABELS[s.state][lang], value: s.count }))}
          />
          <BarList
            title={t('admissionsDashboard.perSchool')}
            valueLabel={t('admissionsDashboard.col.firstWish')}
            markLabel={t('admissionsDashboard.col.seats')}
            bars={d.schools.map((s) => ({
              key: s.schoolId,
              label: s.name,
              value: s.firstWish,
              mark: s.seats,
              alert: s.firstWish > s.seats,
            }))}
          />
          <BarList
            title={t('admissionsDashboard.perDay')}
            valueLabel={t('admissionsDashboard.applications')}
            bars={d.perDay.map((p) => ({ key: p.day, label: formatDate(p.day), value: p.count }))}
          />
          <FiguresTable
            id="dashboard-schools"
            caption={t('admissionsDashboard.schoolsTable')}
            rows={d.schools.map((s) => ({ ...s, key: s.schoolId, sub: s.communeName }))}
          />
          <FiguresTable
            id="dashboard-communes"
            caption={t('admissionsDashboard.communesTable')}
            rows={[
              ...d.communes.map((c) => ({ ...c, key: c.communeId, name: c.communeName })),
              { ...d.total, key: 'total', name: t('admissionsDashboard.total') },
            ]}
          />
        </>
      )}
    </>
  );
}
