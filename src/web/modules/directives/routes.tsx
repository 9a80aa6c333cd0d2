import type { ModuleRoute } from '../types.ts';

/** The directives' pages (Vietnamese paths), each a lazy chunk. */
export const routes: ModuleRoute[] = [
  {
    path: '/chi-dao',
    permission: ['directives.respond', 'directives.issue'],
    load: () => import('./inbox-page.tsx').then((m) => m.DirectivesInboxPage),
  },
  {
    path: '/chi-dao/moi',
    permission: 'directives.issue',
    load: () => import('./issue-page.tsx').then((m) => m.IssueDirectivePage),
  },
  {
    path: '/chi-dao/:id/sua',
    permission: 'directives.issue',
    load: () => import('./issue-page.tsx').then((m) => m.EditDirectivePage),
  },
  {
    path: '/chi-dao/:id',
    permission: ['directives.respond', 'directives.issue'],
    load: () => import('./directive-page.tsx').then((m) => m.DirectivePage),
  },
];
