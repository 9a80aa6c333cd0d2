import type { ModuleRoute } from '../types.ts';
import { ROUND_READERS } from './nav.ts';

/** Staff pages of admission rounds; the server checks the scope of each call again. */
export const routes: ModuleRoute[] = [
  {
    path: '/admissions/rounds',
    permission: ROUND_READERS,
    load: () => import('./rounds-page.tsx').then((m) => m.RoundsPage),
  },
  {
    path: '/admissions/rounds/:roundId',
    permission: ROUND_READERS,
    load: () => import('./round-page.tsx').then((m) => m.RoundPage),
  },
  {
    path: '/admissions/rounds/:roundId/allocation',
    permission: 'admissions.allocate',
    load: () => import('./allocation-page.tsx').then((m) => m.AllocationPage),
  },
  {
    path: '/admissions/rounds/:roundId/children-without-application',
    permission: ROUND_READERS,
    load: () => import('./children-page.tsx').then((m) => m.ChildrenPage),
  },
  {
    path: '/admissions/rounds/:roundId/results',
    permission: ROUND_READERS,
    load: () => import('./results-page.tsx').then((m) => m.ResultsPage),
  },
];
