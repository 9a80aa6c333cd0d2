import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { Platform } from '../../platform/platform.ts';
import { registerUploadPurpose } from '../../platform/uploads/purposes.ts';
import type { Module } from '../index.ts';
import { directivesRoutes } from './directives.routes.ts';
import { DirectivesService, UPLOAD_PURPOSE } from './directives.service.ts';
import { DirectiveExportService } from './export.service.ts';
import { ResponsesService } from './responses.service.ts';

export interface DirectiveServices {
  directives: DirectivesService;
  responses: ResponsesService;
  exports: DirectiveExportService;
}

const made = new WeakMap<Platform, DirectiveServices>();

/** The directives' services of a platform, made once (routes, jobs, the demo loader share them). */
export function directiveServices(platform: Platform): DirectiveServices {
  const existing = made.get(platform);
  if (existing) return existing;
  const responses = new ResponsesService(platform);
  const services: DirectiveServices = {
    directives: new DirectivesService(platform),
    responses,
    exports: new DirectiveExportService(platform, responses),
  };
  made.set(platform, services);
  return services;
}

/** The directives' scheduled jobs, for runtime.ts's list: reminders every morning at 07:05. */
export function directivesScheduledJobs(platform: Platform): ScheduledJob[] {
  return [
    {
      name: 'directives.reminders',
      cron: '5 7 * * *',
      run: async () => void (await directiveServices(platform).responses.remindDue()),
    },
  ];
}

// Attachments of directives and the units' reports in answer to them.
registerUploadPurpose(UPLOAD_PURPOSE, { kinds: ['pdf', 'docx', 'xlsx', 'doc', 'xls', 'jpeg', 'png', 'zip'] });

/** Directives (văn bản chỉ đạo): issue to units, follow reads and answers, remind. */
export const directivesModule: Module = {
  name: 'directives',
  register(app, platform) {
    directivesRoutes(app, platform, directiveServices(platform));
  },
};
