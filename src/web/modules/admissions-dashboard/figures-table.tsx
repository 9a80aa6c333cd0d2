import { useTranslation } from 'react-i18next';
import type { DemandFigures } from '../../../shared/admission-dashboards.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';

export interface FigureRow extends DemandFigures {
  key: string;
  name: string;
  sub?: string;
}

export const percent = (r: number | null) => (r === null ? '—' : `${formatNumber(Math.round(r * 100))}%`);

/** Seats, demand and results per school or commune: a table on wide screens, cards on a phone. */
export function FiguresTable({ id, caption, rows }: { id: string; caption: string; rows: FigureRow[] }) {
  const { t } = useTranslation();
  const cols = [
    ['seats', (r: FigureRow) => formatNumber(r.seats)],
    ['firstWish', (r: FigureRow) => formatNumber(r.firstWish)],
    ['anyWish', (r: FigureRow) => formatNumber(r.anyWish)],
    ['demandRatio', (r: FigureRow) => percent(r.demandRatio)],
    ['approved', (r: FigureRow) => formatNumber(r.approved)],
    ['admitted', (r: FigureRow) => (r.admitted === null ? '—' : formatNumber(r.admitted))],
    ['fillRate', (r: FigureRow) => percent(r.fillRate)],
  ] as const;
  return (
    <>
      <h2 id={id}>{caption}</h2>
      <ScrollRegion labelledBy={id}>
        <table className="table table-stack">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admissionsDashboard.name')}</th>
              {cols.map(([k]) => (
                <th scope="col" key={k}>
                  {t(`admissionsDashboard.col.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">
                  {r.name}
                  {r.sub && <span className="block small">{r.sub}</span>}
                </th>
                {cols.map(([k, f]) => (
                  <td key={k} data-label={t(`admissionsDashboard.col.${k}`)}>
                    {f(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
