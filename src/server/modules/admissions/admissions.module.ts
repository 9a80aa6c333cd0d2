import { dossierEngine } from '../dossiers/dossier-engine.ts';
import type { Module } from '../index.ts';
import { admissionsHooks } from './admissions-hooks.ts';
import { allocationRunRoutes } from './allocation-runs/allocation-run.routes.ts';
import { applicationRoutes, applicationServices } from './applications/application.routes.ts';
import { applicationFiling } from './applications/application-filing.ts';
import { lockedRoundGuard } from './applications/application-lock.ts';
import { dashboardRoutes } from './dashboards/dashboard.routes.ts';
import { examScoreRoutes } from './exam-scores/exam-score.routes.ts';
import { processingRoutes } from './processing/processing.routes.ts';
import { resultRoutes } from './results/results.routes.ts';
import { isSupplementary, supplementaryEligibility } from './results/supplementary.service.ts';
import { roundRoutes } from './rounds/round.routes.ts';
import { RoundService } from './rounds/round.service.ts';
import { RoundContext } from './rounds/round-context.ts';
import { RoundCopyService } from './rounds/round-copy.service.ts';
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
    const context = new RoundContext(platform, admissionsHooks(platform));
    roundRoutes(app, {
      rounds: new RoundService(context),
      schools: new RoundSchoolsService(context),
      status: new RoundStatusService(context),
      copy: new RoundCopyService(context),
      publicRounds: new RoundPublicService(platform),
    });
    applicationRoutes(app, applicationServices(platform));
    // Once a round is being allocated, its applications no longer change (any path).
    dossierEngine(platform).guardSteps(['TS_LOP1', 'TS_LOP6', 'TS_LOP10'], lockedRoundGuard);
    // A supplementary round takes only children of its parent round left without a seat.
    applicationFiling(platform).useEligibility(async (roundId) =>
      (await isSupplementary(platform.db, roundId))
        ? async (key) => {
            const e = await supplementaryEligibility(platform.db, roundId, key);
            return e.restricted && !e.eligible ? e.reason : null;
          }
        : null,
    );
    allocationRunRoutes(app, platform);
    examScoreRoutes(app, platform);
    dashboardRoutes(app, platform);
    resultRoutes(app, platform);
    processingRoutes(app, platform);
  },
};
