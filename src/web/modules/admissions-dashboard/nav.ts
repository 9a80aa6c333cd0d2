import type { NavItem } from '../types.ts';

export const nav: NavItem[] = [
  {
    path: '/admissions/dashboard',
    labelKey: 'admissionsDashboard.nav',
    descriptionKey: 'admissionsDashboard.tile',
    permission: ['admissions.review', 'admissions.manage'],
    order: 45,
  },
];
