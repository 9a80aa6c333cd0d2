import type { NavItem } from '../types.ts';

/**
 * The school digital-transformation index (QĐ 4725/QĐ-BGDĐT): the school's self-assessment,
 * the evaluator's queue, results and rankings, and the published results for everyone.
 */
export const nav: NavItem[] = [
  {
    path: '/chuyen-doi-so',
    labelKey: 'dx.nav.assess',
    descriptionKey: 'dx.tile.assess',
    permission: ['dx.assess', 'dx.submit'],
    order: 79,
  },
  {
    path: '/chuyen-doi-so/danh-gia',
    labelKey: 'dx.nav.evaluate',
    descriptionKey: 'dx.tile.evaluate',
    permission: 'dx.evaluate',
    also: ['/chuyen-doi-so/danh-gia/:year/:schoolId'],
    order: 80,
  },
  { path: '/chuyen-doi-so/ket-qua', labelKey: 'dx.nav.results', permission: 'dx.evaluate', order: 80.5 },
  {
    path: '/chuyen-doi-so/cong-bo',
    labelKey: 'dx.nav.public',
    descriptionKey: 'dx.tile.public',
    public: true,
    order: 81,
  },
];
