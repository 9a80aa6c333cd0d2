import type { ApplicationReceipt, AssistedSubmit } from '../../../../shared/admission-applications.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { requireAddress } from '../../../platform/otp/contact.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { ApplicationFiling } from './application-filing.ts';

/**
 * Assisted entry (issue 3, item 3): a parent without a phone or internet comes to the school or
 * the commune, and a clerk files the application with them. The same checks and the same
 * filing as the public form; the dossier's transitions and audit entries name the clerk, and
 * the parent's consent is kept with the dossier. Needs `admissions.review` on the school of the
 * first wish (a school's staff, or its commune's or the Sở's).
 */
export class ApplicationAssistedService {
  readonly #p: Platform;
  readonly #filing: ApplicationFiling;

  constructor(platform: Platform, filing: ApplicationFiling) {
    this.#p = platform;
    this.#filing = filing;
  }

  async file(actor: Actor, roundId: string, body: AssistedSubmit, idempotencyKey: string): Promise<ApplicationReceipt> {
    if (actor.kind !== 'user') throw new AppError('auth.required');
    const round = await this.#filing.round(roundId);
    // Staff of any school in the round's subtree may help; the first wish decides which.
    await this.#p.access.require(actor, 'admissions.review', { unitId: body.wishes[0] ?? round.row.running_unit_id });
    const address = requireAddress(body.contact.channel, body.contact.address, actor.locale);
    const { contact: _contact, consent: _consent, ...form } = body;
    return this.#filing.file(
      actor,
      { channel: body.contact.channel, address, assisted: { consent: true } },
      roundId,
      form,
      idempotencyKey,
    );
  }
}
