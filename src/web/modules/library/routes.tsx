import type { ModuleRoute } from '../types.ts';

const CONTRIBUTE = 'library.contribute';
const MODERATE = 'library.moderate';

/**
 * The library's pages, in Vietnamese paths, each a lazy chunk: the public reader pages, the
 * contributors' pages (their resources, a new one, editing one) and the moderators' (the queue,
 * the review of one resource). Literal paths win over `/hoc-lieu/:id`.
 */
export const routes: ModuleRoute[] = [
  { path: '/hoc-lieu', public: true, load: () => import('./search-page.tsx').then((m) => m.SearchPage) },
  { path: '/hoc-lieu/:id', public: true, load: () => import('./resource-page.tsx').then((m) => m.ResourcePage) },
  {
    path: '/hoc-lieu/bo-suu-tap',
    public: true,
    load: () => import('./collections-page.tsx').then((m) => m.CollectionsPage),
  },
  {
    path: '/hoc-lieu/bo-suu-tap/:id',
    public: true,
    load: () => import('./collections-page.tsx').then((m) => m.CollectionPage),
  },
  { path: '/hoc-lieu/yeu-thich', load: () => import('./collections-page.tsx').then((m) => m.FavouritesPage) },
  {
    path: '/hoc-lieu/cua-toi',
    permission: CONTRIBUTE,
    load: () => import('./mine-page.tsx').then((m) => m.MinePage),
  },
  {
    path: '/hoc-lieu/moi',
    permission: CONTRIBUTE,
    load: () => import('./contribute-page.tsx').then((m) => m.ContributePage),
  },
  {
    path: '/hoc-lieu/:id/sua',
    permission: CONTRIBUTE,
    load: () => import('./edit-page.tsx').then((m) => m.EditPage),
  },
  {
    path: '/hoc-lieu/kiem-duyet',
    permission: MODERATE,
    load: () => import('./queue-page.tsx').then((m) => m.QueuePage),
  },
  {
    path: '/hoc-lieu/kiem-duyet/:id',
    permission: MODERATE,
    load: () => import('./review-page.tsx').then((m) => m.ReviewPage),
  },
];
