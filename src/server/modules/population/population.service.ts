import type { ChildPrefill, OtpPurpose, PopulationLookupBody } from '../../../shared/population.schema.ts';
import { type Actor, actorLabel } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { keyedHash } from '../../platform/otp/keyed-hash.ts';
import type { OtpService, OtpSession } from '../../platform/otp/otp.service.ts';
import { serverSecret } from '../../platform/otp/server-secret.ts';
import type { Platform } from '../../platform/platform.ts';
import type { OrgService } from '../org/org.service.ts';
import { checkPersonalId, describeProblem } from './personal-id.ts';
import { presentPrefill } from './population.presenter.ts';
import * as log from './population-lookups.repository.ts';
import type { PopulationRegistry, Resident } from './population-registry.ts';

/** Public limits: a family looks up a few children, not hundreds (enumeration of IDs). */
export const LOOKUP_LIMITS: log.LookupLimits = { perSession: 10, perClient: { max: 30, windowSeconds: 60 * 60 } };

/** The OTP purpose that allows the public lookup. */
const APPLY: OtpPurpose = 'admissions.apply';

/**
 * Access to the population registry: every lookup is logged in population_lookups (who, why,
 * the personal ID as a keyed hash, found or not) before the registry is asked, and the public
 * is rate-limited per client address and per verified contact (Decree 13/2023/NĐ-CP: log access
 * to sensitive personal data). The registry itself is a pure data source.
 */
export class PopulationService {
  readonly #p: Platform;
  readonly #registry: () => PopulationRegistry;
  readonly #otp: OtpService;
  readonly #org: OrgService;
  readonly #limits: log.LookupLimits;

