import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { Platform } from '../../platform/platform.ts';
import { registerUploadPurpose } from '../../platform/uploads/purposes.ts';
import type { Module } from '../index.ts';
import { ReportsExportService } from './export.service.ts';
import { FiguresService } from './figures.service.ts';
import { FormsService } from './forms.service.ts';
import { PeriodsService } from './periods.service.ts';
import { RemindersService } from './reminders.service.ts';
import { reportsRoutes } from './reports.routes.ts';
import { SubmissionEntryService } from './submission-entry.service.ts';
import { SubmissionReviewService } from './submission-review.service.ts';

export interface ReportsServices {
  forms: FormsService;
  periods: PeriodsService;
  /** A unit filling its reports (inbox, save, validate, complete). */
  submissions: SubmissionEntryService;
  /** The level above: approval queue, a period's reports, approve / return / reopen. */
  reviews: SubmissionReviewService;
  figures: FiguresService;
  exports: ReportsExportService;
  reminders: RemindersService;
}

const made = new WeakMap<Platform, ReportsServices>();

/** The reports module's services of a platform, made once (routes, jobs, the demo loader share them). */
export function reportsServices(platform: Platform): ReportsServices {
  const existing = made.get(platform);
  if (existing) return existing;
  const forms = new FormsService(platform);
  const figures = new FiguresService(platform);
  const services: ReportsServices = {
    forms,
    periods: new PeriodsService(platform),
    submissions: new SubmissionEntryService(platform, forms),
    reviews: new SubmissionReviewService(platform, forms),
    figures,
    exports: new ReportsExportService(platform, figures),
    reminders: new RemindersService(platform),
  };
  made.set(platform, services);
  return services;
}

/**
 * The reports module's scheduled jobs (runtime.ts): every day at 00:15 periods whose opening day
 * has come are opened (expected units fixed) and those past closing are marked locked; at 07:30
 * units that have not completed a period closing soon (or passed) are reminded, once a day.
 */
export function reportsScheduledJobs(platform: Platform): ScheduledJob[] {
  return [
    {
      name: 'reports.periods',
      cron: '15 0 * * *',
      run: async () => {
        const s = reportsServices(platform);
        await s.periods.openDue();
        await s.periods.lockDue();
      },
    },
    {
      name: 'reports.reminders',
      cron: '30 7 * * *',
      run: async () => void (await reportsServices(platform).reminders.run()),
    },
  ];
}

// Files attached to a report's file fields.
registerUploadPurpose('reports', { kinds: ['pdf', 'jpeg', 'png', 'docx', 'xlsx', 'doc', 'xls'] });

/** Periodic reports and quick surveys (issue 6, item 3). */
export const reportsModule: Module = {
  name: 'reports',
  register(app, platform) {
    reportsRoutes(app, platform, reportsServices(platform));
  },
};
