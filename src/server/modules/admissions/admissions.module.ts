import type { Module } from '../index.ts';
import { applicationRoutes, applicationServices } from './applications/application.routes.ts';
import { roundRoutes } from './rounds/round.routes.ts';
import { RoundService } from './rounds/round.service.ts';
import { RoundContext } from './rounds/round-context.ts';
import { RoundCopyService } from './rounds/round-copy.service.ts';
import { pendingHooks } from './rounds/round-hooks.ts';
import { RoundPublicService } from './rounds/round-public.service.ts';
import { RoundSchoolsService } from './rounds/round-schools.service.ts';
import { RoundStatusService } from './rounds/round-status.service.ts';

/**
 * Online intake admissions (grades 1, 6, 10; issue 3). For now the round configuration only:
 * the application (dossier) and allocation routes will be registered here too, and will pass the
 * real RoundHooks (seat floor from applications, publication guard from allocation).
 */
export const admissionsModule: Module = {
  name: 'admissions',
  register(app, platform) {
    const context = new RoundContext(platform, pendingHooks);
    roundRoutes(app, {
      rounds: new RoundService(context),
      schools: new RoundSchoolsService(context),
      status: new RoundStatusService(context),
      copy: new RoundCopyService(context),
      publicRounds: new RoundPublicService(platform),
    });
    applicationRoutes(app, applicationServices(platform));
  },
};
