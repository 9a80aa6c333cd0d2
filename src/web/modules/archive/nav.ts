import type { NavItem } from '../types.ts';

/**
 * The electronic archive: search and browse for everyone (public files without signing in),
 * read requests for staff, the fixity report for archivists.
 */
export const nav: NavItem[] = [
  {
    path: '/luu-tru',
    labelKey: 'archive.nav',
    descriptionKey: 'archive.tile',
    public: true,
    also: ['/luu-tru/ho-so/:id'],
    order: 60,
  },
  { path: '/luu-tru/yeu-cau', labelKey: 'archive.requests.nav', order: 61 },
  {
    path: '/luu-tru/phong',
    labelKey: 'archive.fonds.nav',
    permission: 'archive.manage',
    also: ['/luu-tru/ho-so/moi', '/luu-tru/ho-so/:id/sua'],
    order: 62,
  },
  { path: '/luu-tru/toan-ven', labelKey: 'archive.fixity.nav', permission: 'archive.manage', order: 63 },
];
