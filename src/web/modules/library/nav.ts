import type { NavItem } from '../types.ts';

/**
 * The learning library: public search (anonymous readers see public resources); for a school's
 * staff their own contributions; for the Sở's moderators the review queue.
 */
export const nav: NavItem[] = [
  {
    path: '/hoc-lieu',
    labelKey: 'library.nav',
    descriptionKey: 'library.tile',
    public: true,
    also: ['/hoc-lieu/:id', '/hoc-lieu/bo-suu-tap', '/hoc-lieu/bo-suu-tap/:id', '/hoc-lieu/yeu-thich'],
    order: 30,
  },
  {
    path: '/hoc-lieu/cua-toi',
    labelKey: 'library.mine.nav',
    descriptionKey: 'library.mine.tile',
    permission: 'library.contribute',
    also: ['/hoc-lieu/moi', '/hoc-lieu/:id/sua'],
    order: 31,
  },
  {
    path: '/hoc-lieu/kiem-duyet',
    labelKey: 'library.queue.nav',
    descriptionKey: 'library.queue.tile',
    permission: 'library.moderate',
    also: ['/hoc-lieu/kiem-duyet/:id'],
    order: 32,
  },
];
