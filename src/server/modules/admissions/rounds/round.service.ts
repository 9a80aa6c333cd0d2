import {
  levelProblems,
  type RoundCreate,
  type RoundDetail,
  type RoundPage,
  type RoundPatch,
  timelineProblems,
} from '../../../../shared/admissions.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { groupsOf, levelOf, presentSummary, rulesOf, timelineOf } from './round.presenter.ts';
import * as repo from './round.repository.ts';
import { codeTaken, invalid, isUniqueViolation, type RoundContext, timelineColumns } from './round-context.ts';
import { lockedPatchProblems } from './round-lifecycle.ts';
import { runningUnitProblem } from './round-rules.ts';
import { findUnitFacts } from './round-schools.repository.ts';

/**
 * Creating, reading and editing admission rounds. `admissions.manage` on the running unit
 * configures a round; reading also follows `admissions.review` (see RoundContext.readScope).
 * Schools and catchments: round-schools.service.ts; status and lottery: round-status.service.ts.
 */
export class RoundService {
  readonly #c: RoundContext;

  constructor(context: RoundContext) {
    this.#c = context;
  }

  async list(actor: Actor, filter: repo.RoundFilter): Promise<RoundPage> {
    const scope = await this.#c.readScope(actor);
    const { rows, total } = await repo.listRounds(this.#c.p.db, scope, filter);
    return { items: rows.map(presentSummary), total, page: filter.page, pageSize: filter.pageSize };
  }

  async get(actor: Actor, id: string): Promise<RoundDetail> {
    await this.#c.requireReadable(actor, id);
    return this.#c.detail(this.#c.p.db, id);
  }

  async create(actor: Actor, input: RoundCreate): Promise<RoundDetail> {
    const { p } = this.#c;
    await p.access.require(actor, 'admissions.manage', { unitId: input.runningUnitId });
    const [unit] = await findUnitFacts(p.db, [input.runningUnitId], input.runningUnitId);
    const problem = unit
      ? runningUnitProblem(input.level, unit)
      : { path: 'runningUnitId', message: 'không tìm thấy đơn vị / no such unit' };
    if (problem) throw invalid([problem], runnerHint);
    const by = this.#c.actorId(actor);
    const id = await p.db
      .transaction()
      .execute(async (trx) => {
        if (await repo.findRoundIdByCode(trx, input.code)) throw codeTaken(input.code);
        const roundId = await repo.insertRound(trx, {
          code: input.code,
          name: input.name,
          level: input.level,
          school_year: input.schoolYear,
          running_unit_id: input.runningUnitId,
          ...timelineColumns(input.timeline),
          rules: JSON.stringify(input.rules),
          priority_groups: JSON.stringify(input.priorityGroups),
          copied_from_id: null,
          created_by: by,
          updated_by: by,
        });
        const row = (await repo.findRound(trx, roundId))!;
        await this.#c.audit(trx, actor, row, 'create', null, {
          ...input,
          timeline: timelineOf(row),
        });
        return roundId;
      })
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? codeTaken(input.code) : err;
      });
    return this.#c.detail(p.db, id);
  }

  /**
   * Edits a round. A draft changes freely; afterwards only deadlines still ahead may be extended
   * (round-lifecycle.ts). The merged timeline must still run in order.
   */
  async update(actor: Actor, id: string, patch: RoundPatch): Promise<RoundDetail> {
    await this.#c.p.db.transaction().execute(async (trx) => {
      const row = await this.#c.lockForWrite(trx, actor, id, patch.expectedVersion, 'admissions.manage');
      const current = { name: row.name, timeline: timelineOf(row), rules: rulesOf(row), priorityGroups: groupsOf(row) };
      const timeline = { ...current.timeline, ...definedOnly(patch.timeline ?? {}) };
      const problems = [
        ...lockedPatchProblems(row.status, current, patch),
        ...levelProblems(levelOf(row), patch),
        ...timelineProblems(timeline).map((t) => ({ ...t, path: `timeline.${t.path}` })),
      ];
      if (problems.length) throw invalid(problems, editHint);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const key of ['name', 'timeline', 'rules', 'priorityGroups'] as const) {
        if (patch[key] === undefined) continue;
        before[key] = current[key];
        after[key] = key === 'timeline' ? timeline : patch[key];
      }
      if (Object.keys(after).length === 0) return;
      await repo.touchRound(
        trx,
        id,
        {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.timeline !== undefined ? timelineColumns(timeline) : {}),
          ...(patch.rules !== undefined ? { rules: JSON.stringify(patch.rules) } : {}),
          ...(patch.priorityGroups !== undefined ? { priority_groups: JSON.stringify(patch.priorityGroups) } : {}),
        },
        this.#c.actorId(actor),
      );
      await this.#c.audit(trx, actor, row, 'update', before, after);
    });
    return this.#c.detail(this.#c.p.db, id);
  }
}

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const runnerHint = {
  vi: 'Từ 01/7/2025, tuyển sinh lớp 1, lớp 6 do cấp xã tổ chức; tuyển sinh lớp 10 do Sở GDĐT tổ chức.',
  en: 'Since 1 July 2025 grades 1 and 6 are run by communes and grade 10 by the Department.',
};

const editHint = {
  vi: 'Kiểm tra các mục được nêu trong chi tiết lỗi.',
  en: 'Check the fields named in the error details.',
};
