import { randomUUID } from 'node:crypto';
import { formatDossierCode } from '../../modules/dossiers/dossier-code.ts';
import { dossierEngine } from '../../modules/dossiers/dossier-engine.ts';
import { nextState } from '../../modules/dossiers/dossier-state.ts';
import { takeNumber } from '../../modules/dossiers/dossiers.repository.ts';
import { addWorkingDays, dayOf, workingDaysLeft } from '../../platform/calendar/calendar.ts';
import type { Platform } from '../../platform/platform.ts';
import type { PlannedApplication, PlannedRound } from './plan.ts';
import type { SeedApplication, SeedDossier, SeedTransition } from './seed.repository.ts';

/** The dossier engine's procedure of each level (seeded in 0004_dossiers.sql). */
const PROCEDURES = { 1: 'TS_LOP1', 6: 'TS_LOP6', 10: 'TS_LOP10' } as const;

const APPLICANT_STEPS = new Set(['withdraw', 'resubmit']);

/**
 * Turns the planned applications into the rows the dossier engine would have written: codes from
 * the engine's counter in order of receipt, deadlines from its working-day calendar (processing
 * days from the receipt, paused while a supplement is awaited, as DossierSteps does), one
 * transition per step, the version bumped per step.
 */
export async function buildSeedRows(
  p: Platform,
  rounds: readonly { plan: PlannedRound; roundId: string }[],
  idOf: (key: string) => string,
  keyOf: (p: Platform, personalId: string) => Promise<string>,
) {
  const engine = dossierEngine(p);
  const calendar = await engine.calendar.get();
  const all = rounds
    .flatMap(({ plan, roundId }) => plan.applications.map((a) => ({ a, roundId, level: plan.config.level })))
    .sort((x, y) => x.a.receivedAt.getTime() - y.a.receivedAt.getTime());
  const dossiers: SeedDossier[] = [];
  const transitions: SeedTransition[] = [];
  const applications: SeedApplication[] = [];
  for (const { a, roundId, level } of all) {
    const proc = await engine.procedures.definition(PROCEDURES[level]);
    const cutoff = { cutoff: proc.cutoff_time };
    const year = Number(dayOf(a.receivedAt).slice(0, 4));
    const code = formatDossierCode(proc.code_prefix, year, await takeNumber(p.db, proc.code, year));
    const key = await keyOf(p, a.personalId);
    const id = randomUUID();
    const t = (action: string, from: string | null, to: string, at: Date, step?: PlannedApplication['steps'][number]) =>
      transitions.push({
        dossier_id: id,
        action,
        from_state: from,
        to_state: to,
        actor_kind:
          action === 'start_review' || action === 'request_supplement' || action === 'approve' ? 'system' : 'applicant',
        actor_name: APPLICANT_STEPS.has(action) || action === 'create' || action === 'submit' ? null : 'system:demo',
        at,
        reason: step?.reason ?? null,
        details: step?.details ? JSON.stringify(step.details) : null,
      });
    t('create', null, 'draft', a.receivedAt);
    t('submit', 'draft', 'submitted', a.receivedAt);
    let state: string = 'submitted';
    let due: Date | null = addWorkingDays(a.receivedAt, proc.processing_days, calendar, cutoff);
    let remaining: number | null = null;
    let decided: Date | null = null;
    for (const step of a.steps) {
      const to = nextState(state as Parameters<typeof nextState>[0], step.action);
      if (!to) throw new Error(`demo admissions: ${state} → ${step.action}`);
      if (step.action === 'request_supplement') remaining = due ? workingDaysLeft(step.at, due, calendar) : 0;
      if (step.action === 'resubmit') {
        due = addWorkingDays(step.at, remaining ?? 0, calendar, cutoff);
        remaining = null;
      }
      if (step.action === 'approve') decided = step.at;
      t(step.action, state, to, step.at, step);
      state = to;
    }
    const last = a.steps.at(-1)?.at ?? a.receivedAt;
    const schoolId = idOf(a.wishes[0]!);
    dossiers.push({
      id,
      code,
      procedure_code: proc.code,
      unit_id: schoolId,
      applicant_key: key,
      contact_email: a.contact.channel === 'email' ? a.contact.address : null,
      contact_phone: a.contact.channel === 'sms' ? a.contact.address : null,
      form: JSON.stringify({ roundId }),
      unique_key: `${roundId}:${key}`,
      state,
      received_at: a.receivedAt,
      due_at: due,
      remaining_days: remaining,
      decided_at: decided,
      version: 2 + a.steps.length,
      created_at: a.receivedAt,
      updated_at: last,
    });
    applications.push({
      dossier_id: id,
      round_id: roundId,
      dossier_code: code,
      applicant_key: key,
      child_name: a.fullName.normalize('NFC'),
      date_of_birth: a.dateOfBirth,
      gender: a.gender,
      residence_commune_id: idOf(a.communeCode),
      residence_village: a.village,
      residence_status: 'confirmed',
      correction_reason: null,
      registry_match: true,
      wishes: a.wishes.map(idOf),
      priority_group: a.priorityGroup,
      contact_channel: a.contact.channel,
      contact_address: a.contact.address,
      created_at: a.receivedAt,
      updated_at: a.receivedAt,
    });
  }
  return { dossiers, transitions, applications };
}
