import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RoundDetail } from '../../../shared/admissions.schema.ts';
import { RoundCreate, RoundSchoolInput } from '../../../shared/admissions.schema.ts';
import { admissionsHooks } from '../../modules/admissions/admissions-hooks.ts';
import { AllocationRunService } from '../../modules/admissions/allocation-runs/allocation-run.service.ts';
import { applicantKeyOf } from '../../modules/admissions/applications/application-identity.ts';
import { RoundService } from '../../modules/admissions/rounds/round.service.ts';
import { RoundContext } from '../../modules/admissions/rounds/round-context.ts';
import { RoundSchoolsService } from '../../modules/admissions/rounds/round-schools.service.ts';
import { RoundStatusService } from '../../modules/admissions/rounds/round-status.service.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Platform } from '../../platform/platform.ts';
import { buildDemoDataset, type DemoDataset } from '../data/dataset.ts';
import { buildDemoResidents } from '../residents/generate.ts';
import type { DemoResident } from '../residents/types.ts';
import { dayAt, type PlannedRound, planDemoAdmissions } from './plan.ts';
import { CATCHMENT_GROUPS, DEMO_ROUNDS, GRADE10_GROUPS, GRADE10_RULES, SCHOOL_YEAR } from './rounds-config.ts';
import { insertSeed, roundExists, unitIdsByCode } from './seed.repository.ts';
import { buildSeedRows } from './seed-rows.ts';

export interface DemoAdmissionsSummary {
  rounds: number;
  applications: number;
  examScores: boolean;
}

const ACTOR = systemActor('demo');

/**
 * Loads the SYNTHETIC admission rounds of the demo (rounds-config.ts) through the round services
 * (create, schools, catchments, status, lottery seed), their applications in bulk (plan.ts,
 * seed-rows.ts) and, for the grade-6 round, a final allocation run through the allocation-run
 * service before publishing. Call it after the demo province and residents are committed.
 * Idempotent: does nothing when the first demo round exists.
 */
export async function loadDemoAdmissions(
  p: Platform,
  opts: { now?: Date; dataset?: DemoDataset; residents?: readonly DemoResident[] } = {},
): Promise<DemoAdmissionsSummary> {
  const none = { rounds: 0, applications: 0, examScores: false };
  if (await roundExists(p.db, DEMO_ROUNDS[0]!.code)) return none;
  const now = opts.now ?? new Date();
  const dataset = opts.dataset ?? buildDemoDataset();
  const plans = planDemoAdmissions(DEMO_ROUNDS, dataset, opts.residents ?? buildDemoResidents(), now);
  const codeOf = new Map([...dataset.units, ...dataset.schools].map((u) => [u.key, u.code]));
  const codes = [...codeOf.values(), ...plans.flatMap((r) => r.applications.map((a) => a.communeCode))];
  const byCode = await unitIdsByCode(p.db, [...new Set(codes)]);
  const idOf = (key: string) => {
    const id = byCode.get(codeOf.get(key) ?? key);
    if (!id) throw new Error(`demo admissions: unknown unit ${key}`);
    return id;
  };
  const context = new RoundContext(p, admissionsHooks(p));
  const status = new RoundStatusService(context);
  const created: { plan: PlannedRound; round: RoundDetail }[] = [];
  for (const plan of plans) created.push({ plan, round: await createRound(context, plan, now, idOf) });
  const rows = await buildSeedRows(
    p,
    created.map((c) => ({ plan: c.plan, roundId: c.round.id })),
    idOf,
    applicantKeyOf,
  );
  await p.db.transaction().execute(async (trx) => {
    await insertSeed(trx, rows);
    for (const { plan, round } of created)
      await p.audit.record(trx, ACTOR, {
        action: 'demo.admissions.seed',
        entityType: 'admission_round',
        entityId: round.id,
        unitId: round.runningUnit.id,
        after: { synthetic: true, applications: plan.applications.length },
      });
  });
  let examScores = false;
  for (const { plan, round } of created) {
    let r = round;
    if (plan.config.status === 'open') continue;
    r = await status.transition(ACTOR, r.id, { status: 'closed_for_review', expectedVersion: r.version });
    if (plan.config.level === 10) examScores = (await seedExamScores(p.db, r.id)) || examScores;
    if (plan.config.status !== 'published') continue;
    r = await status.publishSeed(ACTOR, r.id, {
      expectedVersion: r.version,
      seed: `${plan.config.code}-xo-so-cong-khai`,
    });
    r = await status.transition(ACTOR, r.id, { status: 'allocating', expectedVersion: r.version });
    const runs = new AllocationRunService(p);
    const prepared = await runs.prepare(ACTOR, r.id);
    await runs.run(ACTOR, r.id, { kind: 'final', expectedInputsHash: prepared.inputsSha256 });
    await status.transition(ACTOR, r.id, { status: 'published', expectedVersion: r.version });
  }
  return { rounds: created.length, applications: rows.applications.length, examScores };
}

