import type { Module } from '../index.ts';
import { dashboardsRoutes } from './dashboards.routes.ts';
import { DashboardsService } from './dashboards.service.ts';

/** Operations dashboards (điều hành): the province, a commune or a school at a glance. */
export const dashboardsModule: Module = {
  name: 'dashboards',
  register(app, platform) {
    dashboardsRoutes(app, new DashboardsService(platform));
  },
};
