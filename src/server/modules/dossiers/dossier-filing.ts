import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import { DossierDraftInput, type Receipt } from '../../../shared/dossiers.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AuditChange } from '../../platform/audit/audit.service.ts';
import { addWorkingDays, dayOf } from '../../platform/calendar/calendar.ts';
import type { HolidayCalendar } from '../../platform/calendar/holiday-calendar.ts';
import type { Executor } from '../../platform/db/database.ts';
import { MicroBatch } from '../../platform/db/micro-batch.ts';
import { AppError } from '../../platform/errors.ts';
import type { Notification, Notifier } from '../../platform/notify/notify.ts';
import type { Platform } from '../../platform/platform.ts';
import { IdempotencyKey, receipt as receiptOf, sameKey } from './applicant-access.ts';
import { formatDossierCode } from './dossier-code.ts';
import type { DossierIntake } from './dossier-intake.ts';
import type { DossierNumbers } from './dossier-numbers.ts';
import { type DossierSteps, stepActor } from './dossier-steps.ts';
import { findDossier, findIdempotencyKey } from './dossiers.repository.ts';
import type { ProcedureRow } from './procedures.repository.ts';

type Input = z.output<typeof DossierDraftInput>;

/** One dossier to file, and what the module writes with it (its own rows). */
export interface Filing<T> {
  actor: Actor;
  input: z.input<typeof DossierDraftInput>;
  idempotencyKey: string;
  /** The module's data for `writeWith`. */
  extra: T;
}

export interface Filed<T> {
  filing: Filing<T>;
  receipt: Receipt;
}

/**
 * The module's rows, written in the same transaction as the dossiers of a batch (one
 * multi-row statement per table, please): the dossier and its module rows commit together.
 */
export type WriteWith<T> = (trx: Executor, filed: readonly Filed<T>[]) => Promise<void>;

/** How a filing ended: a new receipt, or the receipt an earlier request with the key got. */
export interface FilingOutcome {
  receipt: Receipt;
  /** False when the key had been used before: the same receipt, nothing new written. */
  created: boolean;
}

const PROCEDURE_TTL_MS = 5_000;

interface Prepared<T> {
  filing: Filing<T>;
  input: Input;
  proc: ProcedureRow;
}

type BatchAnswer = { ok: true; outcome: FilingOutcome } | { ok: false; error: unknown };

/**
 * Filing new dossiers straight into "submitted" (create + submit, as `submitNew`), built for
 * an opening day: the checks that need no lock run per request; the writes of all requests
 * arriving together go to the database as one transaction of a few multi-row statements
 * (micro-batch.ts): the idempotency keys, the dossiers, their two transitions each, the
 * notifications, the audit entries and the module's own rows (`writeWith`).
 *
 * The rules are the database's, as for a single filing: a client key already used → the
 * receipt it got (nothing written); a second active dossier for the same unique key →
 * `dossier.duplicate` (dossiers_unique_active, ON CONFLICT DO NOTHING, so that it fails this
 * filing and not the batch).
 */
export class DossierFiling<T> {
  readonly #p: Platform;
  readonly #intake: DossierIntake;
  readonly #steps: DossierSteps;
  readonly #calendar: HolidayCalendar;
  readonly #notifier: Notifier;
  readonly #writeWith: WriteWith<T>;
  readonly #numbers: DossierNumbers;
  readonly #procedures = new Map<string, { at: number; row: ProcedureRow | undefined }>();
  readonly #batch: MicroBatch<Prepared<T>, BatchAnswer>;

  constructor(
    p: Platform,
    deps: {
      intake: DossierIntake;
      steps: DossierSteps;
      calendar: HolidayCalendar;
      notifier: Notifier;
      numbers: DossierNumbers;
    },
    writeWith: WriteWith<T>,
  ) {
    this.#p = p;
    this.#intake = deps.intake;
    this.#steps = deps.steps;
    this.#calendar = deps.calendar;
    this.#notifier = deps.notifier;
    this.#numbers = deps.numbers;
    this.#writeWith = writeWith;
    this.#batch = new MicroBatch({ run: (items) => this.#write(items), maxSize: 128, maxInFlight: 2 });
  }

  get stats() {
    return this.#batch.stats;
  }

  /** Files one dossier (a batch of one when quiet). Throws the filing's own error. */
  async file(filing: Filing<T>): Promise<FilingOutcome> {
    if (!IdempotencyKey.safeParse(filing.idempotencyKey).success)
      throw new AppError('request.invalid', {
        details: [{ path: 'idempotencyKey', message: '8–200 of A–Z a–z 0–9 . _ : -' }],
      });
    const input = DossierDraftInput.parse(filing.input);
    const proc = await this.#procedure(input.procedureCode);
    if (!proc)
      throw new AppError('resource.not_found', { details: [{ path: 'procedureCode', message: input.procedureCode }] });
    if (!proc.active) throw new AppError('dossier.window_closed');
    await this.#intake.checkUnit(filing.actor, proc, input.unitId);
    const answer = await this.#batch.add({ filing, input, proc });
    if (!answer.ok) throw answer.error;
    return answer.outcome;
  }

