import type { NavItem } from '../types.ts';

export const nav: NavItem[] = [
  { path: '/audit', labelKey: 'nav.audit', descriptionKey: 'tiles.audit', permission: 'audit.read', order: 80 },
];
