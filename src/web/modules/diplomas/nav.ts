import type { NavItem } from '../types.ts';

/** The diploma registry: the public verification for everyone; registers, search and imports for staff. */
export const nav: NavItem[] = [
  {
    path: '/van-bang/tra-cuu',
    labelKey: 'diplomas.verify.nav',
    descriptionKey: 'diplomas.verify.tile',
    public: true,
    order: 40,
  },
  {
    path: '/van-bang',
    labelKey: 'diplomas.nav',
    descriptionKey: 'diplomas.tile',
    permission: 'diplomas.read',
    also: ['/van-bang/tim-kiem', '/van-bang/ban-ghi/:id'],
    order: 41,
  },
  {
    path: '/van-bang/nhap',
    labelKey: 'diplomas.import.nav',
    permission: 'diplomas.manage',
    also: ['/van-bang/nhap/:id'],
    order: 42,
  },
];
