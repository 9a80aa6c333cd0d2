import type { ModuleRoute } from '../types.ts';

export const routes: ModuleRoute[] = [
  { path: '/admin/users', permission: 'users.read', load: () => import('./users-page.tsx').then((m) => m.UsersPage) },
];
