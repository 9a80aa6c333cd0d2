import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { KpiDetail } from '../../../shared/kpis.schema.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination, pageFromParams } from '../../ui/pagination.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { ActualForm, TargetForm } from './kpi-forms.tsx';
import { formatKpi, KpiStatusBadge, Sparkline, yearChoices } from './kpi-ui.tsx';
import { deleteTarget, getKpi } from './kpis-api.ts';
import './kpis.css';

const PAGE_SIZE = 50;

/** /chi-so/:code — one indicator for a unit: trend by year, drill-down by commune or school, targets. */
export function KpiDetailPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || yearChoices()[0]!;
  const unitId = params.get('unitId') || undefined;
  const page = pageFromParams(params);
  const q = useQuery({
    queryKey: ['kpis', 'detail', code, year, unitId, page],
    queryFn: ({ signal }) => getKpi(code, { year, page, pageSize: PAGE_SIZE, ...(unitId ? { unitId } : {}) }, signal),
    placeholderData: keepPreviousData,
  });
  const d = q.data;
  const name = d ? (i18n.language === 'en' ? d.indicator.nameEn : d.indicator.nameVi) : t('kpis.title');
  usePageTitle(name);
  const setYear = (y: string) => {
    const next = new URLSearchParams(params);
    next.set('year', y);
    next.delete('page');
    setParams(next);
  };
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const d2 = d as KpiDetail;
  const ind = d2.indicator;
  const manage = hasPermission(me, 'kpis.manage');
  const canEnter = ind.kind === 'manual' && hasPermission(me, ['kpis.manage', 'reports.submit']);
  const units = [
    { id: d2.unitId, name: d2.unitName },
    ...d2.children.items.map((c) => ({ id: c.unitId, name: c.unitName })),
  ];
  return (
    <div className="kpi-page">
      <p className="small">
        <Link to={`/chi-so?year=${year}`}>{t('kpis.title')}</Link>
      </p>
      <h1>{name}</h1>
      {ind.sourceRef && <p className="kpi-source">{ind.sourceRef}</p>}
      <p className="small">
        {t('kpis.codeLine', { code: ind.code })} · {t(`kpis.kind.${ind.kind}`)}
        {ind.formula && (
          <>
            {' '}
            · <code className="id">{ind.formula}</code>
          </>
        )}
      </p>
      {manage && (
        <p>
          <Link to={`/chi-so/${encodeURIComponent(ind.code)}/sua`}>{t('kpis.form.edit')}</Link>
        </p>
      )}
      <div className="kpi-toolbar">
        <div className="field">
          <label htmlFor="kpi-year">{t('kpis.year')}</label>
          <select id="kpi-year" value={year} onChange={(e) => setYear(e.target.value)}>
            {yearChoices().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>

      <section aria-labelledby="kpi-now" className="card">
        <h2 id="kpi-now">{t('kpis.unitLine', { unit: d2.unitName, year })}</h2>
        <dl className="kpi-figures">
          <div>
            <dt>{t('kpis.actual')}</dt>
            <dd>{formatKpi(d2.actual, ind.unit, t)}</dd>
          </div>
          <div>
            <dt>{t('kpis.target')}</dt>
            <dd>{formatKpi(d2.target, ind.unit, t)}</dd>
          </div>
        </dl>
        <KpiStatusBadge status={d2.status} />
        {d2.missing.length > 0 && <p className="small kpi-missing">{t('kpis.notAvailable')}</p>}
        {d2.sourceNote && <p className="small kpi-source">{t('kpis.sourceNote', { note: d2.sourceNote })}</p>}
      </section>

      <section aria-labelledby="kpi-trend">
        <h2 id="kpi-trend">{t('kpis.trendTitle')}</h2>
        <div className="kpi-trend-chart">
          <Sparkline points={d2.trend} unit={ind.unit} width={300} height={84} />
        </div>
        <ScrollRegion labelledBy="kpi-trend">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('kpis.year')}</th>
                <th scope="col">{t('kpis.actual')}</th>
                <th scope="col">{t('kpis.target')}</th>
              </tr>
            </thead>
            <tbody>
              {d2.trend.map((p) => (
                <tr key={p.year}>
                  <th scope="row">{p.year}</th>
                  <td>{formatKpi(p.actual, ind.unit, t)}</td>
                  <td>{formatKpi(p.target, ind.unit, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <section aria-labelledby="kpi-children">
        <h2 id="kpi-children">{t('kpis.drillTitle')}</h2>
        {d2.children.total === 0 ? (
          <p>{t('kpis.noChildren')}</p>
        ) : (
          <>
            <ScrollRegion labelledBy="kpi-children">
              <table className="table table-stack">
                <thead>
                  <tr>
                    <th scope="col">{t('kpis.unit')}</th>
                    <th scope="col">{t('kpis.actual')}</th>
                    <th scope="col">{t('kpis.target')}</th>
                    <th scope="col">{t('kpis.statusCol')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d2.children.items.map((c) => (
                    <tr key={c.unitId}>
                      <th scope="row">
                        {c.drillable ? (
                          <Link to={`/chi-so/${encodeURIComponent(ind.code)}?year=${year}&unitId=${c.unitId}`}>
                            {c.unitName}
                          </Link>
                        ) : (
                          c.unitName
                        )}
                      </th>
                      <td data-label={t('kpis.actual')}>
                        <span>
                          {formatKpi(c.actual, ind.unit, t)}
                          {c.sourceNote && <span className="code-line">{c.sourceNote}</span>}
                        </span>
                      </td>
                      <td data-label={t('kpis.target')}>{formatKpi(c.target, ind.unit, t)}</td>
                      <td data-label={t('kpis.statusCol')}>
                        <span>
                          <KpiStatusBadge status={c.status} />
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
            <Pagination page={d2.children.page} pageSize={d2.children.pageSize} total={d2.children.total} />
          </>
        )}
      </section>

      <TargetsSection detail={d2} manage={manage} />

      {(manage || canEnter) && (
        <div className="kpi-forms">
          {manage && <TargetForm code={ind.code} year={year} units={units} />}
          {canEnter && <ActualForm code={ind.code} year={year} units={units} />}
        </div>
      )}
    </div>
  );
}

function TargetsSection({ detail, manage }: { detail: KpiDetail; manage: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: (x: { year: number; unitId: string }) => deleteTarget(detail.indicator.code, x.year, x.unitId),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['kpis'] }),
  });
  return (
    <section aria-labelledby="kpi-targets">
      <h2 id="kpi-targets">{t('kpis.targetsTitle')}</h2>
      {remove.isError && <ErrorAlert error={remove.error} />}
      {detail.targets.length === 0 ? (
        <p>{t('kpis.noTargets')}</p>
      ) : (
        <ul className="kpi-target-list">
          {detail.targets.map((x) => (
            <li key={`${x.year}-${x.unitId}`}>
              {t('kpis.targetLine', {
                year: x.year,
                unit: x.unitName,
                target: formatKpi(x.target, detail.indicator.unit, t),
              })}
              {x.note && <span className="small"> — {x.note}</span>}{' '}
              {manage && (
                <button
                  type="button"
                  className="link-button"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ year: x.year, unitId: x.unitId })}
                >
                  {t('kpis.removeTarget', { year: x.year, unit: x.unitName })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
