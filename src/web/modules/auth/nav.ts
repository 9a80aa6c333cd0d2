import type { NavItem } from '../types.ts';

/** Sign-in and password pages are reached from the header, not the navigation. */
export const nav: NavItem[] = [];
