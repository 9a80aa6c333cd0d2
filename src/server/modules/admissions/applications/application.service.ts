import type { z } from 'zod';
import type {
  ApplicationPatch,
  ApplicationReceipt,
  ApplicationStatus,
  ApplicationSubmit,
  ChildIdentity,
} from '../../../../shared/admission-applications.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError, found } from '../../../platform/errors.ts';
import type { OtpSession } from '../../../platform/otp/otp.service.ts';
import { getOtpService } from '../../../platform/otp/otp-provider.ts';
import type { Platform } from '../../../platform/platform.ts';
import { sameKey } from '../../dossiers/applicant-access.ts';
import { dossierEngine } from '../../dossiers/dossier-engine.ts';
import { checkPersonalId, describeProblem } from '../../population/personal-id.ts';
import { getPopulationService } from '../../population/population-provider.ts';
import { invalid } from '../rounds/round-context.ts';
import { presentReceipt, presentStatus } from './application.presenter.ts';
import * as repo from './application.repository.ts';
import { ApplicationEdits } from './application-edits.ts';
import { APPLY, applicantKeyOf } from './application-identity.ts';
import { formProblems, loadRound, requireRegistration } from './application-round.ts';
import { type RegistryResidence, residenceStatus } from './application-rules.ts';

type Submit = z.output<typeof ApplicationSubmit>;

/**
 * The public application (issue 3, item 2): submit (idempotent by the client's key, one active
 * application per child and round), status, edit until the deadline, withdraw. The dossier
 * engine holds state, code, receipt and timeline; admission_applications the form.
 */
export class ApplicationService {
  readonly #p: Platform;
  readonly #edits: ApplicationEdits;
  /** Requests in flight per client key on this node: a burst of retries makes one registry lookup. */
  readonly #inflight = new Map<string, Promise<ApplicationReceipt>>();

  constructor(platform: Platform) {
    this.#p = platform;
    this.#edits = new ApplicationEdits(platform, (actor, session, personalId, dob) =>
      this.#registryResidence(actor, session, personalId, dob),
    );
  }

  /**
   * Files the application. The same client key (a UUID per press of "Nộp hồ sơ") always gives
   * the same receipt: 201 the first time and for every retry (the answer does not depend on
   * which request won). Another key for a child who already has an active application in the
   * round: dossier.duplicate (the partial unique index dossiers_unique_active decides).
   */
  async submit(
    actor: Actor,
    token: string | undefined,
    roundId: string,
    body: Submit,
    idempotencyKey: string,
  ): Promise<ApplicationReceipt> {
    const session = await getOtpService(this.#p).resolveSession(token, APPLY);
    const key = await applicantKeyOf(this.#p, body.personalId);
    const flight = `${idempotencyKey}\u0000${key}`;
    const running = this.#inflight.get(flight);
    if (running) return running;
    const next = this.#submit(actor, session, roundId, body, key, idempotencyKey).finally(() =>
      this.#inflight.delete(flight),
    );
    this.#inflight.set(flight, next);
    return next;
  }

  async #submit(actor: Actor, session: OtpSession, roundId: string, body: Submit, key: string, idem: string) {
    const engine = dossierEngine(this.#p).applicants;
    const round = await loadRound(this.#p.db, roundId);
    const prior = await engine.receiptFor(idem, key);
    if (prior) {
      const row = await repo.findByDossier(this.#p.db, prior.dossierId);
      if (row) return presentReceipt(prior, row, round);
    }
    requireRegistration(round);
    // The ID's digits carry the birth year and gender (Thông tư 59/2021/TT-BCA): catch a typo early.
    const idProblems = checkPersonalId(body.personalId, { dateOfBirth: body.dateOfBirth }).map((p) => ({
      path: 'body.personalId',
      message: describeProblem(p, actor.locale),
    }));
    const problems = [...idProblems, ...formProblems(round, body)];
    if (problems.length) throw invalid(problems);
    const resident = await getPopulationService(this.#p).lookupChild(actor, body.personalId, body.dateOfBirth, {
      purpose: APPLY,
      session,
    });
    const registry: RegistryResidence[] | undefined = resident && [
      resident.currentResidence,
      resident.permanentResidence,
    ];
    const residence = residenceStatus(body.residence, registry);
    if (residence.problems.length) throw invalid(residence.problems);
    const receipt = await engine.submitNew(
      actor,
      {
        procedureCode: round.procedureCode,
        unitId: body.wishes[0]!,
        applicantKey: key,
        contact: session.channel === 'sms' ? { phone: session.address } : { email: session.address },
        locale: actor.locale,
        form: { roundId },
        uniqueKey: `${roundId}:${key}`,
      },
      // Documents (birth certificate, proof of residence or priority) are uploaded afterwards
      // through the engine's attachments; the registry match stands in for them meanwhile.
      { idempotencyKey: idem, openUntil: round.row.register_to, skipRequiredDocuments: true },
    );
    await repo.insertApplication(this.#p.db, {
      dossier_id: receipt.dossierId,
      round_id: roundId,
      dossier_code: receipt.code,
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
      contact_channel: session.channel,
      contact_address: session.address,
    });
    await repo.deleteDrafts(this.#p.db, roundId, key);
    return presentReceipt(receipt, found(await repo.findByDossier(this.#p.db, receipt.dossierId)), round);
  }

  /** Status and public timeline; a wrong ID or date of birth is the same 404 as an unknown code. */
  async status(code: string, who: ChildIdentity): Promise<ApplicationStatus> {
    const { row, key } = await this.#own(code, who);
    const round = await loadRound(this.#p.db, row.round_id);
    const timeline = await dossierEngine(this.#p).applicants.getPublicTimeline(row.dossier_id, key);
    return presentStatus(row, round, timeline);
  }

  /** Edits wishes, priority group or residence until the registration deadline; keeps the previous version. */
  async edit(actor: Actor, token: string | undefined, code: string, patch: z.output<typeof ApplicationPatch>) {
    const session = await getOtpService(this.#p).resolveSession(token, APPLY);
    const { row, key } = await this.#own(code, patch, session);
    await this.#edits.edit(actor, session, row, key, patch);
    return this.status(code, patch);
  }

  /** Withdraws (any time before a decision); the child may then apply again in the round. */
  async withdraw(actor: Actor, token: string | undefined, code: string, body: ChildIdentity & { reason: string }) {
    const session = await getOtpService(this.#p).resolveSession(token, APPLY);
    const { row, key } = await this.#own(code, body, session);
    await dossierEngine(this.#p).applicants.withdraw(actor, row.dossier_id, key, body.reason);
    return this.status(code, body);
  }

  /** The application of this code if the ID, date of birth (and contact, for changes) are its own. */
  async #own(code: string, who: ChildIdentity, session?: OtpSession) {
    const key = await applicantKeyOf(this.#p, who.personalId);
    const row = await repo.findByCode(this.#p.db, code);
    if (
      !row ||
      !sameKey(row.applicant_key, key) ||
      row.date_of_birth !== who.dateOfBirth ||
      (session && row.contact_address !== session.address)
    )
      throw new AppError('resource.not_found');
    return { row, key };
  }

  async #registryResidence(actor: Actor, session: OtpSession, personalId: string, dob: string) {
    const r = await getPopulationService(this.#p).lookupChild(actor, personalId, dob, { purpose: APPLY, session });
    return r && [r.currentResidence, r.permanentResidence];
  }
}
