import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  ApplicantContact,
  DossierDraftInput,
  type PublicTimeline,
  type Receipt,
} from '../../../shared/dossiers.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { dayOf } from '../../platform/calendar/calendar.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  checkWindow,
  type DossierRef,
  findOwnDossier,
  IdempotencyKey,
  receipt,
  ref,
  sameKey,
  type WindowOption,
} from './applicant-access.ts';
import { documentsOf, presentTimeline } from './dossier.presenter.ts';
import { formatDossierCode } from './dossier-code.ts';
import { listAttachments, listTransitions } from './dossier-history.repository.ts';
import type { DossierIntake } from './dossier-intake.ts';
import type { DossierNumbers } from './dossier-numbers.ts';
import type { DossierSteps } from './dossier-steps.ts';
import { type DossierRow, findDossier, findIdempotencyKey, lockDossier, updateDossier } from './dossiers.repository.ts';

export const DraftPatch = z.object({
  contact: ApplicantContact.optional(),
  locale: z.enum(['vi', 'en']).optional(),
  form: z.unknown().optional(),
  unitId: z.uuid().optional(),
});

/**
 * The applicant's side, for modules that identify applicants themselves (admissions: a one-time
 * code to a parent's phone). There is no account: the module passes the actor (anonymous once it
 * has verified the applicant, or a user doing assisted entry, who needs `dossiers.process` on the
 * unit) and the applicant key the dossier was made with. A wrong key is "not found".
 */
export class ApplicantService {
  readonly #p: Platform;
  readonly #steps: DossierSteps;
  readonly #intake: DossierIntake;
  readonly #numbers: DossierNumbers;

  constructor(platform: Platform, steps: DossierSteps, intake: DossierIntake, numbers: DossierNumbers) {
    this.#p = platform;
    this.#steps = steps;
    this.#intake = intake;
    this.#numbers = numbers;
  }

