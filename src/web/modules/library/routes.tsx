import type { ModuleRoute } from '../types.ts';

/** The library's reader pages: public, in Vietnamese paths, each a lazy chunk. */
export const routes: ModuleRoute[] = [
  { path: '/hoc-lieu', public: true, load: () => import('./search-page.tsx').then((m) => m.SearchPage) },
  { path: '/hoc-lieu/:id', public: true, load: () => import('./resource-page.tsx').then((m) => m.ResourcePage) },
];
