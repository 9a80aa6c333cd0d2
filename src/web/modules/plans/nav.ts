import type { NavItem } from '../types.ts';

/** Plans and tasks (issue 6, item 1): the plans list, my unit's tasks. */
export const nav: NavItem[] = [
  {
    path: '/ke-hoach',
    labelKey: 'plans.nav',
    descriptionKey: 'plans.tile',
    permission: ['plans.manage', 'plans.report'],
    also: [
      '/ke-hoach/:id',
      '/ke-hoach/:id/nhiem-vu/:taskId',
      '/ke-hoach/moi',
      '/ke-hoach/:id/sua',
      '/ke-hoach/:id/nhap-excel',
    ],
    order: 70,
  },
  {
    path: '/ke-hoach/nhiem-vu-cua-toi',
    labelKey: 'plans.mine.nav',
    descriptionKey: 'plans.mine.tile',
    permission: 'plans.report',
    order: 71,
  },
];
