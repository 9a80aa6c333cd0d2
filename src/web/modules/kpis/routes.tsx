import type { ModuleRoute } from '../types.ts';

const READ = ['dashboards.read', 'kpis.manage'] as const;

/** The KPI pages (Vietnamese paths), each a lazy chunk. */
export const routes: ModuleRoute[] = [
  { path: '/chi-so', permission: READ, load: () => import('./kpis-page.tsx').then((m) => m.KpisPage) },
  {
    path: '/chi-so/moi',
    permission: 'kpis.manage',
    load: () => import('./indicator-form-page.tsx').then((m) => m.IndicatorCreatePage),
  },
  {
    path: '/chi-so/:code/sua',
    permission: 'kpis.manage',
    load: () => import('./indicator-form-page.tsx').then((m) => m.IndicatorEditPage),
  },
  { path: '/chi-so/:code', permission: READ, load: () => import('./kpi-detail-page.tsx').then((m) => m.KpiDetailPage) },
];
