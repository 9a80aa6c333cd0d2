import type { Module } from '../index.ts';
import { orgRoutes } from './org.routes.ts';
import { OrgService } from './org.service.ts';
import { OrgHistoryService } from './org-history.service.ts';
import { orgXlsxRoutes } from './org-xlsx.routes.ts';

export const orgModule: Module = {
  name: 'org',
  register(app, platform) {
    orgRoutes(app, new OrgService(platform), new OrgHistoryService(platform));
    orgXlsxRoutes(app, platform);
  },
};
