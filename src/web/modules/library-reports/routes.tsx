import type { ModuleRoute } from '../types.ts';

/** Literal paths under /hoc-lieu win over the library's `/hoc-lieu/:id`. */
export const routes: ModuleRoute[] = [
  {
    path: '/hoc-lieu/goi-ngoai-tuyen',
    public: true,
    load: () => import('./packages-page.tsx').then((m) => m.PackagesPage),
  },
  {
    path: '/hoc-lieu/nhap-goi',
    permission: 'library.contribute',
    load: () => import('./import-page.tsx').then((m) => m.ImportPage),
  },
  {
    path: '/hoc-lieu/thong-ke',
    permission: 'library.report',
    load: () => import('./report-page.tsx').then((m) => m.ReportPage),
  },
];
