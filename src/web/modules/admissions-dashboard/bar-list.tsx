import { useId } from 'react';
import { formatNumber } from '../../lib/format.ts';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** A mark on the bar's scale (the seats of a school). */
  mark?: number | null;
  /** Drawn in the warning colour (over-subscribed). */
  alert?: boolean;
}

/**
 * Horizontal bars drawn as inline SVG (no chart library), one per line under its label, so long
 * school names wrap on a phone. The drawing is hidden from screen readers; the same figures are
 * in a table for them (WCAG 1.1.1). Colours: --primary, --danger and --text, all ≥ 3:1 on white.
 */
export function BarList({
  title,
  bars,
  valueLabel,
  markLabel,
  format = formatNumber,
}: {
  title: string;
  bars: Bar[];
  valueLabel: string;
  markLabel?: string;
  /** How values and marks are written (default: a number with Vietnamese separators). */
  format?: (n: number) => string;
}) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value, b.mark ?? 0)));
  return (
    <figure className="card bar-list" aria-labelledby={id}>
      <figcaption id={id}>
        <strong>{title}</strong>
      </figcaption>
      <ul aria-hidden="true">
        {bars.map((b) => (
          <li key={b.key}>
            <div className="small bar-list-label">
              <span>{b.label}</span>
              <span className="nowrap">
                {format(b.value)}
                {b.mark != null && markLabel ? ` / ${format(b.mark)}` : ''}
              </span>
            </div>
            <svg
              width="100%"
              height="14"
              viewBox="0 0 100 14"
              preserveAspectRatio="none"
              focusable="false"
              aria-hidden="true"
            >
              <title>{`${b.label}: ${format(b.value)}`}</title>
              <rect x="0" y="2" width="100" height="10" fill="var(--bg)" stroke="var(--border)" strokeWidth="0.3" />
              <rect
                x="0"
                y="2"
                width={(b.value / max) * 100}
                height="10"
                fill={b.alert ? 'var(--danger)' : 'var(--primary)'}
              />
              {b.mark != null && (
                <rect x={Math.min(99.4, (b.mark / max) * 100)} y="0" width="0.6" height="14" fill="var(--text)" />
              )}
            </svg>
          </li>
        ))}
      </ul>
      {/* A table is never narrower than its content, whatever its width: hide a wrapper instead. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">{valueLabel}</th>
              {markLabel && <th scope="col">{markLabel}</th>}
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td>{format(b.value)}</td>
                {markLabel && <td>{b.mark == null ? '—' : format(b.mark)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
