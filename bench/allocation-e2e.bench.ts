import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { AllocationRunService } from '../src/server/modules/admissions/allocation-runs/allocation-run.service.ts';
import { systemActor } from '../src/server/platform/actor.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { createLogger } from '../src/server/platform/logger.ts';
import { openRuntime } from '../src/server/runtime.ts';
import { seedGrade10Round } from './support/grade10-round.ts';

/**
 * Issue 3, item 4 at provincial scale and beyond: a grade-10 final allocation run end to end on
 * the embedded PostgreSQL, through AllocationRunService.run — the code POST …/allocation/runs
 * calls — for 100,000 synthetic applications × 3 wishes over 300 schools with exam scores: read
 * the applications and scores in one snapshot, check the inputs hash, allocate, write 100,000
 * results and the cut-offs, audit, commit. Setup (demo province, schools, applications, scores)
 * is not timed. Then checks from the database that no school holds more than its seats (the
 * round breaks ties at the last seat with admit_none, so seats are a hard limit).
 */
const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? 100_000);
const SCHOOLS = 300;
const TARGET_MS = 15_000;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gds-bench-e2e-'));
const config = loadConfig({
  ...process.env,
  DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: '55988',
  LOG_LEVEL: 'silent',
  DATABASE_URL: '',
  JOBS: 'false',
  DEMO_DATA: 'on',
});
const runtime = await openRuntime(config, createLogger('silent'));
const db = runtime.platform.db;

try {
  let t = performance.now();
  const { roundId, seats } = await seedGrade10Round(db, { applicants: APPLICANTS, schoolCount: SCHOOLS });
  console.log(
    `setup: ${APPLICANTS} applications × 3 wishes, ${SCHOOLS} schools (${seats} seats), scores (${Math.round(performance.now() - t)} ms, not timed)`,
  );

  const service = new AllocationRunService(runtime.platform);
  const actor = systemActor('bench');
  t = performance.now();
  const prepared = await service.prepare(actor, roundId);
  const prepareMs = Math.round(performance.now() - t);
  console.log(`inputs hash ${prepared.inputsSha256} (${prepareMs} ms)`);

  const phases: Record<string, number> = {};
  t = performance.now();
  const run = await service.run(
    actor,
    roundId,
    { kind: 'final', expectedInputsHash: prepared.inputsSha256 },
    (phase, ms) => {
      phases[phase] = Math.round(ms);
    },
  );
  const totalMs = Math.round(performance.now() - t);
  console.log(
    `final run ${run.id}: read ${phases.read} ms, allocate ${phases.allocate} ms, write ${phases.write} ms, total ${totalMs} ms`,
  );

  const { rows: counts } = await sql<{ results: number; admitted: number; cutoffs: number }>`
    SELECT (SELECT count(*)::int FROM admission_allocation_results WHERE run_id = ${run.id}) AS results,
           (SELECT count(*)::int FROM admission_allocation_results WHERE run_id = ${run.id} AND school_id IS NOT NULL) AS admitted,
           (SELECT count(*)::int FROM admission_allocation_cutoffs WHERE run_id = ${run.id}) AS cutoffs`.execute(db);
  const { rows: over } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT r.school_id, count(*) AS admitted, min(rs.seats) AS seats
        FROM admission_allocation_results r
        JOIN admission_round_schools rs ON rs.round_id = ${roundId} AND rs.school_id = r.school_id
       WHERE r.run_id = ${run.id}
       GROUP BY r.school_id) x
     WHERE admitted > seats`.execute(db);
  const c = counts[0]!;
  console.log(
    `stored: ${c.results} results (${c.admitted} admitted), ${c.cutoffs} cut-offs; schools over capacity: ${over[0]!.n}`,
  );
  if (c.results !== APPLICANTS) throw new Error(`expected ${APPLICANTS} results, found ${c.results}`);

  console.log(
    JSON.stringify({
      applicants: APPLICANTS,
      schools: SCHOOLS,
      admitted: c.admitted,
      prepare_ms: prepareMs,
      read_ms: phases.read,
      allocate_ms: phases.allocate,
      write_ms: phases.write,
      total_ms: totalMs,
      over_capacity: over[0]!.n,
      target_met: totalMs < TARGET_MS && over[0]!.n === 0,
    }),
  );
} finally {
  await runtime.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
