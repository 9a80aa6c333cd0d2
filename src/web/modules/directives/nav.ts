import type { NavItem } from '../types.ts';

/**
 * Directives (chỉ đạo điều hành): the inbox of units that receive them (and the "sent" tab of
 * units that issue them), and the issue form.
 */
export const nav: NavItem[] = [
  {
    path: '/chi-dao',
    labelKey: 'directives.nav',
    descriptionKey: 'directives.tile',
    permission: ['directives.respond', 'directives.issue'],
    also: ['/chi-dao/:id'],
    order: 73,
  },
  {
    path: '/chi-dao/moi',
    labelKey: 'directives.new.nav',
    permission: 'directives.issue',
    also: ['/chi-dao/:id/sua'],
    order: 74,
  },
];
