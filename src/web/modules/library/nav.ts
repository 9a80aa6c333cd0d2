import type { NavItem } from '../types.ts';

/** The learning library: public search (anonymous readers see public resources). */
export const nav: NavItem[] = [
  {
    path: '/hoc-lieu',
    labelKey: 'library.nav',
    descriptionKey: 'library.tile',
    public: true,
    also: ['/hoc-lieu/:id'],
    order: 30,
  },
];
