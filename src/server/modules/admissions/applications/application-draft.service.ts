import type { z } from 'zod';
import type { ChildIdentity, DraftSave, DraftView } from '../../../../shared/admission-applications.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { getOtpService } from '../../../platform/otp/otp-provider.ts';
import type { Platform } from '../../../platform/platform.ts';
import * as repo from './application.repository.ts';
import { APPLY, applicantKeyOf } from './application-identity.ts';
import { loadRound, requireDraftWindow } from './application-round.ts';

type Saved = { dateOfBirth: string; form: z.output<typeof DraftSave>['form'] };

/**
 * The parent's server-side draft (issue 3: "a draft survives a dropped connection and a closed
 * tab"): one per child, round and verified contact, read back with the same OTP session kind,
 * the child's ID and date of birth. It holds no personal ID (only the applicant key).
 */
export class ApplicationDraftService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  async save(
    _actor: Actor,
    token: string | undefined,
    roundId: string,
    body: z.output<typeof DraftSave>,
  ): Promise<DraftView> {
    const session = await getOtpService(this.#p).resolveSession(token, APPLY);
    requireDraftWindow(await loadRound(this.#p.db, roundId));
    const key = await applicantKeyOf(this.#p, body.personalId);
    const data: Saved = { dateOfBirth: body.dateOfBirth, form: body.form };
    const updatedAt = await repo.upsertDraft(this.#p.db, {
      roundId,
      applicantKey: key,
      contact: session.address,
      data,
    });
    return { roundId, dateOfBirth: body.dateOfBirth, form: body.form, updatedAt: new Date(updatedAt).toISOString() };
  }

  /** The draft, or resource.not_found (also for a wrong date of birth or another contact). */
  async get(_actor: Actor, token: string | undefined, roundId: string, who: ChildIdentity): Promise<DraftView> {
    const session = await getOtpService(this.#p).resolveSession(token, APPLY);
    await loadRound(this.#p.db, roundId);
    const key = await applicantKeyOf(this.#p, who.personalId);
    const row = await repo.findDraft(this.#p.db, roundId, key, session.address);
    const data = row?.data as Saved | undefined;
    if (!row || !data || data.dateOfBirth !== who.dateOfBirth) throw new AppError('resource.not_found');
    return {
      roundId,
      dateOfBirth: data.dateOfBirth,
      form: data.form,
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }
}
