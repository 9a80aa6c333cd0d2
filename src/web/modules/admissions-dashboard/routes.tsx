import type { ModuleRoute } from '../types.ts';

export const routes: ModuleRoute[] = [
  {
    path: '/admissions/dashboard',
    permission: ['admissions.review', 'admissions.manage'],
    load: () => import('./dashboard-page.tsx').then((m) => m.DashboardPage),
  },
  {
    path: '/tuyen-sinh/nhu-cau/:roundId',
    public: true,
    load: () => import('./demand-page.tsx').then((m) => m.DemandPage),
  },
];
