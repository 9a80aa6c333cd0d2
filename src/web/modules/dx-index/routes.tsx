import type { ModuleRoute } from '../types.ts';

/** The DX index's pages (Vietnamese paths), each a lazy chunk. */
export const routes: ModuleRoute[] = [
  {
    path: '/chuyen-doi-so',
    permission: ['dx.assess', 'dx.submit'],
    load: () => import('./assessment-page.tsx').then((m) => m.DxAssessmentPage),
  },
  {
    path: '/chuyen-doi-so/danh-gia',
    permission: 'dx.evaluate',
    load: () => import('./queue-page.tsx').then((m) => m.DxQueuePage),
  },
  {
    path: '/chuyen-doi-so/danh-gia/:year/:schoolId',
    permission: 'dx.evaluate',
    load: () => import('./evaluate-page.tsx').then((m) => m.DxEvaluatePage),
  },
  {
    path: '/chuyen-doi-so/ket-qua',
    permission: 'dx.evaluate',
    load: () => import('./results-page.tsx').then((m) => m.DxResultsPage),
  },
  {
    path: '/chuyen-doi-so/cong-bo',
    public: true,
    load: () => import('./public-page.tsx').then((m) => m.DxPublicPage),
  },
];
