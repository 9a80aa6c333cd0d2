import type { ChildrenWithoutApplicationPage } from '../../../../shared/admission-results.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError, found } from '../../../platform/errors.ts';
import { keyedHash } from '../../../platform/otp/keyed-hash.ts';
import { serverSecret } from '../../../platform/otp/server-secret.ts';
import type { Platform } from '../../../platform/platform.ts';
import { getPopulationRegistry, getPopulationService } from '../../population/population-provider.ts';
import { findRound } from '../rounds/round.repository.ts';
import * as repo from './results.repository.ts';

const queryInvalid = (path: string, message: string) =>
  new AppError('request.invalid', { details: [{ path, message }] });

/** Age at entry in the calendar year the school year starts (Luật Giáo dục 2019, art. 28: grade 1 at 6). */
const ENTRY_AGE: Readonly<Record<number, number>> = { 1: 6, 6: 11, 10: 15 };

/**
 * The commune's list of children of the age who have no application (issue 3, item 5): children
 * living in the commune (registry: permanent or current residence) born in the entry year of the
 * level, without an active application in any round of that level and school year. Minimal
 * disclosure (Decree 13/2023/NĐ-CP): name, date of birth, village, never the personal ID; every
 * view is audited and the registry logs the cohort access itself.
 */
export class ChildrenWithoutApplicationService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  async list(
    actor: Actor,
    communeId: string,
    q: { level: number; roundId?: string | undefined; page: number; pageSize: number },
  ): Promise<ChildrenWithoutApplicationPage> {
    const { access, db } = this.#p;
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const allowed =
      (await access.can(actor, 'admissions.review', { unitId: communeId })) ||
      (await access.can(actor, 'admissions.manage', { unitId: communeId }));
    if (!allowed) throw new AppError('access.denied');
    const schoolYear = await this.#schoolYear(q.level, communeId, q.roundId);
    const birthYear = Number(schoolYear.slice(0, 4)) - (ENTRY_AGE[q.level] ?? 6);
    const residents = await getPopulationService(this.#p).childrenBornIn(actor, communeId, birthYear, birthYear);
    const secret = await serverSecret(this.#p);
    const keys = residents.map((r) => keyedHash(secret, 'personal-id', r.personalId));
    const applied = await repo.findActiveApplicantKeys(db, q.level, schoolYear, keys);
    const missing = residents.filter((_, i) => !applied.has(keys[i] as string));
    const items = missing.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((r) => ({
      fullName: r.fullName,
      dateOfBirth: r.dateOfBirth,
      village: r.currentResidence.communeId === communeId ? r.currentResidence.village : r.permanentResidence.village,
    }));
    await this.#p.audit.record(db, actor, {
      action: 'admissions.children_without_application.view',
      entityType: 'org_unit',
      entityId: communeId,
      unitId: communeId,
      before: null,
      after: { level: q.level, schoolYear, birthYear, cohort: residents.length, without: missing.length, page: q.page },
    });
    return {
      items,
      total: missing.length,
      page: q.page,
      pageSize: q.pageSize,
      level: q.level,
      schoolYear,
      birthYear,
      cohort: residents.length,
      source: getPopulationRegistry(this.#p).source,
    };
  }

  /** The round's school year (it must be of the level), else the newest round of the level for the commune. */
  async #schoolYear(level: number, communeId: string, roundId: string | undefined): Promise<string> {
    if (roundId) {
      const round = found(await findRound(this.#p.db, roundId));
      if (round.level !== level)
        throw queryInvalid('query.level', `kỳ tuyển sinh lớp ${round.level} / the round is for grade ${round.level}`);
      return round.school_year;
    }
    const year = await repo.findLatestSchoolYear(this.#p.db, level, communeId);
    if (!year)
      throw queryInvalid(
        'query.roundId',
        'chưa có kỳ tuyển sinh nào của cấp này cho xã / no round of this level for the commune yet',
      );
    return year;
  }
}