/** A round from draft to open through the round services (validated like a staff request). */
async function createRound(c: RoundContext, plan: PlannedRound, now: Date, idOf: (key: string) => string) {
  const { config } = plan;
  const at = (days: number, hours: number) => dayAt(now, days, hours).toISOString();
  const exam = config.level === 10;
  const input = RoundCreate.parse({
    code: config.code,
    name: config.name,
    level: config.level,
    schoolYear: SCHOOL_YEAR,
    runningUnitId: idOf(config.runningUnitKey),
    timeline: {
      ...(config.days.trial ? { trialFrom: at(config.days.trial[0], 7), trialTo: at(config.days.trial[1], 17) } : {}),
      registerFrom: at(config.days.register[0], 7),
      registerTo: at(config.days.register[1], 17),
      reviewTo: at(config.days.review, 17),
      resultsAt: at(config.days.results, 9),
      confirmTo: at(config.days.confirm, 17),
    },
    rules: exam ? GRADE10_RULES : { method: 'catchment', wishCount: 2, lotteryForOutOfCatchment: true },
    priorityGroups: exam ? GRADE10_GROUPS : CATCHMENT_GROUPS,
  });
  const rounds = new RoundService(c);
  const schools = new RoundSchoolsService(c);
  let r = await rounds.create(ACTOR, input);
  r = await schools.replaceSchools(ACTOR, r.id, {
    expectedVersion: r.version,
    schools: config.schools.map((s) =>
      RoundSchoolInput.parse({
        schoolId: idOf(s.key),
        classes: s.classes,
        pupilsPerClass: plan.pupilsPerClass.get(s.key) ?? s.pupilsPerClass,
        specialised: s.specialised ?? false,
      }),
    ),
  });
  if (plan.catchments.length)
    r = await schools.replaceCatchments(ACTOR, r.id, {
      expectedVersion: r.version,
      catchments: plan.catchments.map((k) => ({
        schoolId: idOf(k.schoolKey),
        communeId: idOf(k.communeCode),
        village: k.village,
      })),
    });
  return new RoundStatusService(c).transition(ACTOR, r.id, { status: 'open', expectedVersion: r.version });
}

/**
 * Exam scores of the grade-10 round, when engineer A's module provides its demo seeder
 * (exam-scores/demo-scores.ts: seedDemoExamScores(db, roundId)); skipped when it does not exist.
 */
async function seedExamScores(db: Db, roundId: string): Promise<boolean> {
  const url = new URL('../../modules/admissions/exam-scores/demo-scores.ts', import.meta.url);
  if (!fs.existsSync(fileURLToPath(url))) return false;
  const mod = (await import(url.href)) as { seedDemoExamScores?: (db: Db, roundId: string) => Promise<unknown> };
  if (!mod.seedDemoExamScores) return false;
  await mod.seedDemoExamScores(db, roundId);
  return true;
}
