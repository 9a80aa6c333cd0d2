import type { CatchmentInput, RoundDetail, RoundSchoolInput } from '../../../../shared/admissions.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { ErrorDetail } from '../../../platform/errors.ts';
import { auditCatchments, auditSchools, levelOf } from './round.presenter.ts';
import { touchRound } from './round.repository.ts';
import { invalid, isUniqueViolation, type RoundContext } from './round-context.ts';
import { SEATS_MAY_GROW } from './round-lifecycle.ts';
import { COMMUNE_LEVEL_TYPES, schoolProblems, seatProblems } from './round-rules.ts';
import * as repo from './round-schools.repository.ts';

/**
 * The schools of a round with their seats (classes × pupils per class), and for grades 1 and 6
 * the catchments. Each PUT replaces the whole set, under the round's expected version.
 */
export class RoundSchoolsService {
  readonly #c: RoundContext;

  constructor(context: RoundContext) {
    this.#c = context;
  }

  /**
   * In a draft any eligible school may be listed: a school of the running unit's subtree that
   * teaches the level. Once open the set is fixed (families chose from it) and seats may only grow
   * while registration or review runs; never below the floor the applications module reports.
   */
  async replaceSchools(
    actor: Actor,
    id: string,
    body: { expectedVersion: number; schools: RoundSchoolInput[] },
  ): Promise<RoundDetail> {
    await this.#c.p.db.transaction().execute(async (trx) => {
      const row = await this.#c.lockForWrite(trx, actor, id, body.expectedVersion, 'admissions.manage');
      const level = levelOf(row);
      const before = await repo.findRoundSchools(trx, [id]);
      const problems: ErrorDetail[] = body.schools.flatMap((s, i) => seatProblems(level, s, `schools.${i}`));
      if (row.status === 'draft') {
        const ids = body.schools.map((s) => s.schoolId);
        const facts = new Map((await repo.findUnitFacts(trx, ids, row.running_unit_id)).map((f) => [f.id, f]));
        body.schools.forEach((s, i) => {
          const f = facts.get(s.schoolId);
          const path = `schools.${i}.schoolId`;
          if (!f) problems.push({ path, message: `${s.schoolId}: không tìm thấy trường / no such school` });
          else problems.push(...schoolProblems(level, f, path));
        });
      } else if (SEATS_MAY_GROW.includes(row.status)) {
        problems.push(...lockedSchoolProblems(before, body.schools));
      } else {
        problems.push({
          path: 'schools',
          message: `không sửa được ở trạng thái ${row.status} / cannot change in status ${row.status}`,
        });
      }
      const floor = await this.#c.hooks.seatFloor(id);
      body.schools.forEach((s, i) => {
        const min = floor.get(s.schoolId) ?? 0;
        if (s.classes * s.pupilsPerClass < min)
          problems.push({
            path: `schools.${i}`,
            message: `ít nhất ${min} chỗ (đã có hồ sơ) / at least ${min} seats (applications held)`,
          });
      });
      if (problems.length) throw invalid(problems, schoolsHint);
      // Catchments of a school taken out go with it (ON DELETE CASCADE): audit them too.
      const catchmentsBefore = await repo.findCatchments(trx, [id]);
      await repo.replaceSchools(trx, id, body.schools);
      await touchRound(trx, id, {}, this.#c.actorId(actor));
      const schools = await repo.findRoundSchools(trx, [id]);
      const catchments = await repo.findCatchments(trx, [id]);
      await this.#c.audit(
        trx,
        actor,
        row,
        'schools.replace',
        { schools: auditSchools(before), catchments: auditCatchments(catchmentsBefore) },
        { schools: auditSchools(schools), catchments: auditCatchments(catchments) },
      );
    });
    return this.#c.detail(this.#c.p.db, id);
  }

  /**
   * Grades 1 and 6: which communes, or villages of a commune, each school of the round takes in
   * first. Only in a draft: once open, whether a child lives in the catchment is decided by it.
   */
  async replaceCatchments(
    actor: Actor,
    id: string,
    body: { expectedVersion: number; catchments: CatchmentInput[] },
  ): Promise<RoundDetail> {
    await this.#c.p.db.transaction().execute(async (trx) => {
      const row = await this.#c.lockForWrite(trx, actor, id, body.expectedVersion, 'admissions.manage');
      if (levelOf(row) === 10)
        throw invalid([
          {
            path: 'catchments',
            message: 'lớp 10 tuyển theo điểm, không theo địa bàn / grade 10 admits by scores, not by residence',
          },
        ]);
      if (row.status !== 'draft')
        throw invalid([
          { path: 'catchments', message: 'chỉ sửa được khi còn là bản nháp / only a draft round can change' },
        ]);
      const inRound = new Set((await repo.findRoundSchools(trx, [id])).map((s) => s.school_id));
      const communeIds = [...new Set(body.catchments.map((c) => c.communeId))];
      const communes = new Map((await repo.findUnitFacts(trx, communeIds, row.running_unit_id)).map((f) => [f.id, f]));
      const problems: ErrorDetail[] = [];
      const seen = new Map<string, number>();
      body.catchments.forEach((c, i) => {
        const path = `catchments.${i}`;
        if (!inRound.has(c.schoolId))
          problems.push({
            path: `${path}.schoolId`,
            message: 'trường chưa có trong kỳ tuyển sinh / the school is not in the round',
          });
        const commune = communes.get(c.communeId);
        if (!commune || !COMMUNE_LEVEL_TYPES.includes(commune.type_code) || !commune.active)
          problems.push({
            path: `${path}.communeId`,
            message: 'không phải xã, phường, đặc khu đang hoạt động / not a current commune, ward or special zone',
          });
        const key = `${c.schoolId}|${c.communeId}|${villageKey(c.village)}`;
        if (seen.has(key))
          problems.push({ path, message: `trùng với dòng ${seen.get(key)} / same as row ${seen.get(key)}` });
        seen.set(key, i);
      });
      body.catchments.forEach((c, i) => {
        if (c.village !== null && seen.has(`${c.schoolId}|${c.communeId}|`))
          problems.push({
            path: `catchments.${i}.village`,
            message: 'cả xã đã thuộc địa bàn của trường / the whole commune is already in the catchment',
          });
      });
      if (problems.length) throw invalid(problems);
      const before = await repo.findCatchments(trx, [id]);
      // The database folds village names (gds_search_key) a little further than villageKey does.
      await repo.replaceCatchments(trx, id, body.catchments).catch((err: unknown) => {
        throw isUniqueViolation(err)
          ? invalid([{ path: 'catchments', message: 'địa bàn bị trùng / duplicate catchment' }])
          : err;
      });
      await touchRound(trx, id, {}, this.#c.actorId(actor));
      await this.#c.audit(
        trx,
        actor,
        row,
        'catchments.replace',
        auditCatchments(before),
        auditCatchments(await repo.findCatchments(trx, [id])),
      );
    });
    return this.#c.detail(this.#c.p.db, id);
  }
}

