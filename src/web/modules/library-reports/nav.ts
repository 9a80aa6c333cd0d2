import type { NavItem } from '../types.ts';

/**
 * Offline packages of the library (anyone: export a collection for a USB stick; contributors:
 * import one) and the Sở's and communes' report of which schools contribute and which use.
 */
export const nav: NavItem[] = [
  {
    path: '/hoc-lieu/goi-ngoai-tuyen',
    labelKey: 'libraryReports.packages.nav',
    public: true,
    also: ['/hoc-lieu/nhap-goi'],
    order: 35,
  },
  {
    path: '/hoc-lieu/thong-ke',
    labelKey: 'libraryReports.report.nav',
    descriptionKey: 'libraryReports.report.tile',
    permission: 'library.report',
    order: 36,
  },
];
