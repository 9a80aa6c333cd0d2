import type { ModuleRoute } from '../types.ts';

/** The registry's pages, each a lazy chunk. Literal paths win over `/van-bang/nhap/:id`. */
export const routes: ModuleRoute[] = [
  { path: '/van-bang/tra-cuu', public: true, load: () => import('./verify-page.tsx').then((m) => m.VerifyPage) },
  {
    path: '/van-bang',
    permission: 'diplomas.read',
    load: () => import('./registers-page.tsx').then((m) => m.RegistersPage),
  },
  {
    path: '/van-bang/tim-kiem',
    permission: 'diplomas.read',
    load: () => import('./search-page.tsx').then((m) => m.SearchPage),
  },
  {
    path: '/van-bang/ban-ghi/:id',
    permission: 'diplomas.read',
    load: () => import('./entry-page.tsx').then((m) => m.EntryPage),
  },
  {
    path: '/van-bang/nhap',
    permission: 'diplomas.manage',
    load: () => import('./import-page.tsx').then((m) => m.ImportPage),
  },
  {
    path: '/van-bang/nhap/:id',
    permission: 'diplomas.manage',
    load: () => import('./import-page.tsx').then((m) => m.ImportPage),
  },
];
