import * as admissions from './admissions/index.ts';
import * as admissionsDashboard from './admissions-dashboard/index.ts';
import * as admissionsPublic from './admissions-public/index.ts';
import * as admissionsReview from './admissions-review/index.ts';
import * as archive from './archive/index.ts';
import * as audit from './audit/index.ts';
import * as auth from './auth/index.ts';
import * as dashboards from './dashboards/index.ts';
import * as diplomaCopies from './diploma-copies/index.ts';
import * as diplomas from './diplomas/index.ts';
import * as directives from './directives/index.ts';
import * as dossiersAdmin from './dossiers-admin/index.ts';
import * as dxIndex from './dx-index/index.ts';
import * as home from './home/index.ts';
import * as kpis from './kpis/index.ts';
import * as lessonPlans from './lesson-plans/index.ts';
import * as library from './library/index.ts';
import * as libraryReports from './library-reports/index.ts';
import * as org from './org/index.ts';
import * as plans from './plans/index.ts';
import * as reports from './reports/index.ts';
import type { ModuleRoute, NavItem, WebModule } from './types.ts';
import * as users from './users/index.ts';

/**
 * The modules of the web app. To plug in a new one (admissions, library, diplomas, steering):
 * create src/web/modules/<domain>/ with nav.ts, routes.tsx and index.ts, import it above and
 * add it to this list, then remove its placeholder from `comingSoon`.
 */
const modules: WebModule[] = [
  auth,
  home,
  org,
  audit,
  users,
  admissionsPublic,
  admissionsDashboard,
  admissionsReview,
  admissions,
  dossiersAdmin,
  library,
  libraryReports,
  lessonPlans,
  diplomas,
  diplomaCopies,
  archive,
  plans,
  dxIndex,
  kpis,
  dashboards,
  directives,
  reports,
];

export const navItems: NavItem[] = modules.flatMap((m) => m.nav).sort((a, b) => a.order - b.order);

export const moduleRoutes: ModuleRoute[] = modules.flatMap((m) => m.routes);

/** Modules announced on the home page as "Sắp có" (coming soon). */
export const comingSoon: { key: string; labelKey: string; descriptionKey: string }[] = [];
