import type { ChildIdentity } from '../../../../shared/admission-applications.schema.ts';
import type {
  PublicResult,
  ReleaseOutcome,
  ResultLookupQuery,
  StaffResult,
} from '../../../../shared/admission-results.schema.ts';
import { type Actor, actorLabel } from '../../../platform/actor.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { AppError, found } from '../../../platform/errors.ts';
import { insertOutbox } from '../../../platform/notify/outbox.repository.ts';
import { formatDay } from '../../../platform/notify/templates.ts';
import { getOtpService } from '../../../platform/otp/otp-provider.ts';
import type { Platform } from '../../../platform/platform.ts';
import { sameKey } from '../../dossiers/applicant-access.ts';
import { APPLY, applicantKeyOf } from '../applications/application-identity.ts';
import { lockRound } from '../rounds/round.repository.ts';
import type { ResultLookupService } from './result-lookup.service.ts';
import { outboxRow, resultLink } from './result-messages.ts';
import { authoriseRound } from './result-publish.service.ts';
import { presentStaff } from './results.presenter.ts';
import * as repo from './results.repository.ts';

const closed = (confirmTo: Date) =>
  new AppError('admissions.confirmation_closed', {
    hint: {
      vi: `Hạn cuối: ${formatDay(confirmTo.toISOString())}.`,
      en: `The deadline was ${formatDay(confirmTo.toISOString())}.`,
    },
  });

/**
 * Confirmation of enrolment (by the family online with a one-time code, or recorded by the school
 * for a family who came in person) until the round's confirm_to, and release of the seats not
 * confirmed by then. Confirming twice answers the same; only admitted seats not yet released can
 * be confirmed.
 */
export class ResultConfirmService {
  readonly #p: Platform;
  readonly #lookup: ResultLookupService;

  constructor(platform: Platform, lookup: ResultLookupService) {
    this.#p = platform;
    this.#lookup = lookup;
  }

  /** The family confirms: verified contact (the one the application was filed with), ID and date of birth. */
  async confirmByFamily(
    actor: Actor,
    token: string | undefined,
    code: string,
    who: ChildIdentity,
  ): Promise<PublicResult> {
    const session = await getOtpService(this.#p).resolveSession(token, APPLY);
    const key = await applicantKeyOf(this.#p, who.personalId);
    await this.#p.db.transaction().execute(async (trx) => {
      const r = await repo.lockResult(trx, { code });
      if (
        !r ||
        !sameKey(r.applicant_key, key) ||
        r.date_of_birth !== who.dateOfBirth ||
        r.contact_address !== session.address
      )
        throw new AppError('resource.not_found');
      await this.#confirm(trx, actor, r, 'applicant', 'online');
    });
    this.#lookup.evict(code);
    const answer = await this.#lookup.lookup(actor, { code, ...who } satisfies ResultLookupQuery);
    if (answer.status !== 200) throw new AppError('internal');
    return answer.body;
  }

