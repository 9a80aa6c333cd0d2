import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardChild } from '../../../shared/dashboards.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { binOf, binsOf, type Figure, figureOf, IS_PERCENT } from './unit-figures.ts';

/** Four blues from light to dark; text colour chosen per class for ≥ 4.5:1 contrast. */
const CLASS_BG = ['#e6f0fa', '#a9cbed', '#4f8fd0', '#0b5cad'];
const CLASS_FG = ['#1b1f24', '#1b1f24', '#1b1f24', '#ffffff'];

export function formatFigure(v: number | null, f: Figure): string {
  if (v === null) return '—';
  const n = formatNumber(Math.round(v * 10) / 10);
  return IS_PERCENT[f] ? `${n}%` : n;
}

/**
 * "A map without geodata": one tile per unit below (the province's communes and the Sở, or a
 * commune's schools), coloured by the chosen figure in four classes. Each tile writes its value
 * and the legend gives each class's range, so colour is never the only cue; a tile of a commune
 * links to that commune's own dashboard (the drill-down).
 */
export function TileGrid({
  units,
  figure,
  linkOf,
}: {
  units: DashboardChild[];
  figure: Figure;
  linkOf: ((c: DashboardChild) => string) | null;
}) {
  const { t } = useTranslation();
  const values = units.map((u) => figureOf(u, figure));
  const bins = binsOf(values.filter((v): v is number => v !== null));
  return (
    <div className="dash-tiles-wrap">
      <ul className="dash-legend dash-tile-legend" aria-label={t('dashboards.tiles.legend')}>
        {bins.map((b, i) => (
          <li key={`${b.from}-${b.to}`}>
            <span className="dash-swatch" style={{ background: CLASS_BG[bins.length === 1 ? 3 : i] }} />{' '}
            {bins.length === 1
              ? formatFigure(b.from, figure)
              : `${formatFigure(b.from, figure)} – ${formatFigure(b.to, figure)}`}
          </li>
        ))}
        <li>
          <span className="dash-swatch dash-swatch-none" /> {t('dashboards.tiles.noValue')}
        </li>
      </ul>
      <ul className="dash-tiles">
        {units.map((u, i) => {
          const v = values[i] ?? null;
          const k = binOf(v, bins);
          const style = k < 0 ? undefined : { background: CLASS_BG[k], color: CLASS_FG[k] };
          const body = (
            <>
              <span className="dash-tile-name">{u.name}</span>
              <span className="dash-tile-value">{formatFigure(v, figure)}</span>
            </>
          );
          const href = linkOf && u.drillable ? linkOf(u) : null;
          return (
            <li key={u.unitId} className={`dash-tile${k < 0 ? ' dash-tile-none' : ''}`} style={style}>
              {href ? (
                <Link to={href} style={style ? { color: style.color } : undefined}>
                  {body}
                </Link>
              ) : (
                <span className="dash-tile-inner">{body}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
