import type { NavItem } from '../types.ts';

/**
 * Periodic reports and quick surveys (issue 6, item 3): a unit's reports to fill, the approval
 * queue of the level above, and the forms with their completeness and aggregates.
 */
export const nav: NavItem[] = [
  {
    path: '/bao-cao',
    labelKey: 'reports.nav.unit',
    descriptionKey: 'reports.nav.unitTile',
    permission: 'reports.submit',
    also: ['/bao-cao/nhap/:id'],
    order: 75,
  },
  {
    path: '/bao-cao/duyet',
    labelKey: 'reports.nav.approve',
    descriptionKey: 'reports.nav.approveTile',
    permission: 'reports.approve',
    also: ['/bao-cao/ban-nop/:id'],
    order: 76,
  },
  {
    path: '/bao-cao/bieu-mau',
    labelKey: 'reports.nav.forms',
    descriptionKey: 'reports.nav.formsTile',
    permission: ['reports.design', 'reports.read'],
    also: [
      '/bao-cao/bieu-mau/moi',
      '/bao-cao/bieu-mau/:id',
      '/bao-cao/tien-do/:formId/:periodKey',
      '/bao-cao/tong-hop/:formId/:periodKey',
    ],
    order: 77,
  },
];
