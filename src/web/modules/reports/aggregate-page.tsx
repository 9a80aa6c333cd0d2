import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { type PeriodScope, PeriodScopePage } from './period-scope.tsx';
import { formatViNumber } from './report-values.ts';
import { exportUrl, getAggregate } from './reports-api.ts';
import './reports.css';

/** /bao-cao/tong-hop/:formId/:periodKey — numeric fields rolled up the tree, by child unit; Excel exports. */
export function AggregatePage() {
  return <PeriodScopePage titleKey="reports.aggregate.title">{(scope) => <Aggregate scope={scope} />}</PeriodScopePage>;
}

function Aggregate({ scope }: { scope: PeriodScope }) {
  const { t } = useTranslation();
  const { period, rootUnitId, hrefFor } = scope;
  const figures = useQuery({
    queryKey: ['report-aggregate', period.id, rootUnitId],
    queryFn: ({ signal }) => getAggregate(period.id, { rootUnitId }, signal),
  });
  return (
    <>
      <p className="rp-actions">
        <a className="button secondary" href={exportUrl(period.id, 'aggregate', rootUnitId)} download>
          {t('reports.aggregate.exportAggregate')}
        </a>
        <a className="button secondary" href={exportUrl(period.id, 'raw', rootUnitId)} download>
          {t('reports.aggregate.exportRaw')}
        </a>
      </p>
      <p className="hint">{t('reports.aggregate.note')}</p>
      {figures.isPending ? (
        <Loading />
      ) : figures.isError ? (
        <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} />
      ) : figures.data.fields.length === 0 ? (
        <p>{t('reports.aggregate.noNumbers')}</p>
      ) : (
        figures.data.fields.map((f) => {
          const captionId = `rp-agg-${f.fieldCode}`;
          return (
            <section key={f.fieldCode} className="rp-section" aria-labelledby={captionId}>
              <h2 id={captionId}>{f.label}</h2>
              <p>
                <span className="rp-figure-value">{formatViNumber(f.value) || '—'}</span>{' '}
                {t(`reports.aggregation.${f.aggregation}`)} · {t('reports.aggregate.count', { count: f.count })}
              </p>
              {f.byChild.some((c) => c.count > 0) && (
                <ScrollRegion labelledBy={`${captionId}-t`}>
                  <table className="table rp-table">
                    <caption id={`${captionId}-t`}>{t('reports.aggregate.byChild', { field: f.label })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('reports.figures.unitCol')}</th>
                        <th scope="col" className="rp-num">
                          {t('reports.aggregate.value')}
                        </th>
                        <th scope="col" className="rp-num">
                          {t('reports.aggregate.reports')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {f.byChild
                        .filter((c) => c.count > 0)
                        .map((c) => (
                          <tr key={c.unitId}>
                            <th scope="row">
                              <Link to={hrefFor(c.unitId)}>{c.unitName}</Link>
                            </th>
                            <td className="rp-num">{formatViNumber(c.value) || '—'}</td>
                            <td className="rp-num">{formatViNumber(c.count)}</td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              )}
            </section>
          );
        })
      )}
    </>
  );
}
