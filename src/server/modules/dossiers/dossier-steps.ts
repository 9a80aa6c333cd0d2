import type { DossierAction, DossierState, TransitionDetails } from '../../../shared/dossiers.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { addWorkingDays, workingDaysLeft } from '../../platform/calendar/calendar.ts';
import type { HolidayCalendar } from '../../platform/calendar/holiday-calendar.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Notification, Notifier } from '../../platform/notify/notify.ts';
import type { Platform } from '../../platform/platform.ts';
import { documentsOf } from './dossier.presenter.ts';
import { insertTransition } from './dossier-history.repository.ts';
import { nextState, TRANSITIONS } from './dossier-state.ts';
import { type DossierChange, type DossierRow, updateDossier } from './dossiers.repository.ts';

/** What a message needs of a dossier (a row, or a dossier being filed). */
export type MessageSource = Pick<
  DossierRow,
  | 'id'
  | 'unit_id'
  | 'contact_email'
  | 'contact_phone'
  | 'locale'
  | 'procedure_name_vi'
  | 'procedure_name_en'
  | 'documents'
>;

export interface StepInput {
  reason?: string | undefined;
  details?: TransitionDetails | undefined;
  /** The dossier code, given on submission. */
  code?: string;
  /** Other columns changed in the same step (e.g. the form supplemented with a resubmission). */
  extra?: DossierChange;
}

/**
 * A module's own rule on the steps of its procedures' dossiers (e.g. admissions: nothing
 * changes once the round's allocation has begun). Throws an AppError to refuse the step.
 */
export type StepGuard = (trx: Executor, row: DossierRow, action: DossierAction) => Promise<void>;

/** Who a transition records: a signed-in user, the applicant (no account), or the system. */
export function stepActor(actor: Actor) {
  if (actor.kind === 'user') return { kind: 'user' as const, id: actor.userId, name: actor.fullName };
  if (actor.kind === 'system') return { kind: 'system' as const, id: null, name: `system:${actor.name}` };
  return { kind: 'applicant' as const, id: null, name: null };
}

/**
 * Takes one step of the state machine on a row locked by the caller's transaction: checks it
 * against the table (dossier-state.ts), moves the deadline, records the transition, writes the
 * notification to the outbox and the audit entry, all in that one transaction.
 *
 * Deadlines: on receipt, processing_days working days from the receipt day (calendar.ts). While
 * the applicant supplements, the clock stops: the working days left are kept and run again from
 * the resubmission (the time the unit already spent counts, the applicant's time does not,
 * as Nghị định 61/2018/NĐ-CP provides for dossiers returned for completion).
 */
export class DossierSteps {
  readonly #p: Platform;
  readonly #calendar: HolidayCalendar;
  readonly #notifier: Notifier;
  readonly #publicUrl: string;
  readonly #guards = new Map<string, StepGuard>();

  constructor(p: Platform, calendar: HolidayCalendar, notifier: Notifier, publicUrl: string) {
    this.#p = p;
    this.#calendar = calendar;
    this.#notifier = notifier;
    this.#publicUrl = publicUrl;
  }

  /** Adds a module's rule for the dossiers of these procedures. */
  guard(procedureCodes: readonly string[], guard: StepGuard): void {
    for (const code of procedureCodes) this.#guards.set(code, guard);
  }

