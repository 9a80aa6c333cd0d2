import type { ModuleRoute } from '../types.ts';
import { LESSON_PLAN_WRITERS } from './nav.ts';

/** Lesson plans for signed-in teachers; the server checks each plan's school again. */
export const routes: ModuleRoute[] = [
  {
    path: '/giao-an',
    permission: LESSON_PLAN_WRITERS,
    load: () => import('./list-page.tsx').then((m) => m.ListPage),
  },
  {
    path: '/giao-an/phong-theo/:resourceId',
    permission: LESSON_PLAN_WRITERS,
    load: () => import('./adapt-page.tsx').then((m) => m.AdaptPage),
  },
  {
    path: '/giao-an/:id',
    permission: LESSON_PLAN_WRITERS,
    load: () => import('./editor-page.tsx').then((m) => m.EditorPage),
  },
];
