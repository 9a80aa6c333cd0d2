import type { ModuleRoute } from '../types.ts';

/** The parents' pages: public (no account), in Vietnamese paths, each a lazy chunk. */
export const routes: ModuleRoute[] = [
  { path: '/tuyen-sinh', public: true, load: () => import('./rounds-page.tsx').then((m) => m.RoundsPage) },
  {
    path: '/tuyen-sinh/dang-ky/:roundId',
    public: true,
    load: () => import('./apply-page.tsx').then((m) => m.ApplyPage),
  },
  { path: '/tuyen-sinh/tra-cuu', public: true, load: () => import('./lookup-page.tsx').then((m) => m.LookupPage) },
  {
    path: '/tuyen-sinh/ho-so/:code',
    public: true,
    load: () => import('./dossier-page.tsx').then((m) => m.DossierPage),
  },
  {
    path: '/tuyen-sinh/diem-chuan/:roundId',
    public: true,
    load: () => import('./cutoffs-page.tsx').then((m) => m.CutoffsPage),
  },
];
