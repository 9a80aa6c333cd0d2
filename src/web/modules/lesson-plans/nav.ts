import type { NavItem } from '../types.ts';

/** Who writes lesson plans: the library's contributors (a school's teachers and staff). */
export const LESSON_PLAN_WRITERS = 'library.contribute';

export const nav: NavItem[] = [
  {
    path: '/giao-an',
    labelKey: 'lessonPlans.nav',
    descriptionKey: 'lessonPlans.tile',
    permission: LESSON_PLAN_WRITERS,
    also: ['/giao-an/:id', '/giao-an/phong-theo/:resourceId'],
    order: 32,
  },
];
