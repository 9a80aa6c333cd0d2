import { randomBytes } from 'node:crypto';
import type { RoundDetail, RoundStatus } from '../../../../shared/admissions.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { ErrorDetail } from '../../../platform/errors.ts';
import { levelOf, rulesOf } from './round.presenter.ts';
import { type RoundRow, touchRound } from './round.repository.ts';
import { invalid, type RoundContext } from './round-context.ts';
import { findTransition, TRANSITIONS } from './round-lifecycle.ts';
import { findCatchments, findRoundSchools } from './round-schools.repository.ts';

/**
 * Moving a round through its states (round-lifecycle.ts) and publishing the lottery seed of a
 * grade-1/6 round. Configuring and closing need `admissions.manage`; starting the allocation,
 * publishing results and the seed need `admissions.allocate`.
 */
export class RoundStatusService {
  readonly #c: RoundContext;

  constructor(context: RoundContext) {
    this.#c = context;
  }

  async transition(
    actor: Actor,
    id: string,
    body: { status: RoundStatus; expectedVersion: number },
    now = new Date(),
  ): Promise<RoundDetail> {
    await this.#c.p.db.transaction().execute(async (trx) => {
      const row = await this.#c.lockForWrite(
        trx,
        actor,
        id,
        body.expectedVersion,
        (r) => findTransition(r.status, body.status)?.permission ?? 'admissions.manage',
      );
      if (!findTransition(row.status, body.status)) {
        const allowed = TRANSITIONS[row.status].map((t) => t.to).join(', ') || '—';
        throw invalid([
          {
            path: 'status',
            message: `${row.status} → ${body.status}: không được phép; được chuyển sang: ${allowed} / not allowed; allowed next: ${allowed}`,
          },
        ]);
      }
      const problems = await this.#guard(trx, row, body.status, now);
      if (problems.length) throw invalid(problems);
      await touchRound(trx, id, { status: body.status }, this.#c.actorId(actor));
      await this.#c.audit(trx, actor, row, 'status', { status: row.status }, { status: body.status });
      if (body.status === 'published') await this.#c.hooks.onPublished(trx, actor, row);
    });
    return this.#c.detail(this.#c.p.db, id);
  }

  /**
   * Publishes the seed of the out-of-catchment lottery: after registration has closed (the
   * applicants are known, so no one can tailor an application to the seed) and before the draw.
   * Once published it never changes: anyone can re-run the draw from it (a trigger also refuses).
   */
  async publishSeed(
    actor: Actor,
    id: string,
    body: { expectedVersion: number; seed?: string | undefined },
  ): Promise<RoundDetail> {
    await this.#c.p.db.transaction().execute(async (trx) => {
      const row = await this.#c.lockForWrite(trx, actor, id, body.expectedVersion, 'admissions.allocate');
      const rules = rulesOf(row);
      const path = 'seed';
      if (row.lottery_seed_published_at)
        throw invalid([
          {
            path,
            message: `đã công bố lúc ${row.lottery_seed_published_at.toISOString()}, không thể thay đổi / published at ${row.lottery_seed_published_at.toISOString()}, cannot change`,
          },
        ]);
      if (rules.method !== 'catchment' || !rules.lotteryForOutOfCatchment)
        throw invalid([{ path, message: 'kỳ tuyển sinh này không bốc thăm / this round has no lottery' }]);
      if (row.status !== 'closed_for_review')
        throw invalid([
          {
            path,
            message:
              'công bố sau khi hết hạn đăng ký và trước khi xét tuyển / publish after registration closes and before the allocation',
          },
        ]);
      const seed = body.seed ?? randomBytes(32).toString('hex');
      const publishedAt = new Date();
      await touchRound(trx, id, { lottery_seed: seed, lottery_seed_published_at: publishedAt }, this.#c.actorId(actor));
      await this.#c.audit(trx, actor, row, 'lottery_seed.publish', null, {
        seed,
        publishedAt: publishedAt.toISOString(),
      });
    });
    return this.#c.detail(this.#c.p.db, id);
  }

  /** What must hold before entering `to`. */
  async #guard(trx: Executor, row: RoundRow, to: RoundStatus, now: Date): Promise<ErrorDetail[]> {
    const path = 'status';
    const level = levelOf(row);
    if (to === 'open') {
      const schools = await findRoundSchools(trx, [row.id]);
      if (schools.length === 0) return [{ path, message: 'chưa có trường nào / no schools yet' }];
      if (level === 10) return [];
      const covered = new Set((await findCatchments(trx, [row.id])).map((c) => c.school_id));
      return schools
        .filter((s) => !covered.has(s.school_id))
        .map((s) => ({ path, message: `${s.name}: chưa có địa bàn tuyển sinh / no catchment yet` }));
    }
    if (to === 'closed_for_review' && row.status === 'open' && now < row.register_to)
      return [
        { path, message: `chưa hết hạn đăng ký (${row.register_to.toISOString()}) / registration is still open` },
      ];
    if (to === 'allocating') {
      const blocker = await this.#c.hooks.allocateBlocker(trx, row.id);
      if (blocker) return [{ path, message: `${blocker.vi} / ${blocker.en}` }];
      const rules = rulesOf(row);
      if (rules.method === 'catchment' && rules.lotteryForOutOfCatchment && !row.lottery_seed_published_at)
        return [{ path, message: 'cần công bố mã bốc thăm trước / publish the lottery seed first' }];
    }
    if (to === 'closed_for_review' && row.status === 'allocating') {
      const blocker = await this.#c.hooks.reopenBlocker(trx, row.id);
      if (blocker) return [{ path, message: `${blocker.vi} / ${blocker.en}` }];
    }
    if (to === 'published') {
      const blocker = await this.#c.hooks.publishBlocker(row.id);
      if (blocker) return [{ path, message: `${blocker.vi} / ${blocker.en}` }];
    }
    if (to === 'closed') {
      const end = row.supplementary_to ?? row.confirm_to;
      if (now < end)
        return [
          {
            path,
            message: `chưa hết hạn xác nhận, tuyển bổ sung (${end.toISOString()}) / confirmation or supplementary round still running`,
          },
        ];
    }
    return [];
  }
}
