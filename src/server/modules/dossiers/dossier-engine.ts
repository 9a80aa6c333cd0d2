import { HolidayCalendar } from '../../platform/calendar/holiday-calendar.ts';
import { createNotifier, type OutboxNotifier } from '../../platform/notify/notify.ts';
import { readNotifyConfig } from '../../platform/notify/notify-config.ts';
import type { Platform } from '../../platform/platform.ts';
import { OrgService } from '../org/org.service.ts';
import { ApplicantService } from './applicant.service.ts';
import { AttachmentsService } from './attachments.service.ts';
import { DossierService } from './dossier.service.ts';
import { DossierFiling, type WriteWith } from './dossier-filing.ts';
import { DossierIntake } from './dossier-intake.ts';
import { DossierNumbers } from './dossier-numbers.ts';
import { DossierSteps, type StepGuard } from './dossier-steps.ts';
import { HolidaysService } from './holidays.service.ts';
import { ProceduresService } from './procedures.service.ts';
import { UnitDirectory } from './unit-directory.ts';

/** The dossier engine's services, shared by every module that files dossiers. */
export interface DossierEngine {
  /** Procedure definitions (staff configuration). */
  procedures: ProceduresService;
  /** The handling unit's queue and review steps. */
  dossiers: DossierService;
  /** The applicant's steps (createDraft, updateDraft, submit, resubmit, withdraw, timeline). */
  applicants: ApplicantService;
  attachments: AttachmentsService;
  holidays: HolidaysService;
  calendar: HolidayCalendar;
  /** The outbox; the lead schedules `notifier.deliverPending()` every minute. */
  notifier: OutboxNotifier;
  /**
   * A filing desk for a module's high-volume submissions (dossier-filing.ts): dossiers filed
   * in batches with the module's rows. Make one per module and keep it.
   */
  filing<T>(writeWith: WriteWith<T>): DossierFiling<T>;
  /** A module's rule on every step of its procedures' dossiers (checked in the step's transaction). */
  guardSteps(procedureCodes: readonly string[], guard: StepGuard): void;
}

const engines = new WeakMap<Platform, DossierEngine>();

/**
 * The engine of a platform, made once and shared (admissions and the dossiers routes see the
 * same calendar cache and notifier): `dossierEngine(platform).applicants.submit(…)`.
 */
export function dossierEngine(platform: Platform, env: NodeJS.ProcessEnv = process.env): DossierEngine {
  const existing = engines.get(platform);
  if (existing) return existing;
  const org = new OrgService(platform);
  const units = new UnitDirectory(org);
  const calendar = new HolidayCalendar(platform.db);
  const notifier = createNotifier(platform, env);
  const steps = new DossierSteps(
    platform,
    calendar,
    notifier,
    readNotifyConfig(env, platform.config.PUBLIC_URL).publicUrl,
  );
  const intake = new DossierIntake(platform, units);
  const numbers = new DossierNumbers();
  const engine: DossierEngine = {
    procedures: new ProceduresService(platform, org),
    dossiers: new DossierService(platform, units, steps),
    applicants: new ApplicantService(platform, steps, intake, numbers),
    attachments: new AttachmentsService(platform),
    holidays: new HolidaysService(platform, calendar),
    calendar,
    notifier,
    guardSteps: (codes, guard) => steps.guard(codes, guard),
    filing: (writeWith) => new DossierFiling(platform, { intake, steps, calendar, notifier, numbers }, writeWith),
  };
  engines.set(platform, engine);
  return engine;
}
