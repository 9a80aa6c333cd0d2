import type { NavItem } from '../types.ts';

export const nav: NavItem[] = [
  { path: '/schools', labelKey: 'nav.schools', descriptionKey: 'tiles.schools', order: 10 },
  { path: '/org', labelKey: 'nav.org', descriptionKey: 'tiles.org', order: 20 },
];
