import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FiledState, type Overview, type OverviewRow } from '../../../shared/admission-dashboards.schema.ts';
import { STATE_LABELS } from '../../../shared/dossiers.schema.ts';
import { apiGet } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { BarList } from './bar-list.tsx';
import { percent } from './figures-table.tsx';
import './admissions-dashboard.css';

const LEVELS = ['1', '6', '10'] as const;

/** The school year whose rounds run now (as the server's default): Y–Y+1 until September of Y. */
function admissionYear(now = new Date()): number {
  const local = new Date(now.getTime() + 7 * 3600_000);
  return local.getUTCFullYear() + (local.getUTCMonth() >= 8 ? 1 : 0);
}

/** A few years around the one being admitted, and the one shown. */
function yearOptions(shown: string | undefined): string[] {
  const a = admissionYear();
  const years = [a + 1, a, a - 1, a - 2, a - 3].map((y) => `${y}-${y + 1}`);
  return shown && !years.includes(shown) ? [shown, ...years].sort().reverse() : years;
}

/** Chart labels: the running unit, with the round's code where a unit runs two rounds. */
function labels(rows: readonly OverviewRow[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.round.runningUnit.id, (count.get(r.round.runningUnit.id) ?? 0) + 1);
  return new Map(
    rows.map((r) => [
      r.round.id,
      (count.get(r.round.runningUnit.id) ?? 0) > 1
        ? `${r.round.runningUnit.name} (${r.round.code})`
        : r.round.runningUnit.name,
    ]),
  );
}

const pct = (n: number) => `${formatNumber(n)}%`;

