import type { ModuleRoute } from '../types.ts';

export const routes: ModuleRoute[] = [
  { path: '/org', load: () => import('./org-page.tsx').then((m) => m.OrgPage) },
  { path: '/schools', load: () => import('./schools-page.tsx').then((m) => m.SchoolsPage) },
  { path: '/schools/:id', load: () => import('./school-detail-page.tsx').then((m) => m.SchoolDetailPage) },
];
