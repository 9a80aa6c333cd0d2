import type { ModuleRoute } from '../types.ts';

/** Staff pages of admission rounds; the server checks the scope of each call again. */
export const routes: ModuleRoute[] = [
  {
    path: '/admissions/rounds',
    permission: 'admissions.review',
    load: () => import('./rounds-page.tsx').then((m) => m.RoundsPage),
  },
  {
    path: '/admissions/rounds/:roundId',
    permission: 'admissions.review',
    load: () => import('./round-page.tsx').then((m) => m.RoundPage),
  },
  {
    path: '/admissions/rounds/:roundId/allocation',
    permission: 'admissions.allocate',
    load: () => import('./allocation-page.tsx').then((m) => m.AllocationPage),
  },
  {
    path: '/admissions/rounds/:roundId/results',
    permission: 'admissions.review',
    load: () => import('./results-page.tsx').then((m) => m.ResultsPage),
  },
];
