import type { ModuleRoute } from '../types.ts';

/** The archive's pages (Vietnamese paths), each a lazy chunk. */
export const routes: ModuleRoute[] = [
  { path: '/luu-tru', public: true, load: () => import('./search-page.tsx').then((m) => m.ArchiveSearchPage) },
  {
    path: '/luu-tru/ho-so/moi',
    permission: 'archive.manage',
    load: () => import('./file-form-page.tsx').then((m) => m.FileCreatePage),
  },
  { path: '/luu-tru/ho-so/:id', public: true, load: () => import('./file-page.tsx').then((m) => m.ArchiveFilePage) },
  {
    path: '/luu-tru/ho-so/:id/sua',
    permission: 'archive.manage',
    load: () => import('./file-form-page.tsx').then((m) => m.FileEditPage),
  },
  {
    path: '/luu-tru/phong',
    permission: 'archive.manage',
    load: () => import('./fonds-page.tsx').then((m) => m.FondsPage),
  },
  { path: '/luu-tru/yeu-cau', load: () => import('./requests-page.tsx').then((m) => m.ReadRequestsPage) },
  {
    path: '/luu-tru/toan-ven',
    permission: 'archive.manage',
    load: () => import('./fixity-page.tsx').then((m) => m.FixityPage),
  },
];
