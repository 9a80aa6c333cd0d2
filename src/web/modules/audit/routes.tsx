import type { ModuleRoute } from '../types.ts';

export const routes: ModuleRoute[] = [
  { path: '/audit', permission: 'audit.read', load: () => import('./audit-page.tsx').then((m) => m.AuditPage) },
];
