import type { NavItem } from '../types.ts';

/** One public entry, for families: apply and follow a dossier (also a tile on the home page). */
export const nav: NavItem[] = [
  {
    path: '/tuyen-sinh',
    labelKey: 'admissionsPublic.nav',
    descriptionKey: 'admissionsPublic.tile',
    public: true,
    order: 5,
  },
];
