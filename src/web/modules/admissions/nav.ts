import type { NavItem } from '../types.ts';

/**
 * One entry for the staff pages of admissions. A nav item carries one permission; every role
 * holding `admissions.manage` or `admissions.allocate` also holds `admissions.review`
 * (migration 0006), so `admissions.review` shows it to all three.
 */
export const nav: NavItem[] = [
  {
    path: '/admissions/rounds',
    labelKey: 'admissions.nav',
    descriptionKey: 'admissions.navDesc',
    permission: 'admissions.review',
    order: 40,
  },
];