  /** A new draft. With an idempotency key, a retry returns the draft made the first time. */
  async createDraft(
    actor: Actor,
    raw: DossierDraftInput,
    opts: WindowOption & { idempotencyKey?: string } = {},
  ): Promise<DossierRef> {
    const input = DossierDraftInput.parse(raw);
    if (opts.idempotencyKey) {
      const prior = await this.#prior(opts.idempotencyKey, 'create', input.applicantKey);
      if (prior) return ref(prior);
    }
    checkWindow(opts);
    await this.#intake.check(actor, input);
    const id = randomUUID();
    const won = await this.#p.db.transaction().execute(async (trx) => {
      if (
        opts.idempotencyKey &&
        !(await this.#intake.claim(trx, opts.idempotencyKey, 'create', id, input.applicantKey))
      )
        return false;
      await this.#intake.insert(trx, actor, id, input);
      return true;
    });
    if (!won) return ref(found(await this.#prior(opts.idempotencyKey!, 'create', input.applicantKey)));
    return ref(found(await findDossier(this.#p.db, id)));
  }

  async updateDraft(
    actor: Actor,
    id: string,
    applicantKey: string,
    rawPatch: z.input<typeof DraftPatch>,
    opts: WindowOption & { expectedVersion?: number } = {},
  ): Promise<DossierRef> {
    const patch = DraftPatch.parse(rawPatch);
    checkWindow(opts);
    const seen = await this.#own(actor, id, applicantKey);
    if (patch.unitId && patch.unitId !== seen.unit_id)
      await this.#intake.checkUnit(actor, seen.procedure_code, patch.unitId);
    await this.#p.db.transaction().execute(async (trx) => {
      const row = found(await lockDossier(trx, id));
      if (row.state !== 'draft') throw new AppError('dossier.invalid_transition');
      if (opts.expectedVersion !== undefined && row.version !== opts.expectedVersion)
        throw new AppError('resource.stale');
      const set = {
        ...(patch.contact && {
          contact_email: patch.contact.email ?? null,
          contact_phone: patch.contact.phone ?? null,
        }),
        ...(patch.locale && { locale: patch.locale }),
        ...(patch.form !== undefined && { form: JSON.stringify(patch.form) }),
        ...(patch.unitId && { unit_id: patch.unitId }),
      };
      if (!(await updateDossier(trx, id, row.version, set))) throw new AppError('resource.stale');
      await this.#p.audit.record(trx, actor, {
        action: 'dossiers.update',
        entityType: 'dossier',
        entityId: id,
        unitId: patch.unitId ?? row.unit_id,
        // Personal data stays out of the audit log: which fields changed, not their values.
        after: { fields: Object.keys(patch), ...(patch.unitId && { unitId: patch.unitId }) },
      });
    });
    return ref(found(await findDossier(this.#p.db, id)));
  }

  /**
   * Files a draft: it gets its code, its receipt time and its deadline. With an idempotency key
   * (from the client, one per submit button press), a double click or a retry after a lost
   * answer returns the same receipt.
   */
  async submit(
    actor: Actor,
    id: string,
    applicantKey: string,
    opts: WindowOption & { idempotencyKey?: string; skipRequiredDocuments?: boolean } = {},
  ): Promise<Receipt> {
    if (opts.idempotencyKey) {
      const prior = await this.#prior(opts.idempotencyKey, 'submit', applicantKey);
      if (prior) return receipt(prior);
    }
    checkWindow(opts);
    const seen = await this.#own(actor, id, applicantKey);
    if (seen.state !== 'draft') throw new AppError('dossier.invalid_transition');
    if (!seen.procedure_active) throw new AppError('dossier.window_closed');
    if (!opts.skipRequiredDocuments) await this.#requireDocuments(seen);
    const code = await this.#takeCode(seen);
    const won = await this.#p.db.transaction().execute(async (trx) => {
      if (opts.idempotencyKey && !(await this.#intake.claim(trx, opts.idempotencyKey, 'submit', id, applicantKey)))
        return false;
      await this.#steps.apply(trx, actor, found(await lockDossier(trx, id)), 'submit', { code });
      return true;
    });
    if (!won) return receipt(found(await this.#prior(opts.idempotencyKey!, 'submit', applicantKey)));
    return receipt(found(await findDossier(this.#p.db, id)));
  }

  /** Creates and files in one transaction (procedures without required uploads, or data from registries). */
  async submitNew(
    actor: Actor,
    raw: DossierDraftInput,
    opts: WindowOption & { idempotencyKey: string; skipRequiredDocuments?: boolean },
  ): Promise<Receipt> {
    const input = DossierDraftInput.parse(raw);
    const prior = await this.#prior(opts.idempotencyKey, 'submit', input.applicantKey);
    if (prior) return receipt(prior);
    checkWindow(opts);
    const proc = await this.#intake.check(actor, input);
    if (!opts.skipRequiredDocuments && documentsOf(proc).some((d) => d.required))
      throw new AppError('request.invalid', {
        details: [{ path: 'documents', message: 'thiếu giấy tờ bắt buộc / required documents missing' }],
      });
    const code = await this.#takeCode({ procedure_code: proc.code, code_prefix: proc.code_prefix });
    const id = randomUUID();
    const won = await this.#p.db.transaction().execute(async (trx) => {
      if (!(await this.#intake.claim(trx, opts.idempotencyKey, 'submit', id, input.applicantKey))) return false;
      await this.#intake.insert(trx, actor, id, input);
      await this.#steps.apply(trx, actor, found(await lockDossier(trx, id)), 'submit', { code });
      return true;
    });
    if (!won) return receipt(found(await this.#prior(opts.idempotencyKey, 'submit', input.applicantKey)));
    return receipt(found(await findDossier(this.#p.db, id)));
  }

  /** Sends a supplemented dossier back to the unit (upload the documents first); the clock runs again. */
  async resubmit(
    actor: Actor,
    id: string,
    applicantKey: string,
    opts: WindowOption & { form?: unknown; note?: string } = {},
  ): Promise<DossierRef> {
    checkWindow(opts);
    await this.#own(actor, id, applicantKey);
    const extra = opts.form === undefined ? {} : { form: JSON.stringify(opts.form) };
    const details = opts.note ? { note: opts.note.normalize('NFC').slice(0, 2000) } : undefined;
    return this.#step(id, (trx, row) => this.#steps.apply(trx, actor, row, 'resubmit', { extra, details }));
  }

  /**
   * Moves a received dossier to another handling unit of the same type, in the caller's
   * transaction (a module changing the school a family applies to, e.g. its first wish while
   * registration is open). Only before the unit has started its review: after that the
   * applicant withdraws and applies again.
   */
  async moveUnit(trx: Executor, actor: Actor, id: string, applicantKey: string, unitId: string): Promise<void> {
    const row = found(await lockDossier(trx, id));
    if (!sameKey(row.applicant_key, applicantKey)) throw new AppError('resource.not_found');
    if (row.unit_id === unitId) return;
    if (row.state !== 'submitted')
      throw new AppError('dossier.invalid_transition', {
        hint: {
          vi: 'Trường đã bắt đầu xét hồ sơ: muốn đổi trường, hãy rút hồ sơ và nộp lại.',
          en: 'The school has started its review: to change school, withdraw and apply again.',
        },
      });
    await this.#intake.checkUnit(actor, row.procedure_code, unitId);
    if (!(await updateDossier(trx, id, row.version, { unit_id: unitId }))) throw new AppError('resource.stale');
    await this.#p.audit.record(trx, actor, {
      action: 'dossiers.move',
      entityType: 'dossier',
      entityId: id,
      unitId,
      before: { unitId: row.unit_id, version: row.version },
      after: { unitId, version: row.version + 1 },
    });
  }

  /** The applicant withdraws, with a reason, at any time before a decision. */
  async withdraw(actor: Actor, id: string, applicantKey: string, reason: string): Promise<DossierRef> {
    await this.#own(actor, id, applicantKey);
    const why = reason.normalize('NFC').trim().slice(0, 2000);
    return this.#step(id, (trx, row) => this.#steps.apply(trx, actor, row, 'withdraw', { reason: why }));
  }

  /** What the applicant may read: steps, public reasons, what to supplement; no staff names. */
  async getPublicTimeline(id: string, applicantKey: string): Promise<PublicTimeline> {
    const row = await this.#own({ kind: 'anonymous', requestId: null, ip: null, locale: 'vi' }, id, applicantKey);
    return presentTimeline(row, await listTransitions(this.#p.db, id));
  }

  /** The receipt a client key was given, if any (e.g. to show it again after a reload). */
  async receiptFor(idempotencyKey: string, applicantKey: string): Promise<Receipt | undefined> {
    const prior = await this.#prior(idempotencyKey, 'submit', applicantKey);
    return prior ? receipt(prior) : undefined;
  }

  async #step(id: string, run: (trx: Executor, row: DossierRow) => Promise<unknown>) {
    await this.#p.db.transaction().execute(async (trx) => run(trx, found(await lockDossier(trx, id))));
    return ref(found(await findDossier(this.#p.db, id)));
  }

  #own(actor: Actor, id: string, applicantKey: string): Promise<DossierRow> {
    return findOwnDossier(this.#p, actor, id, applicantKey);
  }

  /** The dossier an earlier request with this key made; a key is bound to one operation and applicant. */
  async #prior(key: string, operation: 'create' | 'submit', applicantKey: string) {
    if (!IdempotencyKey.safeParse(key).success)
      throw new AppError('request.invalid', {
        details: [{ path: 'idempotencyKey', message: '8–200 of A–Z a–z 0–9 . _ : -' }],
      });
    const k = await findIdempotencyKey(this.#p.db, key);
    if (!k) return undefined;
    if (k.operation !== operation || !sameKey(k.applicant_key, applicantKey)) throw new AppError('resource.conflict');
    return findDossier(this.#p.db, k.dossier_id);
  }

  async #requireDocuments(row: DossierRow): Promise<void> {
    const have = new Set((await listAttachments(this.#p.db, row.id)).map((a) => a.document_code));
    const missing = documentsOf(row).filter((d) => d.required && !have.has(d.code));
    if (missing.length)
      throw new AppError('request.invalid', {
        details: missing.map((d) => ({ path: `documents.${d.code}`, message: d.nameVi })),
      });
  }

  async #takeCode(p: { procedure_code: string; code_prefix: string }): Promise<string> {
    const year = Number(dayOf(new Date()).slice(0, 4));
    const [n] = await this.#numbers.take(this.#p.db, p.procedure_code, year, 1);
    return formatDossierCode(p.code_prefix, year, n!);
  }
}
export type { DossierRef, WindowOption } from './applicant-access.ts';
