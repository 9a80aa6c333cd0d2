import type { ModuleRoute } from '../types.ts';

/** The report pages (Vietnamese paths), each a lazy chunk. */
export const routes: ModuleRoute[] = [
  {
    path: '/bao-cao',
    permission: 'reports.submit',
    load: () => import('./unit-reports-page.tsx').then((m) => m.UnitReportsPage),
  },
  {
    path: '/bao-cao/nhap/:id',
    permission: 'reports.submit',
    load: () => import('./entry-page.tsx').then((m) => m.EntryPage),
  },
  {
    path: '/bao-cao/ban-nop/:id',
    permission: ['reports.submit', 'reports.read', 'reports.approve'],
    load: () => import('./submission-page.tsx').then((m) => m.SubmissionPage),
  },
  {
    path: '/bao-cao/duyet',
    permission: 'reports.approve',
    load: () => import('./approvals-page.tsx').then((m) => m.ApprovalsPage),
  },
  {
    path: '/bao-cao/bieu-mau',
    permission: ['reports.design', 'reports.read'],
    load: () => import('./forms-page.tsx').then((m) => m.FormsPage),
  },
  {
    path: '/bao-cao/bieu-mau/moi',
    permission: 'reports.design',
    load: () => import('./designer-page.tsx').then((m) => m.DesignerNewPage),
  },
  {
    path: '/bao-cao/bieu-mau/:id',
    permission: 'reports.design',
    load: () => import('./designer-page.tsx').then((m) => m.DesignerEditPage),
  },
  {
    path: '/bao-cao/tien-do/:formId/:periodKey',
    permission: ['reports.read', 'reports.approve'],
    load: () => import('./completeness-page.tsx').then((m) => m.CompletenessPage),
  },
  {
    path: '/bao-cao/tong-hop/:formId/:periodKey',
    permission: ['reports.read', 'reports.approve'],
    load: () => import('./aggregate-page.tsx').then((m) => m.AggregatePage),
  },
];
