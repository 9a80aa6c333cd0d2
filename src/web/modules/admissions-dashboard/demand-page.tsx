import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PublicDemand } from '../../../shared/admission-dashboards.schema.ts';
import { apiGet } from '../../lib/api.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { BarList } from './bar-list.tsx';
import { percent } from './figures-table.tsx';

/** /tuyen-sinh/nhu-cau/:roundId — the published demand per school, for families choosing their wishes. */
export function DemandPage() {
  const { t } = useTranslation();
  usePageTitle(t('admissionsDashboard.publicTitle'));
  const { roundId = '' } = useParams();
  const demand = useQuery({
    queryKey: ['public-demand', roundId],
    queryFn: ({ signal }) => apiGet<PublicDemand>(`/api/public/admissions/rounds/${roundId}/demand`, {}, signal),
    retry: false,
  });
  const d = demand.data;
  return (
    <>
      <h1>{t('admissionsDashboard.publicTitle')}</h1>
      {demand.isPending && <Loading />}
      {demand.isError && <ErrorAlert error={demand.error} />}
      {d && (
        <>
          <p>
            <strong>{d.round.name}</strong>
            <span className="block small">
              {t('admissionsDashboard.publicIntro', {
                unit: d.round.runningUnit,
                deadline: formatDateTime(d.round.registerTo),
              })}
            </span>
          </p>
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
          <h2 id="demand-table">{t('admissionsDashboard.schoolsTable')}</h2>
          <ScrollRegion labelledBy="demand-table">
            <table className="table table-stack">
              <caption className="visually-hidden">{t('admissionsDashboard.schoolsTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admissionsDashboard.name')}</th>
                  <th scope="col">{t('admissionsDashboard.col.seats')}</th>
                  <th scope="col">{t('admissionsDashboard.col.firstWish')}</th>
                  <th scope="col">{t('admissionsDashboard.col.demandRatio')}</th>
                </tr>
              </thead>
              <tbody>
                {d.schools.map((s) => (
                  <tr key={s.schoolId}>
                    <th scope="row">
                      {s.name}
                      <span className="block small">{s.communeName}</span>
                    </th>
                    <td data-label={t('admissionsDashboard.col.seats')}>{formatNumber(s.seats)}</td>
                    <td data-label={t('admissionsDashboard.col.firstWish')}>{formatNumber(s.firstWish)}</td>
                    <td data-label={t('admissionsDashboard.col.demandRatio')}>{percent(s.demandRatio)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="small">{t('admissionsDashboard.publicNote', { at: formatDateTime(d.generatedAt) })}</p>
        </>
      )}
    </>
  );
}
