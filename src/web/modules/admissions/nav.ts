import type { NavItem } from '../types.ts';

/** Who may read rounds (round-context.ts readScope): configuring or reviewing staff. */
export const ROUND_READERS = ['admissions.manage', 'admissions.review'] as const;

/** One entry for the staff pages of admissions (rounds, allocation, results). */
export const nav: NavItem[] = [
  {
    path: '/admissions/rounds',
    labelKey: 'admissions.nav',
    descriptionKey: 'admissions.navDesc',
    permission: ROUND_READERS,
    order: 40,
  },
];
