import type { NavItem } from '../types.ts';

export const nav: NavItem[] = [
  {
    path: '/admissions/applications',
    labelKey: 'admissionsReview.nav.queue',
    descriptionKey: 'admissionsReview.nav.queueDesc',
    permission: 'admissions.review',
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
