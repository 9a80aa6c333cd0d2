import type { z } from 'zod';
import type { ApplicationReceipt, ApplicationSubmit } from '../../../../shared/admission-applications.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { OtpSession } from '../../../platform/otp/otp.service.ts';
import type { Platform } from '../../../platform/platform.ts';
import { dossierEngine } from '../../dossiers/dossier-engine.ts';
import type { DossierFiling, Filed } from '../../dossiers/dossier-filing.ts';
import { checkPersonalId, describeProblem } from '../../population/personal-id.ts';
import type { LookupEntry } from '../../population/population-lookups.repository.ts';
import { getPopulationService } from '../../population/population-provider.ts';
import { invalid } from '../rounds/round-context.ts';
import { presentReceipt } from './application.presenter.ts';
import * as repo from './application.repository.ts';
import { APPLY, applicantKeyOf } from './application-identity.ts';
import { type ApplicationRound, formProblems, loadRound, requireRegistration } from './application-round.ts';
import { type RegistryResidence, residenceStatus } from './application-rules.ts';

type Submit = z.output<typeof ApplicationSubmit>;

/** Who files and how they are reached: a verified contact (public) or one a clerk typed in. */
export interface FilingContact {
  channel: 'sms' | 'email';
  address: string;
  /** The OTP session that verified the contact (public filings). */
  session?: OtpSession;
  /** A clerk's assisted entry: the parent's consent, kept with the dossier. */
  assisted?: { consent: true };
}

interface Extra {
  values: Omit<repo.ApplicationValues, 'dossier_id' | 'dossier_code'>;
  lookup: (LookupEntry & { found: boolean }) | undefined;
}

const desks = new WeakMap<Platform, ApplicationFiling>();

/** The one filing desk of a platform (the public form, assisted entry and the demo share it). */
export function applicationFiling(platform: Platform): ApplicationFiling {
  let desk = desks.get(platform);
  if (!desk) {
    desk = new ApplicationFiling(platform);
    desks.set(platform, desk);
  }
  return desk;
}

/**
 * Who may file in a round beyond the round's own rules (a supplementary round: only children of
 * its parent round left without a seat). Per round, a check of one child's key that answers
 * why it is refused, or null; no check at all for an ordinary round.
 */
export type Eligibility = (
  roundId: string,
) => Promise<((applicantKey: string) => Promise<{ vi: string; en: string } | null>) | null>;

/** How long a node keeps a round's row and schools for filings (status, window, schools). */
const ROUND_TTL_MS = 2_000;

/**
 * Filing an application: the one path for the public form (after its one-time code), for a
 * clerk's assisted entry and for the demo data. Checks what needs no lock (window, personal-ID
 * structure, wishes and priority against the round, the registry's residence), then hands the
 * dossier and the application row to the dossier engine's filing desk, which writes them, with
 * the registry lookup's log row and the removal of the draft, in one transaction shared with
 * the other filings arriving at the same moment (dossier-filing.ts).
 *
 * The round is read at most every 2 s per node: a round closed or changed by staff is seen by
 * filings within that time (the registration deadline itself is a timestamp, checked exactly).
 */
export class ApplicationFiling {
  readonly #p: Platform;
  readonly #desk: DossierFiling<Extra>;
  readonly #rounds = new Map<string, { at: number; round: Promise<ApplicationRound> }>();
  readonly #checks = new Map<string, { at: number; check: ReturnType<Eligibility> }>();
  #eligibility: Eligibility = async () => null;

  constructor(platform: Platform) {
    this.#p = platform;
    this.#desk = dossierEngine(platform).filing<Extra>((trx, filed) => this.#writeWith(trx, filed));
  }

  /** Sets the eligibility rule (the results module's supplementary rounds). */
  useEligibility(rule: Eligibility): void {
    this.#eligibility = rule;
    this.#checks.clear();
  }

  /** Batches written and filings in them (for the benchmark). */
  get stats() {
    return this.#desk.stats;
  }

