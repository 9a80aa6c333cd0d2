import type { ModuleRoute } from '../types.ts';

/** The certified-copy pages, each a lazy chunk. */
export const routes: ModuleRoute[] = [
  {
    path: '/ban-sao-van-bang',
    public: true,
    load: () => import('./request-page.tsx').then((m) => m.RequestPage),
  },
  {
    path: '/ban-sao-van-bang/tra-cuu',
    public: true,
    load: () => import('./status-page.tsx').then((m) => m.StatusPage),
  },
  {
    path: '/ban-sao-van-bang/xu-ly',
    permission: 'diplomas.manage',
    load: () => import('./queue-page.tsx').then((m) => m.QueuePage),
  },
  {
    path: '/ban-sao-van-bang/xu-ly/:id',
    permission: 'diplomas.manage',
    load: () => import('./request-detail-page.tsx').then((m) => m.RequestDetailPage),
  },
];