/** /admissions/dashboard without a round: every round of a school year and level in the actor's scope. */
export function OverviewView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [params, setParams] = useSearchParams();
  const query = { schoolYear: params.get('schoolYear') || undefined, level: params.get('level') || undefined };
  const data = useQuery({
    queryKey: ['admissions-dashboard-overview', query],
    queryFn: ({ signal }) => apiGet<Overview>('/api/admissions/dashboard/overview', query, signal),
    placeholderData: keepPreviousData,
  });
  const d = data.data;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next);
  };
  const names = labels(d?.rows ?? []);
  const figures: [string, string][] = d
    ? [
        [t('admissionsDashboard.overview.rounds'), formatNumber(d.total.rounds)],
        [t('admissionsDashboard.col.seats'), formatNumber(d.total.seats)],
        [t('admissionsDashboard.applications'), formatNumber(d.total.applications)],
        [t('admissionsDashboard.col.firstWish'), formatNumber(d.total.firstWish)],
        [t('admissionsDashboard.col.demandRatio'), percent(d.total.demandRatio)],
        [t('admissionsDashboard.col.admitted'), d.total.admitted === null ? '—' : formatNumber(d.total.admitted)],
        [t('admissionsDashboard.col.fillRate'), percent(d.total.fillRate)],
        [t('admissionsDashboard.overview.overdue'), formatNumber(d.total.overdue)],
      ]
    : [];

  return (
    <>
      <form className="filters card" aria-label={t('admissionsDashboard.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('admissionsDashboard.overview.schoolYear')}
          <select value={d?.schoolYear ?? query.schoolYear ?? ''} onChange={(e) => set('schoolYear', e.target.value)}>
            {yearOptions(d?.schoolYear).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admissionsDashboard.overview.level')}
          <select value={String(d?.level ?? query.level ?? '1')} onChange={(e) => set('level', e.target.value)}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t('admissionsDashboard.overview.levelName', { level: l })}
              </option>
            ))}
          </select>
        </label>
      </form>
      {data.isPending && <Loading />}
      {data.isError && <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />}
      {d && (
        <>
          <h2 id="overview-totals">
            {t('admissionsDashboard.overview.heading', { level: d.level, year: d.schoolYear })}
          </h2>
          {d.rows.length === 0 ? (
            <p className="empty">{t('admissionsDashboard.overview.none', { level: d.level, year: d.schoolYear })}</p>
          ) : (
            <>
              <dl className="figure-tiles" aria-labelledby="overview-totals">
                {figures.map(([label, value]) => (
                  <div key={label} className="figure-tile">
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
              <p className="small">{t('admissionsDashboard.overview.fillNote')}</p>
              <BarList
                title={t('admissionsDashboard.overview.chart')}
                valueLabel={t('admissionsDashboard.col.demandRatio')}
                markLabel={t('admissionsDashboard.overview.seatsMark')}
                format={pct}
                bars={d.rows.map((r) => ({
                  key: r.round.id,
                  label: names.get(r.round.id) ?? r.round.runningUnit.name,
                  value: Math.round((r.demandRatio ?? 0) * 100),
                  mark: 100,
                  alert: (r.demandRatio ?? 0) > 1,
                }))}
              />
              <BarList
                title={t('admissionsDashboard.byStatus')}
                valueLabel={t('admissionsDashboard.applications')}
                bars={FiledState.options.map((s) => ({
                  key: s,
                  label: STATE_LABELS[s][lang],
                  value: d.total.byStatus[s],
                }))}
              />
              <RoundsTable rows={d.rows} total={d.total} names={names} />
            </>
          )}
        </>
      )}
    </>
  );
}

/** One row per round (cards on a phone), each linking to its own dashboard by its running unit; the totals last. */
function RoundsTable({
  rows,
  total,
  names,
}: {
  rows: OverviewRow[];
  total: Overview['total'];
  names: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  type Figures = Omit<OverviewRow, 'round' | 'coverage'>;
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v));
  const cols: [string, string, (r: Figures) => string][] = [
    ['seats', t('admissionsDashboard.col.seats'), (r) => n(r.seats)],
    ['applications', t('admissionsDashboard.applications'), (r) => n(r.applications)],
    ...FiledState.options.map((s): [string, string, (r: Figures) => string] => [
      s,
      STATE_LABELS[s][lang],
      (r) => n(r.byStatus[s]),
    ]),
    ['firstWish', t('admissionsDashboard.col.firstWish'), (r) => n(r.firstWish)],
    ['demandRatio', t('admissionsDashboard.col.demandRatio'), (r) => percent(r.demandRatio)],
    ['admitted', t('admissionsDashboard.col.admitted'), (r) => n(r.admitted)],
    ['fillRate', t('admissionsDashboard.col.fillRate'), (r) => percent(r.fillRate)],
    ['overdue', t('admissionsDashboard.overview.overdue'), (r) => n(r.overdue)],
  ];
  return (
    <>
      <h2 id="overview-rounds">{t('admissionsDashboard.overview.table')}</h2>
      <ScrollRegion labelledBy="overview-rounds">
        <table className="table table-stack">
          <caption className="visually-hidden">{t('admissionsDashboard.overview.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admissionsDashboard.runBy')}</th>
              <th scope="col">{t('admissionsDashboard.overview.roundStatus')}</th>
              {cols.map(([k, label]) => (
                <th scope="col" key={k}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.round.id}>
                <th scope="row">
                  <Link to={`/admissions/dashboard?roundId=${r.round.id}`} title={r.round.name}>
                    {names.get(r.round.id) ?? r.round.runningUnit.name}
                  </Link>
                  {r.coverage === 'schools' && (
                    <span className="block small">{t('admissionsDashboard.coverage_schools')}</span>
                  )}
                </th>
                <td data-label={t('admissionsDashboard.overview.roundStatus')}>
                  {t(`admissions.status.${r.round.status}`)}
                </td>
                {cols.map(([k, label, f]) => (
                  <td key={k} data-label={label}>
                    {f(r)}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('admissionsDashboard.total')}</th>
              <td data-label={t('admissionsDashboard.overview.roundStatus')}>
                {t('admissionsDashboard.overview.roundCount', { count: total.rounds })}
              </td>
              {cols.map(([k, label, f]) => (
                <td key={k} data-label={label}>
                  {f(total)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
