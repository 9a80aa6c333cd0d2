import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { KpiCard } from '../../../shared/kpis.schema.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { formatKpi, KpiStatusBadge, Sparkline, yearChoices } from './kpi-ui.tsx';
import { getKpis } from './kpis-api.ts';
import './kpis.css';

/** /chi-so — the indicators of the reader's unit (or one below it) for a year: target, actual, status, trend. */
export function KpisPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('kpis.title'));
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || yearChoices()[0]!;
  const unitId = params.get('unitId') || undefined;
  const q = useQuery({
    queryKey: ['kpis', 'list', year, unitId],
    queryFn: ({ signal }) => getKpis({ year, ...(unitId ? { unitId } : {}) }, signal),
    placeholderData: keepPreviousData,
  });
  const setYear = (y: string) => {
    const next = new URLSearchParams(params);
    next.set('year', y);
    setParams(next);
  };
  return (
    <div className="kpi-page">
      <h1>{t('kpis.title')}</h1>
      <p className="lead">{t('kpis.intro')}</p>
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
        {hasPermission(me, 'kpis.manage') && (
          <Link className="button secondary" to="/chi-so/moi">
            {t('kpis.form.navNew')}
          </Link>
        )}
      </div>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <p>
            {t('kpis.unitLine', { unit: q.data.unitName, year: q.data.year })}
            {unitId && (
              <>
                {' '}
                <Link to={`/chi-so?year=${year}`}>{t('kpis.backToOwn')}</Link>
              </>
            )}
          </p>
          {q.data.items.length === 0 ? (
            <p>{t('kpis.none')}</p>
          ) : (
            <ul className="kpi-cards">
              {q.data.items.map((c) => (
                <KpiCardItem key={c.indicator.code} card={c} year={year} unitId={unitId} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

export function KpiCardItem({
  card,
  year,
  unitId,
  linkTo = true,
}: {
  card: KpiCard;
  year: number;
  unitId?: string | undefined;
  linkTo?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const ind = card.indicator;
  const name = i18n.language === 'en' ? ind.nameEn : ind.nameVi;
  const href = `/chi-so/${encodeURIComponent(ind.code)}?year=${year}${unitId ? `&unitId=${unitId}` : ''}`;
  return (
    <li className={`kpi-card kpi-card-${card.status}`}>
      <h2 className="kpi-card-title">{linkTo ? <Link to={href}>{name}</Link> : name}</h2>
      {ind.sourceRef && <p className="small kpi-source">{ind.sourceRef}</p>}
      <dl className="kpi-figures">
        <div>
          <dt>{t('kpis.actual')}</dt>
          <dd>{formatKpi(card.actual, ind.unit, t)}</dd>
        </div>
        <div>
          <dt>{t('kpis.target')}</dt>
          <dd>
            {card.target === null ? '—' : formatKpi(card.target, ind.unit, t)}
            {card.target !== null && (
              <span className="small"> {t(ind.direction === 'higher' ? 'kpis.atLeast' : 'kpis.atMost')}</span>
            )}
          </dd>
        </div>
      </dl>
      <div className="kpi-card-foot">
        <KpiStatusBadge status={card.status} />
        {card.trend.length > 1 && <Sparkline points={card.trend} unit={ind.unit} />}
      </div>
      {card.missing.length > 0 && <p className="small kpi-missing">{t('kpis.notAvailable')}</p>}
      {card.sourceNote && <p className="small kpi-source">{t('kpis.sourceNote', { note: card.sourceNote })}</p>}
    </li>
  );
}
