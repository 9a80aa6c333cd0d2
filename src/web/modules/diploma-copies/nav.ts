import type { NavItem } from '../types.ts';

/** Certified copies: the citizen's request for everyone; the Sở's queue for diploma officers. */
export const nav: NavItem[] = [
  {
    path: '/ban-sao-van-bang',
    labelKey: 'diplomaCopies.nav',
    descriptionKey: 'diplomaCopies.tile',
    public: true,
    also: ['/ban-sao-van-bang/tra-cuu'],
    order: 39,
  },
  {
    path: '/ban-sao-van-bang/xu-ly',
    labelKey: 'diplomaCopies.queue.nav',
    permission: 'diplomas.manage',
    also: ['/ban-sao-van-bang/xu-ly/:id'],
    order: 43,
  },
];
