import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { Platform } from '../../platform/platform.ts';
import { registerUploadPurpose } from '../../platform/uploads/purposes.ts';
import type { Module } from '../index.ts';
import { plansRoutes } from './plans.routes.ts';
import { PlansService } from './plans.service.ts';
import { PlansXlsxService } from './plans-xlsx.service.ts';
import { PlanRemindersService } from './reminders.service.ts';
import { TasksService } from './tasks.service.ts';

export interface PlansServices {
  plans: PlansService;
  tasks: TasksService;
  xlsx: PlansXlsxService;
  reminders: PlanRemindersService;
}

const made = new WeakMap<Platform, PlansServices>();

/** The plans module's services of a platform, made once (routes, jobs, the demo loader share them). */
export function plansServices(platform: Platform): PlansServices {
  const existing = made.get(platform);
  if (existing) return existing;
  const plans = new PlansService(platform);
  const tasks = new TasksService(plans);
  const services = {
    plans,
    tasks,
    xlsx: new PlansXlsxService(plans, tasks),
    reminders: new PlanRemindersService(plans),
  };
  made.set(platform, services);
  return services;
}

/** The plans module's scheduled jobs, for runtime.ts: late-task reminders every morning at 07:05. */
export function plansScheduledJobs(platform: Platform): ScheduledJob[] {
  return [
    {
      name: 'plans.remind-late',
      cron: '5 7 * * *',
      run: async () => void (await plansServices(platform).reminders.run()),
    },
  ];
}

// Evidence of progress reports: documents, spreadsheets, photos.
registerUploadPurpose('plans', { kinds: ['pdf', 'jpeg', 'png', 'docx', 'xlsx', 'doc', 'xls'] });

/** Plans and tasks (kế hoạch, nhiệm vụ): issue 6, item 1. */
export const plansModule: Module = {
  name: 'plans',
  register(app, platform) {
    plansRoutes(app, platform, plansServices(platform));
  },
};