  /** The receipt a client key was given, if any. */
  async prior(idempotencyKey: string, applicantKey: string): Promise<Receipt | undefined> {
    const k = await findIdempotencyKey(this.#p.db, idempotencyKey);
    if (!k) return undefined;
    if (k.operation !== 'submit' || !sameKey(k.applicant_key, applicantKey)) throw new AppError('resource.conflict');
    const row = await findDossier(this.#p.db, k.dossier_id);
    return row ? receiptOf(row) : undefined;
  }

  async #procedure(code: string): Promise<ProcedureRow | undefined> {
    const hit = this.#procedures.get(code);
    if (hit && Date.now() - hit.at < PROCEDURE_TTL_MS) return hit.row;
    const row = await this.#intake.procedure(code);
    this.#procedures.set(code, { at: Date.now(), row });
    return row;
  }

  async #write(items: Prepared<T>[]): Promise<BatchAnswer[]> {
    const now = new Date();
    const year = Number(dayOf(now).slice(0, 4));
    const cal = await this.#calendar.get();
    const codes = await this.#codes(items, year);
    const rows = items.map((it, i) => ({
      ...it,
      id: randomUUID(),
      code: codes[i]!,
      dueAt: addWorkingDays(now, it.proc.processing_days, cal, { cutoff: it.proc.cutoff_time }),
    }));
    const { claimed, inserted } = await this.#p.db.transaction().execute(async (trx) => {
      const claimed = await claimKeys(trx, rows);
      const candidates = rows.filter((r) => claimed.has(r.id));
      const inserted = await insertSubmitted(trx, candidates, now);
      const lost = candidates.filter((r) => !inserted.has(r.id)).map((r) => r.filing.idempotencyKey);
      if (lost.length) await sql`DELETE FROM dossier_idempotency_keys WHERE key = ANY(${lost}::text[])`.execute(trx);
      const filed = rows.filter((r) => inserted.has(r.id));
      if (filed.length) await this.#record(trx, filed, now);
      return { claimed, inserted };
    });
    return Promise.all(
      rows.map(async (r): Promise<BatchAnswer> => {
        if (inserted.has(r.id)) return { ok: true, outcome: { receipt: receiptFor(r, now), created: true } };
        if (claimed.has(r.id)) return { ok: false, error: new AppError('dossier.duplicate') };
        try {
          const prior = await this.prior(r.filing.idempotencyKey, r.input.applicantKey);
          if (!prior) return { ok: false, error: new AppError('resource.conflict') };
          return { ok: true, outcome: { receipt: prior, created: false } };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  async #codes(items: Prepared<T>[], year: number): Promise<string[]> {
    const byProc = new Map<string, number[]>();
    items.forEach((it, i) => {
      byProc.set(it.proc.code, [...(byProc.get(it.proc.code) ?? []), i]);
    });
    const codes: string[] = new Array(items.length);
    for (const [procCode, idx] of byProc) {
      const prefix = items[idx[0]!]!.proc.code_prefix;
      const numbers = await this.#numbers.take(this.#p.db, procCode, year, idx.length);
      idx.forEach((i, k) => {
        codes[i] = formatDossierCode(prefix, year, numbers[k]!);
      });
    }
    return codes;
  }

  /** Transitions (create, submit), notifications, audit entries and the module's rows. */
  async #record(trx: Executor, filed: Row<T>[], now: Date): Promise<void> {
    await insertTransitions(trx, filed);
    const notes: Notification[] = [];
    const audits: { actor: Actor; change: AuditChange }[] = [];
    for (const r of filed) {
      const n = this.#steps.message(source(r), 'submit', 'submitted', r.code, r.dueAt);
      if (n) notes.push(n);
      const by = stepActor(r.filing.actor).kind === 'applicant' ? { by: 'applicant' } : {};
      audits.push(
        {
          actor: r.filing.actor,
          change: {
            action: 'dossiers.create',
            entityType: 'dossier',
            entityId: r.id,
            unitId: r.input.unitId,
            after: { procedureCode: r.proc.code, state: 'draft', ...by },
          },
        },
        {
          actor: r.filing.actor,
          change: {
            action: 'dossiers.submit',
            entityType: 'dossier',
            entityId: r.id,
            unitId: r.input.unitId,
            before: { state: 'draft', version: 1 },
            after: { state: 'submitted', version: 2, code: r.code, dueAt: r.dueAt.toISOString(), reason: null, ...by },
          },
        },
      );
    }
    await this.#notifier.sendMany(notes, trx);
    await this.#p.audit.recordMany(trx, audits);
    await this.#writeWith(
      trx,
      filed.map((r) => ({ filing: r.filing, receipt: receiptFor(r, now) })),
    );
  }
}

