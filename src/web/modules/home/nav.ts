import type { NavItem } from '../types.ts';

export const nav: NavItem[] = [{ path: '/', labelKey: 'nav.home', order: 0 }];
