import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { Platform } from '../../platform/platform.ts';
import { registerUploadPurpose } from '../../platform/uploads/purposes.ts';
import type { Module } from '../index.ts';
import { dxRoutes } from './dx.routes.ts';
import { DxAssessmentsService } from './dx-assessments.service.ts';
import { DxCampaignsService } from './dx-campaigns.service.ts';
import { DxRemindersService } from './dx-reminders.service.ts';

export interface DxServices {
  assessments: DxAssessmentsService;
  campaigns: DxCampaignsService;
  reminders: DxRemindersService;
}

const made = new WeakMap<Platform, DxServices>();

/** The DX index's services of a platform, made once (routes and the demo loader share them). */
export function dxServices(platform: Platform): DxServices {
  const existing = made.get(platform);
  if (existing) return existing;
  const services = {
    assessments: new DxAssessmentsService(platform),
    campaigns: new DxCampaignsService(platform),
    reminders: new DxRemindersService(platform),
  };
  made.set(platform, services);
  return services;
}

/** The DX index's scheduled jobs, for runtime.ts's list: reminders to schools every morning at 07:10. */
export function dxScheduledJobs(platform: Platform): ScheduledJob[] {
  return [
    { name: 'dx.reminders', cron: '10 7 * * *', run: async () => void (await dxServices(platform).reminders.run()) },
  ];
}

// Evidence of a criterion (minh chứng): scanned decisions and plans, screenshots, spreadsheets.
registerUploadPurpose('dx', {
  kinds: ['pdf', 'jpeg', 'png', 'docx', 'xlsx', 'doc', 'xls'],
  maxBytes: 50 * 1024 * 1024,
});

/** The school digital-transformation index (Quyết định 4725/QĐ-BGDĐT). */
export const dxIndexModule: Module = {
  name: 'dx-index',
  register(app, platform) {
    dxRoutes(app, platform, dxServices(platform));
  },
};
