import type { ModuleRoute } from '../types.ts';
import { DOSSIER_CONFIG_READERS } from './nav.ts';

/** Staff pages configuring the dossier engine; the server checks every call again. */
export const routes: ModuleRoute[] = [
  {
    path: '/dossiers/procedures',
    permission: DOSSIER_CONFIG_READERS,
    load: () => import('./procedures-page.tsx').then((m) => m.ProceduresPage),
  },
  {
    path: '/dossiers/procedures/new',
    permission: 'dossiers.configure',
    load: () => import('./procedure-page.tsx').then((m) => m.NewProcedurePage),
  },
  {
    path: '/dossiers/procedures/:code',
    permission: DOSSIER_CONFIG_READERS,
    load: () => import('./procedure-page.tsx').then((m) => m.ProcedurePage),
  },
  {
    path: '/dossiers/holidays',
    permission: DOSSIER_CONFIG_READERS,
    load: () => import('./holidays-page.tsx').then((m) => m.HolidaysPage),
  },
];