  constructor(
    platform: Platform,
    deps: { registry: () => PopulationRegistry; otp: OtpService; org: OrgService },
    limits?: log.LookupLimits,
  ) {
    this.#p = platform;
    this.#registry = deps.registry;
    this.#otp = deps.otp;
    this.#org = deps.org;
    this.#limits = limits ?? {
      ...LOOKUP_LIMITS,
      perClient: { ...LOOKUP_LIMITS.perClient, max: platform.config.RATE_REGISTRY_LOOKUPS_PER_IP_PER_HOUR },
    };
  }

  /** The public pre-fill: needs a verified contact for `admissions.apply`; 404 when not found. */
  async lookupForApplication(actor: Actor, body: PopulationLookupBody): Promise<ChildPrefill> {
    const session = await this.#otp.resolveSession(body.otpToken, APPLY);
    const problems = checkPersonalId(body.personalId, { dateOfBirth: body.dateOfBirth });
    if (problems.length) {
      const details = problems.map((p) => ({ path: 'body.personalId', message: describeProblem(p, actor.locale) }));
      throw new AppError('request.invalid', { details });
    }
    const resident = await this.lookupChild(actor, body.personalId, body.dateOfBirth, { purpose: APPLY, session });
    if (!resident) throw new AppError('population.not_found');
    const names = await this.#communeNames([
      resident.permanentResidence.communeId,
      resident.currentResidence.communeId,
    ]);
    return presentPrefill(resident, session, (id) => names.get(id) ?? '', this.#registry().source === 'demo');
  }

  /**
   * One child by ID and date of birth, for any caller (the public form, assisted entry at a
   * school, admissions checks). Logged; rate-limited for the public (rate.limited).
   */
  async lookupChild(
    actor: Actor,
    personalId: string,
    dateOfBirth: string,
    ctx: { purpose: string; session?: OtpSession },
  ): Promise<Resident | undefined> {
    const key = await serverSecret(this.#p);
    const id = await log.reserveLookup(
      this.#p.db,
      {
        ...this.#who(actor, key, ctx.purpose, ctx.session),
        kind: 'child',
        personalIdHash: keyedHash(key, 'personal-id', personalId),
        communeId: null,
      },
      this.#limits,
    );
    if (id === undefined) throw new AppError('rate.limited');
    const resident = await this.#registry().lookupChild(personalId, dateOfBirth);
    await log.recordResult(this.#p.db, id, resident !== undefined, resident ? 1 : 0);
    return resident;
  }

  /**
   * The check of a filing (an application being submitted with a verified contact): the same
   * lookup, but its log row is returned for the caller to write in the filing's transaction
   * (`logAnswered`), and it is not counted against the public limits, because a filing is
   * bound to an OTP session and files a dossier that everyone can see. If the filing is then
   * refused for what the registry said, call `chargeRefusal` before answering: that lookup
   * counts like a pre-fill, so a refused filing cannot be used to probe the registry.
   */
  async lookupForFiling(
    actor: Actor,
    personalId: string,
    dateOfBirth: string,
    ctx: { purpose: string; session?: OtpSession },
  ): Promise<{ resident: Resident | undefined; log: log.LookupEntry & { found: boolean } }> {
    const key = await serverSecret(this.#p);
    const resident = await this.#registry().lookupChild(personalId, dateOfBirth);
    const entry = {
      ...this.#who(actor, key, ctx.purpose, ctx.session),
      kind: 'child' as const,
      personalIdHash: keyedHash(key, 'personal-id', personalId),
      communeId: null,
      found: resident !== undefined,
    };
    return { resident, log: entry };
  }

  /** Writes filings' lookup log rows in the caller's transaction. */
  logAnswered(exec: Executor, rows: readonly (log.LookupEntry & { found: boolean })[]): Promise<void> {
    return log.insertAnswered(exec, rows);
  }

  /** Counts a refused filing's lookup against the limits; rate.limited when they are reached. */
  async chargeRefusal(entry: log.LookupEntry & { found: boolean }): Promise<void> {
    const id = await log.reserveLookup(this.#p.db, entry, this.#limits);
    if (id === undefined) throw new AppError('rate.limited');
    await log.recordResult(this.#p.db, id, entry.found, entry.found ? 1 : 0);
  }

  /**
   * Children of a commune born in [yearFrom, yearTo] (the list of children of an age who have
   * not applied). Needs `admissions.review` or `admissions.manage` on the commune; logged as one cohort access.
   */
  async childrenBornIn(actor: Actor, communeId: string, yearFrom: number, yearTo: number): Promise<Resident[]> {
    // The commune's reviewers (not only those who configure rounds) follow up these children.
    if (!(await this.#p.access.can(actor, 'admissions.review', { unitId: communeId })))
      await this.#p.access.require(actor, 'admissions.manage', { unitId: communeId });
    if (yearTo < yearFrom || yearTo - yearFrom > 20) throw new AppError('request.invalid');
    const key = await serverSecret(this.#p);
    const id = await log.reserveLookup(
      this.#p.db,
      {
        ...this.#who(actor, key, 'admissions.cohort'),
        kind: 'cohort',
        personalIdHash: null,
        communeId,
      },
      this.#limits,
    );
    if (id === undefined) throw new AppError('rate.limited');
    const residents = await this.#registry().listChildrenBornIn(communeId, yearFrom, yearTo);
    await log.recordResult(this.#p.db, id, residents.length > 0, residents.length);
    return residents;
  }

  /** Who asks and why, for the log: the public as a keyed hash of its client address. */
  #who(actor: Actor, key: Buffer, purpose: string, session?: OtpSession) {
    const label = actorLabel(actor);
    const isPublic = actor.kind === 'anonymous';
    return {
      actorKind: isPublic ? ('public' as const) : actor.kind,
      actorId: label.id,
      actorName: label.name,
      clientHash: isPublic ? keyedHash(key, 'client', actor.ip ?? 'unknown') : null,
      otpSessionId: session?.id ?? null,
      purpose,
      requestId: actor.requestId,
    };
  }

  async #communeNames(ids: string[]): Promise<Map<string, string>> {
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
    const unique = [...new Set(ids)];
    const names = await Promise.all(unique.map((id) => this.#org.nameAt(id, today).catch(() => '')));
    return new Map(unique.map((id, i) => [id, names[i] ?? '']));
  }
}
