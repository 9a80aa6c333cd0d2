import type { Assignment } from '../../../shared/library.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { actorLabel } from '../../platform/actor.ts';
import { AppError, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { listAssignments, replaceAssignments, userExists } from './assignments.repository.ts';
import type { LibraryReference } from './library-reference.ts';

/**
 * Which subjects and levels each moderator reviews. Province-wide administration: it needs
 * `users.manage` over the whole tree (a grant on the province).
 */
export class ModeratorsService {
  readonly #p: Platform;
  readonly #ref: LibraryReference;

  constructor(platform: Platform, ref: LibraryReference) {
    this.#p = platform;
    this.#ref = ref;
  }

  async #requireAdmin(actor: Actor): Promise<void> {
    const scope = await this.#p.access.scope(actor, 'users.manage');
    if (!scope.all) throw new AppError('access.denied');
  }

  async list(actor: Actor, userId: string): Promise<{ items: Assignment[] }> {
    await this.#requireAdmin(actor);
    const rows = await listAssignments(this.#p.db, userId);
    return {
      items: rows.map((r) => ({
        userId: r.user_id,
        subjectCode: r.subject_code,
        level: r.level as Assignment['level'],
      })),
    };
  }

  async replace(
    actor: Actor,
    userId: string,
    pairs: readonly Omit<Assignment, 'userId'>[],
  ): Promise<{ items: Assignment[] }> {
    await this.#requireAdmin(actor);
    found(await userExists(this.#p.db, userId));
    const ref = await this.#ref.get();
    const wrong = pairs.filter(
      (p) => !ref.subjects.find((s) => s.code === p.subjectCode)?.levels.some((l) => l.level === p.level),
    );
    if (wrong.length > 0)
      throw new AppError('library.invalid_metadata', {
        details: wrong.map((w) => ({ path: 'items', message: `${w.subjectCode}/${w.level}` })),
      });
    await this.#p.db.transaction().execute(async (trx) => {
      const before = await listAssignments(this.#p.db, userId);
      await replaceAssignments(trx, userId, pairs, actorLabel(actor).id);
      await this.#p.audit.record(trx, actor, {
        action: 'library.moderators.assign',
        entityType: 'user',
        entityId: userId,
        before: before.map((b) => `${b.subject_code}/${b.level}`),
        after: pairs.map((p) => `${p.subjectCode}/${p.level}`),
      });
    });
    return this.list(actor, userId);
  }
}