type Row<T> = Prepared<T> & { id: string; code: string; dueAt: Date };

function receiptFor<T>(r: Row<T>, now: Date): Receipt {
  return {
    dossierId: r.id,
    code: r.code,
    procedureCode: r.proc.code,
    state: 'submitted',
    receivedAt: now.toISOString(),
    dueAt: r.dueAt.toISOString(),
    version: 2,
  };
}

function source<T>(r: Row<T>) {
  return {
    id: r.id,
    unit_id: r.input.unitId,
    contact_email: r.input.contact.email ?? null,
    contact_phone: r.input.contact.phone ?? null,
    locale: r.input.locale,
    procedure_name_vi: r.proc.name_vi,
    procedure_name_en: r.proc.name_en,
    documents: r.proc.documents,
  };
}

/**
 * The rows (dossier ids) whose key this batch is the first to use; a key used before, or by
 * an earlier row of the batch, is not claimed.
 */
async function claimKeys<T>(trx: Executor, rows: Row<T>[]): Promise<Set<string>> {
  const r = await sql<{ dossier_id: string }>`
    INSERT INTO dossier_idempotency_keys (key, operation, dossier_id, applicant_key)
    SELECT k, 'submit', d, a FROM unnest(${rows.map((x) => x.filing.idempotencyKey)}::text[],
      ${rows.map((x) => x.id)}::uuid[], ${rows.map((x) => x.input.applicantKey)}::text[]) AS t(k, d, a)
    ON CONFLICT (key) DO NOTHING
    RETURNING dossier_id`.execute(trx);
  return new Set(r.rows.map((x) => x.dossier_id));
}

/**
 * The dossiers, already submitted (version 2: created, then submitted). A row that would be a
 * second active dossier for its unique key is skipped (dossiers_unique_active) and reported.
 */
async function insertSubmitted<T>(trx: Executor, rows: Row<T>[], now: Date): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const r = await sql<{ id: string }>`
    INSERT INTO dossiers (id, code, procedure_code, unit_id, applicant_key, contact_email, contact_phone,
      locale, form, unique_key, state, received_at, due_at, version)
    SELECT id, code, proc, unit, akey, email, phone, loc, form, ukey, 'submitted', ${now}::timestamptz, due, 2
    FROM unnest(${rows.map((x) => x.id)}::uuid[], ${rows.map((x) => x.code)}::text[],
      ${rows.map((x) => x.proc.code)}::text[], ${rows.map((x) => x.input.unitId)}::uuid[],
      ${rows.map((x) => x.input.applicantKey)}::text[], ${rows.map((x) => x.input.contact.email ?? null)}::text[],
      ${rows.map((x) => x.input.contact.phone ?? null)}::text[], ${rows.map((x) => x.input.locale)}::text[],
      ${rows.map((x) => (x.input.form === undefined ? null : JSON.stringify(x.input.form)))}::jsonb[],
      ${rows.map((x) => x.input.uniqueKey ?? null)}::text[], ${rows.map((x) => x.dueAt)}::timestamptz[])
      AS t(id, code, proc, unit, akey, email, phone, loc, form, ukey, due)
    ON CONFLICT DO NOTHING
    RETURNING id`.execute(trx);
  return new Set(r.rows.map((x) => x.id));
}

async function insertTransitions<T>(trx: Executor, rows: Row<T>[]): Promise<void> {
  const who = rows.map((r) => stepActor(r.filing.actor));
  const ids = rows.map((r) => r.id);
  const kinds = who.map((w) => w.kind);
  const actorIds = who.map((w) => w.id);
  const names = who.map((w) => w.name);
  await sql`
    INSERT INTO dossier_transitions (dossier_id, action, from_state, to_state, actor_kind, actor_id, actor_name)
    SELECT d, s.action, s.from_state, s.to_state, k, a, n
    FROM unnest(${ids}::uuid[], ${kinds}::text[], ${actorIds}::uuid[], ${names}::text[]) WITH ORDINALITY AS t(d, k, a, n, o)
    CROSS JOIN (VALUES (1, 'create', NULL, 'draft'), (2, 'submit', 'draft', 'submitted'))
      AS s(step, action, from_state, to_state)
    ORDER BY o, s.step`.execute(trx);
}
