import { notifyRoutes } from '../../platform/notify/notify.routes.ts';
import type { Module } from '../index.ts';
import { dossierEngine } from './dossier-engine.ts';
import { dossiersRoutes } from './dossiers.routes.ts';
import { procedureRoutes } from './procedures.routes.ts';

/** The dossier engine's staff API, its configuration, and the notification outbox. */
export const dossiersModule: Module = {
  name: 'dossiers',
  register(app, platform) {
    const engine = dossierEngine(platform);
    procedureRoutes(app, engine.procedures, engine.holidays);
    dossiersRoutes(app, engine.dossiers, engine.attachments);
    notifyRoutes(app, engine.notifier);
  },
};