  /** A school records a confirmation made in person (`admissions.review` on the admitted school). */
  async confirmByStaff(actor: Actor, resultId: string): Promise<StaffResult> {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const seen = found(await repo.findStaffResult(this.#p.db, resultId));
    if (!seen.school_id) {
      const round = found(await repo.lockResult(this.#p.db, { id: resultId }));
      await this.#p.access.require(actor, 'admissions.review', { unitId: round.running_unit_id });
      throw new AppError('admissions.not_admitted');
    }
    await this.#p.access.require(actor, 'admissions.review', { unitId: seen.school_id });
    const code = await this.#p.db.transaction().execute(async (trx) => {
      const r = found(await repo.lockResult(trx, { id: resultId }));
      await this.#confirm(trx, actor, r, actorLabel(actor).id ?? 'system', 'in_person');
      return r.dossier_code;
    });
    this.#lookup.evict(code);
    return presentStaff(found(await repo.findStaffResult(this.#p.db, resultId)));
  }

  async #confirm(trx: Executor, actor: Actor, r: repo.LockedResult, by: string, channel: 'online' | 'in_person') {
    if (r.confirmation === 'confirmed') return;
    if (r.outcome !== 'admitted' || r.confirmation !== 'pending') throw new AppError('admissions.not_admitted');
    if (Date.now() >= r.confirm_to.getTime()) throw closed(r.confirm_to);
    const done = await repo.markConfirmed(trx, r.id, by, channel);
    if (!done) throw new AppError('admissions.not_admitted');
    await this.#p.audit.record(trx, actor, {
      action: 'admissions.result.confirm',
      entityType: 'admission_result',
      entityId: r.id,
      unitId: r.school_id,
      before: { confirmation: 'pending' },
      after: { confirmation: 'confirmed', channel, dossierCode: r.dossier_code },
    });
    const schoolName = r.school_id ? await repo.findUnitName(trx, r.school_id) : '';
    await insertOutbox(trx, [
      outboxRow(
        {
          template: 'admissions.result.confirmed',
          code: r.dossier_code,
          roundName: r.round_name,
          schoolName,
          admitted: true,
          confirmTo: r.confirm_to.toISOString(),
          link: resultLink(this.#p.config.PUBLIC_URL, r.dossier_code),
        },
        {
          channel: r.contact_channel,
          address: r.contact_address,
          locale: r.locale,
          dossierId: r.dossier_id,
          unitId: r.school_id,
        },
      ),
    ]);
  }

  /**
   * After confirm_to, every admitted seat not confirmed becomes free (`admissions.allocate` on
   * the running unit); the families are told. A second call releases nothing more and answers
   * the same totals.
   */
  async release(actor: Actor, roundId: string, now = new Date()): Promise<ReleaseOutcome> {
    const round = await authoriseRound(this.#p, this.#p.db, actor, roundId, 'admissions.allocate');
    if (!(await repo.findPublication(this.#p.db, roundId))) throw new AppError('admissions.results_not_published');
    if (now < round.confirm_to)
      throw new AppError('admissions.confirmation_open', {
        hint: {
          vi: `Hạn xác nhận: ${formatDay(round.confirm_to.toISOString())}.`,
          en: `The deadline is ${formatDay(round.confirm_to.toISOString())}.`,
        },
      });
    const { releasedNow, releasedAt } = await this.#p.db.transaction().execute(async (trx) => {
      found(await lockRound(trx, roundId));
      const gone = await repo.releasePending(trx, roundId);
      const pub = await repo.markReleased(trx, roundId, actorLabel(actor).id);
      const names = new Map((await repo.countReleased(trx, roundId)).map((s) => [s.school_id, s.name]));
      const perSchool: Record<string, number> = {};
      for (const g of gone) if (g.school_id) perSchool[g.school_id] = (perSchool[g.school_id] ?? 0) + 1;
      const rows = gone.map((g) =>
        outboxRow(
          {
            template: 'admissions.result.released',
            code: g.dossier_code,
            roundName: round.name,
            schoolName: (g.school_id && names.get(g.school_id)) || '',
            admitted: true,
            confirmTo: round.confirm_to.toISOString(),
            link: resultLink(this.#p.config.PUBLIC_URL, g.dossier_code),
          },
          {
            channel: g.contact_channel,
            address: g.contact_address,
            locale: g.locale,
            dossierId: g.dossier_id,
            unitId: g.school_id,
          },
        ),
      );
      for (let i = 0; i < rows.length; i += 1000) await insertOutbox(trx, rows.slice(i, i + 1000));
      await this.#p.audit.record(trx, actor, {
        action: 'admissions.results.release',
        entityType: 'admission_round',
        entityId: roundId,
        unitId: round.running_unit_id,
        before: null,
        after: { released: gone.length, perSchool },
      });
      return { releasedNow: gone.length, releasedAt: pub.released_at };
    });
    this.#lookup.evict();
    const schools = (await repo.countReleased(this.#p.db, roundId)).map((s) => ({
      schoolId: s.school_id as string,
      name: s.name,
      released: s.released,
    }));
    return {
      roundId,
      releasedAt: new Date(releasedAt as Date).toISOString(),
      releasedNow,
      schools,
      total: schools.reduce((n, s) => n + s.released, 0),
    };
  }
}
