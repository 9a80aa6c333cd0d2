import type { NavItem } from '../types.ts';

/** Operations dashboards: the reader's province, commune or school at a glance; the public figures. */
export const nav: NavItem[] = [
  {
    path: '/dieu-hanh',
    labelKey: 'dashboards.nav',
    descriptionKey: 'dashboards.tile',
    permission: 'dashboards.read',
    order: 84,
  },
  {
    path: '/dieu-hanh/cong-khai',
    labelKey: 'dashboards.public.nav',
    descriptionKey: 'dashboards.public.tile',
    public: true,
    order: 85,
  },
];