  async file(
    actor: Actor,
    contact: FilingContact,
    roundId: string,
    body: Submit,
    idempotencyKey: string,
  ): Promise<ApplicationReceipt> {
    const key = await applicantKeyOf(this.#p, body.personalId);
    const round = await this.round(roundId);
    try {
      requireRegistration(round);
    } catch (err) {
      // A retry of a filing accepted before the window closed still gets its receipt.
      const prior = await this.#priorReceipt(idempotencyKey, key, round);
      if (prior) return prior;
      throw err;
    }
    // The ID's digits carry the birth year and gender (Thông tư 59/2021/TT-BCA): catch a typo early.
    const idProblems = checkPersonalId(body.personalId, { dateOfBirth: body.dateOfBirth }).map((p) => ({
      path: 'body.personalId',
      message: describeProblem(p, actor.locale),
    }));
    const problems = [...idProblems, ...formProblems(round, body)];
    if (problems.length) throw invalid(problems);
    const check = await this.#check(roundId);
    const refusal = check && (await check(key));
    if (refusal) throw new AppError('request.invalid', { hint: refusal });
    const population = getPopulationService(this.#p);
    const { resident, log } = await population.lookupForFiling(actor, body.personalId, body.dateOfBirth, {
      purpose: APPLY,
      ...(contact.session && { session: contact.session }),
    });
    const registry: RegistryResidence[] | undefined = resident && [
      resident.currentResidence,
      resident.permanentResidence,
    ];
    const residence = residenceStatus(body.residence, registry);
    if (residence.problems.length) {
      await population.chargeRefusal(log);
      throw invalid(residence.problems);
    }
    const values: Extra['values'] = {
      round_id: roundId,
      applicant_key: key,
      child_name: resident?.fullName ?? body.fullName,
      date_of_birth: body.dateOfBirth,
      gender: resident?.gender ?? body.gender,
      residence_commune_id: body.residence.communeId,
      residence_village: body.residence.village,
      residence_status: residence.status,
      correction_reason: residence.status === 'correction' ? (body.residence.correctionReason ?? null) : null,
      registry_match: resident !== undefined,
      wishes: body.wishes,
      priority_group: body.priorityGroup,
      // The family's own list; none given: the registry's parents of the child (no phones).
      guardians: JSON.stringify(
        body.guardians.length > 0
          ? body.guardians
          : (resident?.guardians ?? []).map((g) => ({ fullName: g.fullName, relation: g.relation, phone: null })),
      ),
      contact_channel: contact.channel,
      contact_address: contact.address,
    };
    const outcome = await this.#desk.file({
      actor,
      input: {
        procedureCode: round.procedureCode,
        unitId: body.wishes[0]!,
        applicantKey: key,
        contact: contact.channel === 'sms' ? { phone: contact.address } : { email: contact.address },
        locale: actor.locale,
        form: contact.assisted ? { roundId, assisted: { consent: true, at: new Date().toISOString() } } : { roundId },
        uniqueKey: `${roundId}:${key}`,
      },
      idempotencyKey,
      extra: { values, lookup: log },
    });
    if (!outcome.created) {
      const row = await repo.findByDossier(this.#p.db, outcome.receipt.dossierId);
      if (!row) throw new AppError('resource.conflict');
      return presentReceipt(outcome.receipt, row, round);
    }
    return presentReceipt(outcome.receipt, values, round);
  }

  /** The receipt a client key already got in this round, if any. */
  async priorReceipt(idempotencyKey: string, personalId: string, roundId: string) {
    const key = await applicantKeyOf(this.#p, personalId);
    return this.#priorReceipt(idempotencyKey, key, await this.round(roundId));
  }

  /** A round as filings see it (cached for 2 s per node); a draft round is "not found". */
  round(id: string): Promise<ApplicationRound> {
    const hit = this.#rounds.get(id);
    if (hit && Date.now() - hit.at < ROUND_TTL_MS) return hit.round;
    const round = loadRound(this.#p.db, id);
    this.#rounds.set(id, { at: Date.now(), round });
    round.catch(() => this.#rounds.delete(id));
    return round;
  }

  #check(roundId: string): ReturnType<Eligibility> {
    const hit = this.#checks.get(roundId);
    if (hit && Date.now() - hit.at < ROUND_TTL_MS) return hit.check;
    const check = this.#eligibility(roundId);
    this.#checks.set(roundId, { at: Date.now(), check });
    check.catch(() => this.#checks.delete(roundId));
    return check;
  }

  async #priorReceipt(idempotencyKey: string, key: string, round: ApplicationRound) {
    const prior = await this.#desk.prior(idempotencyKey, key);
    if (!prior) return undefined;
    const row = await repo.findByDossier(this.#p.db, prior.dossierId);
    return row ? presentReceipt(prior, row, round) : undefined;
  }

  /** In the batch's transaction: the application rows, the lookup log rows, the drafts' removal. */
  async #writeWith(trx: Executor, filed: readonly Filed<Extra>[]): Promise<void> {
    await repo.insertApplications(
      trx,
      filed.map((f) => ({ ...f.filing.extra.values, dossier_id: f.receipt.dossierId, dossier_code: f.receipt.code })),
    );
    await getPopulationService(this.#p).logAnswered(
      trx,
      filed.flatMap((f) => (f.filing.extra.lookup ? [f.filing.extra.lookup] : [])),
    );
    await repo.deleteDraftsOf(
      trx,
      filed.map((f) => ({
        roundId: f.filing.extra.values.round_id,
        applicantKey: f.filing.extra.values.applicant_key,
      })),
    );
  }
}