/** Once open: the same schools, the same specialised flags, no fewer seats. */
function lockedSchoolProblems(before: repo.RoundSchoolRow[], next: RoundSchoolInput[]): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const old = new Map(before.map((s) => [s.school_id, s]));
  if (before.length !== next.length || next.some((s) => !old.has(s.schoolId)))
    out.push({
      path: 'schools',
      message:
        'không thêm, bớt trường khi kỳ tuyển sinh đã mở / schools cannot be added or removed once the round is open',
    });
  next.forEach((s, i) => {
    const was = old.get(s.schoolId);
    if (!was) return;
    if (s.specialised !== was.specialised)
      out.push({ path: `schools.${i}.specialised`, message: 'không đổi được khi đã mở / cannot change once open' });
    if (s.classes * s.pupilsPerClass < was.seats)
      out.push({
        path: `schools.${i}`,
        message: `chỉ được tăng chỉ tiêu (hiện ${was.seats}) / seats may only be increased (now ${was.seats})`,
      });
  });
  return out;
}

/** As gds_search_key: case, accents and đ folded, so 'Thôn 1' and 'thon 1' are one village. */
const villageKey = (v: string | null) =>
  v === null ? '' : v.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

const schoolsHint = {
  vi: 'Có trường không tham gia được kỳ tuyển sinh này; xem lý do ở từng dòng.',
  en: 'Some schools cannot take part in this round; see the reason on each row.',
};
