import { useId } from 'react';
import { formatNumber } from '../../lib/format.ts';

export interface Part {
  key: string;
  label: string;
  value: number;
  /** A CSS colour (≥ 3:1 against white and its neighbours). */
  color: string;
}

/**
 * One horizontal bar split into parts (e.g. reports on time / late / missing), drawn as inline
 * SVG, with a legend that names each part and its number (so colour is never the only cue) and
 * the same figures as a table for screen readers (the drawing is hidden from them).
 */
export function StackedBar({ title, parts, total }: { title: string; parts: Part[]; total?: number }) {
  const id = useId();
  const sum = total ?? parts.reduce((a, p) => a + p.value, 0);
  let x = 0;
  return (
    <figure className="dash-chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      <svg
        width="100%"
        height="18"
        viewBox="0 0 100 18"
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        <rect x="0" y="1" width="100" height="16" fill="var(--bg)" stroke="var(--border)" strokeWidth="0.3" />
        {sum > 0 &&
          parts.map((p) => {
            const w = (p.value / sum) * 100;
            const r = <rect key={p.key} x={x} y="1" width={w} height="16" fill={p.color} />;
            x += w;
            return r;
          })}
      </svg>
      <ul className="dash-legend" aria-hidden="true">
        {parts.map((p) => (
          <li key={p.key}>
            <span className="dash-swatch" style={{ background: p.color }} /> {p.label}:{' '}
            <strong>{formatNumber(p.value)}</strong>
          </li>
        ))}
      </ul>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {parts.map((p) => (
            <tr key={p.key}>
              <th scope="row">{p.label}</th>
              <td>{formatNumber(p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Small vertical bars (e.g. schools per DX level), hidden from screen readers, with a table beside. */
export function ColumnChart({ title, bars }: { title: string; bars: { key: string; label: string; value: number }[] }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const w = 100 / Math.max(1, bars.length);
  return (
    <figure className="dash-chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      <svg
        width="100%"
        height="64"
        viewBox="0 0 100 64"
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        {bars.map((b, i) => {
          const h = (b.value / max) * 60;
          return <rect key={b.key} x={i * w + w * 0.15} y={62 - h} width={w * 0.7} height={h} fill="var(--primary)" />;
        })}
        <rect x="0" y="62" width="100" height="0.6" fill="var(--text)" />
      </svg>
      <table className="table dash-mini-table">
        <tbody>
          <tr>
            {bars.map((b) => (
              <th key={b.key} scope="col">
                {b.label}
              </th>
            ))}
          </tr>
          <tr>
            {bars.map((b) => (
              <td key={b.key}>{formatNumber(b.value)}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