  async apply(trx: Executor, actor: Actor, row: DossierRow, action: DossierAction, input: StepInput = {}) {
    await this.#guards.get(row.procedure_code)?.(trx, row, action);
    const from = row.state as DossierState;
    const to = nextState(from, action);
    if (!to)
      throw new AppError('dossier.invalid_transition', {
        details: [
          {
            path: 'action',
            message: `không thực hiện được khi hồ sơ ở trạng thái ${from} / not allowed from ${from}: ${action}`,
          },
        ],
      });
    if (TRANSITIONS[action].reasonRequired && !input.reason)
      throw new AppError('request.invalid', {
        details: [{ path: 'body.reason', message: 'cần ghi lý do / a reason is required' }],
      });
    const docs = documentsOf(row);
    const unknown = (input.details?.documents ?? []).filter((c) => !docs.some((d) => d.code === c));
    if (unknown.length)
      throw new AppError('request.invalid', {
        details: [{ path: 'body.details.documents', message: unknown.join(', ') }],
      });
    const now = new Date();
    const set = await this.#change(trx, row, action, to, input, now);
    if (!(await updateDossier(trx, row.id, row.version, set))) throw new AppError('resource.stale');
    const who = stepActor(actor);
    await insertTransition(trx, {
      dossierId: row.id,
      action,
      fromState: from,
      toState: to,
      actorKind: who.kind,
      actorId: who.id,
      actorName: who.name,
      reason: input.reason ?? null,
      details: input.details ?? null,
    });
    const code = set.code ?? row.code;
    const dueAt = set.due_at === undefined ? row.due_at : set.due_at;
    await this.#notify(trx, row, action, to, code, dueAt, input);
    await this.#p.audit.record(trx, actor, {
      action: `dossiers.${action}`,
      entityType: 'dossier',
      entityId: row.id,
      unitId: row.unit_id,
      before: { state: from, version: row.version },
      after: {
        state: to,
        version: row.version + 1,
        code,
        dueAt: dueAt ? new Date(dueAt).toISOString() : null,
        reason: input.reason ?? null,
        ...(who.kind === 'applicant' && { by: 'applicant' }),
      },
    });
    return { state: to, version: row.version + 1, code, dueAt };
  }

  async #change(trx: Executor, row: DossierRow, action: DossierAction, to: DossierState, input: StepInput, now: Date) {
    const set: DossierChange = { ...input.extra, state: to };
    const cutoff = { cutoff: row.cutoff_time };
    if (action === 'submit') {
      if (!input.code) throw new Error('submit needs a dossier code');
      set.code = input.code;
      set.received_at = now;
      set.due_at = addWorkingDays(now, row.processing_days, await this.#calendar.get(trx), cutoff);
    } else if (action === 'request_supplement') {
      const cal = await this.#calendar.get(trx);
      set.remaining_days = row.due_at ? workingDaysLeft(now, row.due_at, cal) : row.processing_days;
    } else if (action === 'resubmit') {
      set.due_at = addWorkingDays(now, row.remaining_days ?? 0, await this.#calendar.get(trx), cutoff);
      set.remaining_days = null;
    } else if (action === 'approve' || action === 'reject') {
      set.decided_at = now;
    }
    return set;
  }

  async #notify(
    trx: Executor,
    row: DossierRow,
    action: DossierAction,
    state: DossierState,
    code: string | null,
    dueAt: Date | null,
    input: StepInput,
  ) {
    const n = this.message(row, action, state, code, dueAt, input);
    if (n) await this.#notifier.send(n, trx);
  }

  /** The notification a step sends the applicant (none without a contact). */
  message(
    row: MessageSource,
    action: DossierAction,
    state: DossierState,
    code: string | null,
    dueAt: Date | null,
    input: StepInput = {},
  ): Notification | undefined {
    if (!row.contact_email && !row.contact_phone) return undefined;
    const docs = documentsOf(row);
    const wanted = (input.details?.documents ?? []).map((c) => docs.find((d) => d.code === c));
    return {
      to: { email: row.contact_email, phone: row.contact_phone },
      template: `dossier.${action}`,
      locale: row.locale,
      dossierId: row.id,
      unitId: row.unit_id,
      data: {
        code,
        procedureName: { vi: row.procedure_name_vi, en: row.procedure_name_en },
        state,
        reason: input.reason ?? null,
        documents: wanted.filter((d) => d !== undefined).map((d) => ({ vi: d.nameVi, en: d.nameEn })),
        note: input.details?.note ?? null,
        dueAt: dueAt ? new Date(dueAt).toISOString() : null,
        link: `${this.#publicUrl}/tra-cuu-ho-so?ma=${encodeURIComponent(code ?? row.id)}`,
      },
    };
  }
}
