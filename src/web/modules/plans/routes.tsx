import type { ModuleRoute } from '../types.ts';

const READ = ['plans.manage', 'plans.report'] as const;

/** The plans pages (Vietnamese paths), each a lazy chunk. */
export const routes: ModuleRoute[] = [
  { path: '/ke-hoach', permission: READ, load: () => import('./plans-list-page.tsx').then((m) => m.PlansListPage) },
  {
    path: '/ke-hoach/nhiem-vu-cua-toi',
    permission: 'plans.report',
    load: () => import('./my-tasks-page.tsx').then((m) => m.MyTasksPage),
  },
  {
    path: '/ke-hoach/moi',
    permission: 'plans.manage',
    load: () => import('./plan-form-page.tsx').then((m) => m.PlanCreatePage),
  },
  { path: '/ke-hoach/:id', permission: READ, load: () => import('./plan-page.tsx').then((m) => m.PlanPage) },
  {
    path: '/ke-hoach/:id/sua',
    permission: 'plans.manage',
    load: () => import('./plan-form-page.tsx').then((m) => m.PlanEditPage),
  },
  {
    path: '/ke-hoach/:id/nhap-excel',
    permission: 'plans.manage',
    load: () => import('./import-page.tsx').then((m) => m.PlanImportPage),
  },
  {
    path: '/ke-hoach/:id/nhiem-vu/moi',
    permission: 'plans.manage',
    load: () => import('./task-form-page.tsx').then((m) => m.TaskCreatePage),
  },
  {
    path: '/ke-hoach/:id/nhiem-vu/:taskId',
    permission: READ,
    load: () => import('./task-page.tsx').then((m) => m.TaskPage),
  },
  {
    path: '/ke-hoach/:id/nhiem-vu/:taskId/sua',
    permission: 'plans.manage',
    load: () => import('./task-form-page.tsx').then((m) => m.TaskEditPage),
  },
];
