import type { ModuleRoute } from '../types.ts';

const REVIEW = 'admissions.review';

export const routes: ModuleRoute[] = [
  {
    path: '/admissions/applications',
    permission: REVIEW,
    load: () => import('./rounds-page.tsx').then((m) => m.RoundsPage),
  },
  {
    path: '/admissions/rounds/:roundId/applications',
    permission: REVIEW,
    load: () => import('./queue-page.tsx').then((m) => m.QueuePage),
  },
  {
    path: '/admissions/rounds/:roundId/applications/new',
    permission: REVIEW,
    load: () => import('./assisted-page.tsx').then((m) => m.AssistedPage),
  },
  {
    path: '/admissions/applications/:dossierId',
    permission: REVIEW,
    load: () => import('./application-page.tsx').then((m) => m.ApplicationPage),
  },
  {
    path: '/outbox',
    permission: 'notify.outbox.read',
    load: () => import('./outbox-page.tsx').then((m) => m.OutboxPage),
  },
];
