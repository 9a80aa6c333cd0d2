import type { z } from 'zod';
import type {
  ApplicationPatch,
  ApplicationReceipt,
  ApplicationStatus,
  ApplicationSubmit,
  ChildIdentity,
} from '../../../../shared/admission-applications.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import type { OtpSession } from '../../../platform/otp/otp.service.ts';
import { getOtpService } from '../../../platform/otp/otp-provider.ts';
import type { Platform } from '../../../platform/platform.ts';
import { sameKey } from '../../dossiers/applicant-access.ts';
import { dossierEngine } from '../../dossiers/dossier-engine.ts';
import { getPopulationService } from '../../population/population-provider.ts';
import { presentStatus } from './application.presenter.ts';
import * as repo from './application.repository.ts';
import { ApplicationEdits } from './application-edits.ts';
import type { ApplicationFiling } from './application-filing.ts';
import { APPLY, applicantKeyOf } from './application-identity.ts';
import { loadRound } from './application-round.ts';

type Submit = z.output<typeof ApplicationSubmit>;

/**
 * The public application (issue 3, item 2): submit (idempotent by the client's key, one active
 * application per child and round), status, edit until the deadline, withdraw. The dossier
 * engine holds state, code, receipt and timeline; admission_applications the form.
 */
export class ApplicationService {
  readonly #p: Platform;
  readonly #edits: ApplicationEdits;
  readonly #filing: ApplicationFiling;
  /** Requests in flight per client key on this node: a burst of retries makes one registry lookup. */
  readonly #inflight = new Map<string, Promise<ApplicationReceipt>>();

  constructor(platform: Platform, filing: ApplicationFiling) {
    this.#p = platform;
    this.#filing = filing;
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
    const next = this.#submit(actor, session, roundId, body, idempotencyKey).finally(() =>
      this.#inflight.delete(flight),
    );
    this.#inflight.set(flight, next);
    return next;
  }

  #submit(actor: Actor, session: OtpSession, roundId: string, body: Submit, idem: string) {
    return this.#filing.file(
      actor,
      { channel: session.channel, address: session.address, session },
      roundId,
      body,
      idem,
    );
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
