import type { NavItem } from '../types.ts';

export const nav: NavItem[] = [
  {
    path: '/admissions/applications',
    labelKey: 'admissionsReview.nav.queue',
    descriptionKey: 'admissionsReview.nav.queueDesc',
    permission: 'admissions.review',
    // A round's queue and assisted entry live under the round's path; they are this entry's pages.
    also: ['/admissions/rounds/:roundId/applications'],
    order: 42,
  },
  {
    path: '/outbox',
    labelKey: 'admissionsReview.nav.outbox',
    descriptionKey: 'admissionsReview.nav.outboxDesc',
    permission: 'notify.outbox.read',
    order: 85,
  },
];
