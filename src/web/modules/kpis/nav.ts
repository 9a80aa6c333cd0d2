import type { NavItem } from '../types.ts';

/** KPIs: the indicators of a unit against their targets (readers), their definitions (kpis.manage). */
export const nav: NavItem[] = [
  {
    path: '/chi-so',
    labelKey: 'kpis.nav',
    descriptionKey: 'kpis.tile',
    permission: ['dashboards.read', 'kpis.manage'],
    also: ['/chi-so/:code'],
    order: 82,
  },
  {
    path: '/chi-so/moi',
    labelKey: 'kpis.form.navNew',
    permission: 'kpis.manage',
    also: ['/chi-so/:code/sua'],
    order: 83,
  },
];
