import type { Module } from '../index.ts';
import { allocationRunRoutes } from './allocation-runs/allocation-run.routes.ts';
import { finalRunBlocker } from './allocation-runs/publish-guard.ts';
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
 * Online intake admissions (grades 1, 6, 10; issue 3): round configuration, public applications,
 * allocation runs. The rounds get their publication guard from allocation-runs; the seat floor
 * from applications is still the default (no floor).
 */
export const admissionsModule: Module = {
  name: 'admissions',
  register(app, platform) {
    const context = new RoundContext(platform, {
      ...pendingHooks,
      // Results are published only from a final allocation run.
      publishBlocker: (roundId) => finalRunBlocker(platform.db, roundId),
    });
    roundRoutes(app, {
      rounds: new RoundService(context),
      schools: new RoundSchoolsService(context),
      status: new RoundStatusService(context),
      copy: new RoundCopyService(context),
      publicRounds: new RoundPublicService(platform),
    });
    applicationRoutes(app, applicationServices(platform));
    allocationRunRoutes(app, platform);
  },
};
