import type { NavItem } from '../types.ts';

export const nav: NavItem[] = [
  { path: '/admin/users', labelKey: 'nav.users', descriptionKey: 'tiles.users', permission: 'users.read', order: 90 },
];
