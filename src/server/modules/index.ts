import type { FastifyInstance } from 'fastify';
import { auditModule } from '../platform/audit/audit.module.ts';
import { otpModule } from '../platform/otp/otp.module.ts';
import type { Platform } from '../platform/platform.ts';
import { uploadsModule } from '../platform/uploads/uploads.module.ts';
import { admissionsModule } from './admissions/admissions.module.ts';
import { archiveModule } from './archive/archive.module.ts';
import { dashboardsModule } from './dashboards/dashboards.module.ts';
import { diplomaCopiesModule } from './diploma-copies/diploma-copies.module.ts';
import { diplomasModule } from './diplomas/diplomas.module.ts';
import { directivesModule } from './directives/directives.module.ts';
import { dossiersModule } from './dossiers/dossiers.module.ts';
import { dxIndexModule } from './dx-index/dx-index.module.ts';
import { kpisModule } from './kpis/kpis.module.ts';
import { lessonPlansModule } from './lesson-plans/lesson-plans.module.ts';
import { libraryModule } from './library/library.module.ts';
import { orgModule } from './org/org.module.ts';
import { plansModule } from './plans/plans.module.ts';
import { populationModule } from './population/population.module.ts';
import { publicModule } from './public/public.module.ts';
import { reportsModule } from './reports/reports.module.ts';
import { usersModule } from './users/users.module.ts';

/**
 * A domain module: its routes (and through them its services). Admissions, library, diplomas,
 * archive, steering and training each add one line here and a folder beside this file.
 */
export interface Module {
  name: string;
  register(app: FastifyInstance, platform: Platform): Promise<void> | void;
}

export const modules: Module[] = [
  publicModule,
  orgModule,
  usersModule,
  auditModule,
  dossiersModule,
  admissionsModule,
  otpModule,
  populationModule,
  uploadsModule,
  libraryModule,
  lessonPlansModule,
  diplomasModule,
  diplomaCopiesModule,
  archiveModule,
  plansModule,
  kpisModule,
  dashboardsModule,
  dxIndexModule,
  directivesModule,
  reportsModule,
];
