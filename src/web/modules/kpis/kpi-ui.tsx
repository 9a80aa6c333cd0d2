import { useTranslation } from 'react-i18next';
import type { KpiStatus, KpiUnit, TrendPoint } from '../../../shared/kpis.schema.ts';
import { formatNumber } from '../../lib/format.ts';

/** A value in its unit: `66,67%`, `1.234`, `19.382,4 triệu đồng`; an empty value is "—". */
export function formatKpi(value: number | null | undefined, unit: KpiUnit, t: (k: string) => string): string {
  if (value == null) return '—';
  if (unit === 'percent') return `${formatNumber(value)}%`;
  if (unit === 'million_vnd') return `${formatNumber(value)} ${t('kpis.unitWord.million_vnd')}`;
  return formatNumber(value);
}

const MARK: Record<KpiStatus, string> = { met: '✓', near: '!', behind: '✗', no_target: '–', no_data: '?' };

/** The status as a badge: a mark, a word and a colour (never the colour alone, WCAG 1.4.1). */
export function KpiStatusBadge({ status }: { status: KpiStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`kpi-status kpi-status-${status}`}>
      <span aria-hidden="true">{MARK[status]}</span> {t(`kpis.status.${status}`)}
    </span>
  );
}

/**
 * A small trend line (inline SVG) of the actuals by year, with the target as a dashed line.
 * The drawing is hidden from screen readers; the same figures follow as text for them.
 */
export function Sparkline({
  points,
  unit,
  width = 100,
  height = 28,
}: {
  points: TrendPoint[];
  unit: KpiUnit;
  width?: number;
  height?: number;
}) {
  const { t } = useTranslation();
  const values = points.flatMap((p) => [p.actual, p.target]).filter((v): v is number => v !== null);
  const max = Math.max(1, ...values);
  const min = Math.min(0, ...values);
  const w = 100;
  const h = 28;
  const x = (i: number) => (points.length <= 1 ? w / 2 : (i / (points.length - 1)) * (w - 4) + 2);
  const y = (v: number) => h - 2 - ((v - min) / (max - min || 1)) * (h - 4);
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.actual === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.actual).toFixed(1)} `;
  });
  if (current) segments.push(current);
  const last = points.at(-1);
  const text = points.map((p) => `${p.year}: ${formatKpi(p.actual, unit, t)}`).join('; ');
  return (
    <span className="kpi-spark">
      <svg viewBox={`0 0 ${w} ${h}`} width={width} height={height} aria-hidden="true" focusable="false">
        {last?.target != null && (
          <line
            x1="0"
            x2={w}
            y1={y(last.target)}
            y2={y(last.target)}
            stroke="var(--muted)"
            strokeDasharray="3 2"
            strokeWidth="1"
            vectorEffect="non-scaling-stroke"
          />
        )}
        {segments.map((d) => (
          <path key={d} d={d} fill="none" stroke="var(--primary)" strokeWidth="2" vectorEffect="non-scaling-stroke" />
        ))}
        {points.map((p, i) =>
          p.actual === null ? null : <circle key={p.year} cx={x(i)} cy={y(p.actual)} r="2" fill="var(--primary)" />,
        )}
      </svg>
      <span className="visually-hidden">
        {t('kpis.trend')}: {text}
      </span>
    </span>
  );
}

/** Years to choose from: this year and the four before. */
export function yearChoices(now = new Date()): number[] {
  const y = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(now));
  return [y, y - 1, y - 2, y - 3, y - 4];
}
