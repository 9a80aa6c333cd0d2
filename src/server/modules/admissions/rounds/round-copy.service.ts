import type { RoundCopyResult } from '../../../../shared/admissions.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { found } from '../../../platform/errors.ts';
import { levelOf } from './round.presenter.ts';
import * as repo from './round.repository.ts';
import { codeTaken, invalid, isUniqueViolation, type RoundContext } from './round-context.ts';
import { COMMUNE_LEVEL_TYPES, runningUnitProblem, schoolProblems, shiftYears, yearsBetween } from './round-rules.ts';
import * as schoolsRepo from './round-schools.repository.ts';

type Skipped = RoundCopyResult['skipped'];

/**
 * "Copy last year's round": a new draft with the same schools, seats, catchments, rules and
 * priority groups, every date moved by whole years to the new school year, no lottery seed.
 * Schools and communes that no longer qualify (closed, merged, moved out of the running unit)
 * are left out and listed, so that staff can add their successors.
 */
export class RoundCopyService {
  readonly #c: RoundContext;

  constructor(context: RoundContext) {
    this.#c = context;
  }

  async copy(
    actor: Actor,
    sourceId: string,
    input: { code: string; name: string; schoolYear: string },
  ): Promise<RoundCopyResult> {
    const { p } = this.#c;
    const src = found(await repo.findRound(p.db, sourceId));
    await p.access.require(actor, 'admissions.manage', { unitId: src.running_unit_id });
    const level = levelOf(src);
    const years = yearsBetween(src.school_year, input.schoolYear);
    if (years < 1)
      throw invalid([
        { path: 'schoolYear', message: `sau năm học ${src.school_year} / after the school year ${src.school_year}` },
      ]);
    const [unit] = await schoolsRepo.findUnitFacts(p.db, [src.running_unit_id], src.running_unit_id);
    const unitProblem = unit ? runningUnitProblem(level, unit) : null;
    if (unitProblem) throw invalid([unitProblem]);

    const skipped: Skipped = [];
    const schools = await schoolsRepo.findRoundSchools(p.db, [sourceId]);
    const schoolFacts = await schoolsRepo.findUnitFacts(
      p.db,
      schools.map((s) => s.school_id),
      src.running_unit_id,
    );
    const keptSchools = new Set<string>();
    for (const f of schoolFacts) {
      const problems = schoolProblems(level, f, 'schools');
      if (problems.length)
        skipped.push({ unitId: f.id, name: f.name, reason: problems.map((x) => x.message).join('; ') });
      else keptSchools.add(f.id);
    }
    const catchments = (await schoolsRepo.findCatchments(p.db, [sourceId])).filter((c) => keptSchools.has(c.school_id));
    const communeFacts = await schoolsRepo.findUnitFacts(
      p.db,
      [...new Set(catchments.map((c) => c.commune_id))],
      src.running_unit_id,
    );
    const keptCommunes = new Set<string>();
    for (const f of communeFacts) {
      if (f.active && COMMUNE_LEVEL_TYPES.includes(f.type_code)) keptCommunes.add(f.id);
      else
        skipped.push({
          unitId: f.id,
          name: f.name,
          reason: 'đơn vị hành chính đã thay đổi / the commune no longer exists',
        });
    }

    const shift = (d: Date | null) => (d === null ? null : shiftYears(d, years));
    const by = this.#c.actorId(actor);
    const id = await p.db
      .transaction()
      .execute(async (trx) => {
        if (await repo.findRoundIdByCode(trx, input.code)) throw codeTaken(input.code);
        const newId = await repo.insertRound(trx, {
          code: input.code,
          name: input.name,
          level,
          school_year: input.schoolYear,
          running_unit_id: src.running_unit_id,
          trial_from: shift(src.trial_from),
          trial_to: shift(src.trial_to),
          register_from: shiftYears(src.register_from, years),
          register_to: shiftYears(src.register_to, years),
          review_to: shiftYears(src.review_to, years),
          results_at: shiftYears(src.results_at, years),
          confirm_to: shiftYears(src.confirm_to, years),
          supplementary_from: shift(src.supplementary_from),
          supplementary_to: shift(src.supplementary_to),
          rules: JSON.stringify(src.rules),
          priority_groups: JSON.stringify(src.priority_groups),
          copied_from_id: sourceId,
          created_by: by,
          updated_by: by,
        });
        await schoolsRepo.replaceSchools(
          trx,
          newId,
          schools
            .filter((s) => keptSchools.has(s.school_id))
            .map((s) => ({
              schoolId: s.school_id,
              classes: s.classes,
              pupilsPerClass: s.pupils_per_class,
              specialised: s.specialised,
              note: s.note,
            })),
        );
        await schoolsRepo.replaceCatchments(
          trx,
          newId,
          catchments
            .filter((c) => keptCommunes.has(c.commune_id))
            .map((c) => ({ schoolId: c.school_id, communeId: c.commune_id, village: c.village })),
        );
        const row = found(await repo.findRound(trx, newId));
        await this.#c.audit(trx, actor, row, 'copy', null, {
          copiedFrom: { id: src.id, code: src.code, schoolYear: src.school_year },
          code: input.code,
          name: input.name,
          schoolYear: input.schoolYear,
          years,
          schools: row.school_count,
          skipped,
        });
        return newId;
      })
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? codeTaken(input.code) : err;
      });
    return { round: await this.#c.detail(p.db, id), skipped };
  }
}
