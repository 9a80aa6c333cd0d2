import type { Platform } from '../../platform/platform.ts';
import type { Module } from '../index.ts';
import { KpiAdminService } from './kpi-admin.service.ts';
import { kpisRoutes } from './kpis.routes.ts';
import { KpisService } from './kpis.service.ts';

export interface KpiServices {
  read: KpisService;
  admin: KpiAdminService;
}

const made = new WeakMap<Platform, KpiServices>();

/** The KPI services of a platform, made once (routes, dashboards and the demo loader share them and their cache). */
export function kpiServices(platform: Platform): KpiServices {
  const existing = made.get(platform);
  if (existing) return existing;
  const read = new KpisService(platform);
  const services = { read, admin: new KpiAdminService(platform, read.actuals) };
  made.set(platform, services);
  return services;
}

/** KPIs (chỉ số): indicators as data, targets per year and unit, actual against target. */
export const kpisModule: Module = {
  name: 'kpis',
  register(app, platform) {
    kpisRoutes(app, kpiServices(platform));
  },
};
