import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardChild, Overview } from '../../../shared/dashboards.schema.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { KpiCardItem } from '../kpis/kpis-page.tsx';
import { ColumnChart, StackedBar } from './charts.tsx';
import { formatFigure, TileGrid } from './tile-grid.tsx';
import { FIGURES, type Figure, figureOf, PUBLIC_FIGURES } from './unit-figures.ts';

const C = { ok: 'var(--success)', warn: '#b35900', bad: 'var(--danger)', none: '#c9d0d9' };

function NotAvailable() {
  const { t } = useTranslation();
  return <p className="small dash-na">{t('dashboards.notAvailable')}</p>;
}

/**
 * The figures of one unit: tiles that jump to their section, then admissions, reports, KPIs,
 * DX levels, plans and directives, then the units below as a tile view and a table. `figure`
 * (from the address) colours the tiles and orders the table; choosing it is the drill-down.
 */
export function OverviewView({
  data,
  figure,
  onFigure,
  linkOf,
}: {
  data: Overview;
  figure: Figure;
  onFigure: (f: Figure) => void;
  linkOf: ((c: DashboardChild) => string) | null;
}) {
  const { t } = useTranslation();
  const d = data;
  const figures = d.public ? PUBLIC_FIGURES : FIGURES;
  const kpisMet = d.kpis.items.filter((k) => k.status === 'met').length;
  const rounds = d.admissions.rounds;
  const applications = rounds.reduce((a, r) => a + r.total, 0);
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${formatNumber(Math.round((a / b) * 1000) / 10)}%`);
  const tiles: { key: string; label: string; value: string; href: string; figure?: Figure }[] = [
    { key: 'kpi', label: t('dashboards.fig.kpisMet'), value: `${kpisMet}/${d.kpis.items.length}`, href: '#dash-kpis' },
    {
      key: 'dx',
      label: t('dashboards.fig.dxAssessed'),
      value: d.dx.available ? `${formatNumber(d.dx.assessed)}/${formatNumber(d.dx.schools)}` : '—',
      href: '#dash-dx',
      figure: 'dxAssessedRate',
    },
    ...(d.public
      ? []
      : [
          {
            key: 'adm',
            label: t('dashboards.fig.applications'),
            value: formatNumber(applications),
            href: '#dash-adm',
            figure: 'applications' as const,
          },
          {
            key: 'rep',
            label: t('dashboards.fig.reports'),
            value: d.reports.available ? pct(d.reports.submitted, d.reports.expected) : '—',
            href: '#dash-rep',
            figure: 'reportsRate' as const,
          },
          {
            key: 'plan',
            label: t('dashboards.fig.lateTasks'),
            value: d.plans.available ? formatNumber(d.plans.late) : '—',
            href: '#dash-plans',
            figure: 'lateTasks' as const,
          },
          {
            key: 'dir',
            label: t('dashboards.fig.unanswered'),
            value: d.directives.available ? formatNumber(d.directives.expected - d.directives.answered) : '—',
            href: '#dash-plans',
          },
        ]),
  ];
  const hasUnits = d.children.some((c) => figures.some((f) => figureOf(c, f) !== null));
  const drill = (f: Figure | undefined) => f !== undefined && hasUnits && figures.includes(f);
  const sorted = [...d.children].sort((a, b) => (figureOf(b, figure) ?? -1) - (figureOf(a, figure) ?? -1));
  return (
    <>
      <dl className="dash-figures">
        {tiles.map((x) => (
          <div key={x.key} className="dash-figure">
            <dt>
              <a
                href={drill(x.figure) ? '#dash-units' : x.href}
                onClick={(e) => {
                  // A figure with units behind it opens the units below, coloured and sorted by it.
                  if (!drill(x.figure)) return;
                  e.preventDefault();
                  onFigure(x.figure!);
                  const h = document.getElementById('dash-units-h');
                  h?.scrollIntoView();
                  h?.focus();
                }}
              >
                {x.label}
              </a>
            </dt>
            <dd>{x.value}</dd>
          </div>
        ))}
      </dl>

      {!d.public && (
        <section id="dash-adm" aria-labelledby="dash-adm-h" className="card">
          <h2 id="dash-adm-h">{t('dashboards.admissions.title')}</h2>
          {!d.admissions.available ? (
            <NotAvailable />
          ) : rounds.length === 0 ? (
            <p>{t('dashboards.admissions.none')}</p>
          ) : (
            <ul className="dash-rounds">
              {rounds.map((r) => (
                <li key={r.id}>
                  <strong>{r.name}</strong>{' '}
                  <span className="small">
                    ({t(`dashboards.roundStatus.${r.status}`)} ·{' '}
                    {t('dashboards.admissions.until', { date: formatDate(r.registerTo) })})
                  </span>
                  <br />
                  {t('dashboards.admissions.total', { n: formatNumber(r.total) })}
                  {r.byState.length > 0 && (
                    <span className="small">
                      {' '}
                      — {r.byState.map((s) => `${t(`dashboards.state.${s.state}`)}: ${formatNumber(s.n)}`).join(', ')}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {!d.public && (
        <section id="dash-rep" aria-labelledby="dash-rep-h" className="card">
          <h2 id="dash-rep-h">{t('dashboards.reports.title')}</h2>
          {!d.reports.available ? (
            <NotAvailable />
          ) : (
            <StackedBar
              title={t('dashboards.reports.chart', { expected: formatNumber(d.reports.expected) })}
              total={d.reports.expected}
              parts={[
                { key: 'on', label: t('dashboards.reports.onTime'), value: d.reports.onTime, color: C.ok },
                {
                  key: 'late',
                  label: t('dashboards.reports.late'),
                  value: d.reports.submitted - d.reports.onTime,
                  color: C.warn,
                },
                {
                  key: 'miss',
                  label: t('dashboards.reports.missing'),
                  value: Math.max(0, d.reports.expected - d.reports.submitted),
                  color: C.bad,
                },
              ]}
            />
          )}
        </section>
      )}

      <section id="dash-kpis" aria-labelledby="dash-kpis-h">
        <h2 id="dash-kpis-h">{t('dashboards.kpis.title', { year: d.year })}</h2>
        {d.kpis.items.length === 0 ? (
          <p>{t('kpis.none')}</p>
        ) : (
          <ul className="kpi-cards">
            {d.kpis.items.map((c) => (
              <KpiCardItem key={c.indicator.code} card={c} year={d.year} unitId={d.unit.id} linkTo={!d.public} />
            ))}
          </ul>
        )}
      </section>

      <section id="dash-dx" aria-labelledby="dash-dx-h" className="card">
        <h2 id="dash-dx-h">{t(d.public ? 'dashboards.dx.titlePublic' : 'dashboards.dx.title', { year: d.year })}</h2>
        {d.public && !d.dx.published ? (
          <p>{t('dashboards.dx.notPublished', { year: d.year })}</p>
        ) : !d.dx.available ? (
          <NotAvailable />
        ) : (
          <>
            <p>
              {t('dashboards.dx.summary', {
                schools: formatNumber(d.dx.schools),
                assessed: formatNumber(d.dx.assessed),
                recognised: formatNumber(d.dx.recognised),
              })}
            </p>
            <div className="dash-two">
              <ColumnChart
                title={t('dashboards.dx.teaching')}
                bars={[1, 2, 3].map((l) => ({
                  key: String(l),
                  label: t('dashboards.dx.level', { level: l }),
                  value: d.dx.teaching[`l${l}` as 'l1'],
                }))}
              />
              <ColumnChart
                title={t('dashboards.dx.governance')}
                bars={[1, 2, 3].map((l) => ({
                  key: String(l),
                  label: t('dashboards.dx.level', { level: l }),
                  value: d.dx.governance[`l${l}` as 'l1'],
                }))}
              />
            </div>
          </>
        )}
      </section>

      {!d.public && (
        <section id="dash-plans" aria-labelledby="dash-plans-h" className="card">
          <h2 id="dash-plans-h">{t('dashboards.plans.title')}</h2>
          {!d.plans.available ? (
            <NotAvailable />
          ) : (
            <p>
              {t('dashboards.plans.summary', {
                total: formatNumber(d.plans.total),
                open: formatNumber(d.plans.open),
                late: formatNumber(d.plans.late),
              })}
            </p>
          )}
          <h3>{t('dashboards.directives.title')}</h3>
          {!d.directives.available ? (
            <NotAvailable />
          ) : (
            <StackedBar
              title={t('dashboards.directives.chart', {
                directives: formatNumber(d.directives.directives),
                expected: formatNumber(d.directives.expected),
              })}
              total={d.directives.expected}
              parts={[
                { key: 'ans', label: t('dashboards.directives.answered'), value: d.directives.answered, color: C.ok },
                {
                  key: 'read',
                  label: t('dashboards.directives.readOnly'),
                  value: Math.max(0, d.directives.read - d.directives.answered),
                  color: C.warn,
                },
                {
                  key: 'unread',
                  label: t('dashboards.directives.unread'),
                  value: Math.max(0, d.directives.expected - Math.max(d.directives.read, d.directives.answered)),
                  color: C.bad,
                },
              ]}
            />
          )}
          {d.directives.available && (
            <p className="small">{t('dashboards.directives.late', { n: formatNumber(d.directives.late) })}</p>
          )}
        </section>
      )}

      {d.children.length > 0 && !d.children.some((c) => figures.some((f) => figureOf(c, f) !== null)) && (
        <p>{t('dashboards.units.noFigures')}</p>
      )}
      {hasUnits && (
        <section id="dash-units" aria-labelledby="dash-units-h">
          <h2 id="dash-units-h" tabIndex={-1}>
            {t(d.unit.level === 'province' ? 'dashboards.units.communes' : 'dashboards.units.schools')}
          </h2>
          <div className="field">
            <label htmlFor="dash-figure">{t('dashboards.units.colourBy')}</label>
            <select id="dash-figure" value={figure} onChange={(e) => onFigure(e.target.value as Figure)}>
              {figures.map((f) => (
                <option key={f} value={f}>
                  {t(`dashboards.figure.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <TileGrid units={d.children} figure={figure} linkOf={linkOf} />
          <details className="dash-table-details">
            <summary>{t('dashboards.units.showTable')}</summary>
            <ScrollRegion labelledBy="dash-units-h">
              <table className="table table-stack">
                <caption>{t('dashboards.units.tableCaption', { figure: t(`dashboards.figure.${figure}`) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dashboards.units.unit')}</th>
                    {figures.map((f) => (
                      <th key={f} scope="col">
                        {t(`dashboards.figure.${f}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((c) => (
                    <tr key={c.unitId}>
                      <th scope="row">{linkOf && c.drillable ? <Link to={linkOf(c)}>{c.name}</Link> : c.name}</th>
                      {figures.map((f) => (
                        <td key={f} data-label={t(`dashboards.figure.${f}`)}>
                          {formatFigure(figureOf(c, f), f)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </details>
        </section>
      )}
    </>
  );
}
