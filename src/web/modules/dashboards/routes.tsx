import type { ModuleRoute } from '../types.ts';

/** The dashboards' pages (Vietnamese paths), each a lazy chunk. */
export const routes: ModuleRoute[] = [
  {
    path: '/dieu-hanh',
    permission: 'dashboards.read',
    load: () => import('./dashboard-page.tsx').then((m) => m.DashboardPage),
  },
  {
    path: '/dieu-hanh/cong-khai',
    public: true,
    load: () => import('./public-page.tsx').then((m) => m.PublicDashboardPage),
  },
];
