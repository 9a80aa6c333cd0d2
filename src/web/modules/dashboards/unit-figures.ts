import type { DashboardChild } from '../../../shared/dashboards.schema.ts';

/** The figures a unit below can be coloured and sorted by (the tile view and the table). */
export const FIGURES = [
  'reportsRate',
  'onTimeRate',
  'lateTasks',
  'applications',
  'dxGovernance',
  'dxAssessedRate',
] as const;
export type Figure = (typeof FIGURES)[number];

/** Figures shown on the public page (published DX results only). */
export const PUBLIC_FIGURES: readonly Figure[] = ['dxGovernance', 'dxAssessedRate'];

/** Whether a figure is a percentage (else a count or a score). */
export const IS_PERCENT: Record<Figure, boolean> = {
  reportsRate: true,
  onTimeRate: true,
  lateTasks: false,
  applications: false,
  dxGovernance: false,
  dxAssessedRate: true,
};

const rate = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : (a / b) * 100);

/** A figure of a unit below; null when there is nothing to show. */
export function figureOf(c: DashboardChild, f: Figure): number | null {
  switch (f) {
    case 'reportsRate':
      return rate(c.reportsSubmitted, c.reportsExpected);
    case 'onTimeRate':
      return rate(c.reportsOnTime, c.reportsExpected);
    case 'lateTasks':
      return c.lateTasks;
    case 'applications':
      return c.applications;
    case 'dxGovernance':
      return c.dxAvgGovernance;
    case 'dxAssessedRate':
      return rate(c.dxAssessed, c.dxSchools);
  }
}

/** Four classes of equal width between the smallest and the largest value (a legend's bins). */
export function binsOf(values: readonly number[]): { from: number; to: number }[] {
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (lo === hi) return [{ from: lo, to: hi }];
  const step = (hi - lo) / 4;
  return [0, 1, 2, 3].map((i) => ({ from: lo + i * step, to: i === 3 ? hi : lo + (i + 1) * step }));
}

/** The class (0–3) of a value among bins; -1 without a value. */
export function binOf(value: number | null, bins: readonly { from: number; to: number }[]): number {
  if (value === null || bins.length === 0) return -1;
  if (bins.length === 1) return 3;
  const i = bins.findIndex((b) => value <= b.to);
  return i < 0 ? bins.length - 1 : i;
}
