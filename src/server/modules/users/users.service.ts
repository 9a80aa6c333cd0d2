import type { z } from 'zod';
import type { RoleGrant } from '../../../shared/auth.schema.ts';
import type { RoleInfo, UserCreate, UserPage, UserSummary } from '../../../shared/users.schema.ts';
import { isPermission } from '../../platform/access/permissions.ts';
import type { Actor } from '../../platform/actor.ts';
import { actorLabel } from '../../platform/actor.ts';
import { deleteSessionsOfUser, setPassword } from '../../platform/auth/auth.repository.ts';
import { generatePassword, hashPassword, isAcceptablePassword } from '../../platform/auth/password.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import * as repo from './users.repository.ts';

type GrantRow = Awaited<ReturnType<typeof repo.findGrants>>[number];

const presentGrant = (g: GrantRow): RoleGrant => ({
  id: g.id,
  role: g.role_code,
  roleName: { vi: g.name_vi, en: g.name_en },
  unitId: g.unit_id,
  unitName: g.unit_name,
});

/**
 * Account administration, scoped: `users.read` / `users.manage` on a unit covers the accounts
 * that hold roles in its subtree. Nobody grants a role carrying a permission they do not hold
 * on that unit themselves, so a grant can never widen the granter's own powers.
 */
export class UsersService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  async roles(actor: Actor): Promise<RoleInfo[]> {
    await this.#p.access.scope(actor, 'users.read');
    return (await repo.listRoles(this.#p.db)).map((r) => ({
      code: r.code,
      name: { vi: r.name_vi, en: r.name_en },
      permissions: r.permissions,
    }));
  }

  async list(
    actor: Actor,
    f: { q?: string | undefined; unitId?: string | undefined; page: number; pageSize: number },
  ): Promise<UserPage> {
    const scope = await this.#p.access.scope(actor, 'users.read');
    const { rows, total } = await repo.findUsers(this.#p.db, scope, f);
    const grants = await repo.findGrants(
      this.#p.db,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((u) =>
        this.#present(
          u,
          grants.filter((g) => g.user_id === u.id),
        ),
      ),
      total,
      page: f.page,
      pageSize: f.pageSize,
    };
  }

  async get(actor: Actor, id: string): Promise<UserSummary> {
    const user = found(await repo.findUser(this.#p.db, id));
    const grants = await repo.findGrants(this.#p.db, [id]);
    await this.#requireOverUser(actor, 'users.read', grants);
    return this.#present(user, grants);
  }

  /** Creates an account that must change its initial password at first sign-in. */
  async create(actor: Actor, input: z.output<typeof UserCreate>) {
    if (input.grants.length === 0) await this.#p.access.scope(actor, 'users.manage');
    for (const g of input.grants) await this.#requireGrantable(actor, g.role, g.unitId);
    const temporary = input.password ? undefined : generatePassword();
    const password = input.password ?? temporary!;
    if (!isAcceptablePassword(password, input.username)) throw new AppError('auth.weak_password');
    const passwordHash = await hashPassword(password);
    const id = await this.#p.db.transaction().execute(async (trx) => {
      if (await repo.findUserByUsername(trx, input.username)) {
        throw new AppError('resource.conflict', { details: [{ path: 'username', message: input.username }] });
      }
      const userId = await repo.insertUser(trx, {
        username: input.username,
        fullName: input.fullName,
        email: input.email ?? null,
        passwordHash,
        mustChangePassword: true,
      });
      for (const g of input.grants)
        await repo.insertGrant(trx, { userId, role: g.role, unitId: g.unitId, createdBy: actorLabel(actor).id });
      await this.#p.audit.record(trx, actor, {
        action: 'users.create',
        entityType: 'user',
        entityId: userId,
        unitId: input.grants[0]?.unitId ?? null,
        after: { username: input.username, fullName: input.fullName, email: input.email ?? null, grants: input.grants },
      });
      return userId;
    });
    return { user: await this.get(actor, id), ...(temporary ? { temporaryPassword: temporary } : {}) };
  }

  async grant(actor: Actor, userId: string, role: string, unitId: string): Promise<UserSummary> {
    found(await repo.findUser(this.#p.db, userId));
    await this.#requireGrantable(actor, role, unitId);
    await this.#p.db.transaction().execute(async (trx) => {
      const id = await repo.insertGrant(trx, { userId, role, unitId, createdBy: actorLabel(actor).id });
      if (!id) return;
      await this.#p.audit.record(trx, actor, {
        action: 'users.grant',
        entityType: 'user',
        entityId: userId,
        unitId,
        after: { role, unitId },
      });
    });
    return this.get(actor, userId);
  }

  async revoke(actor: Actor, userId: string, grantId: string): Promise<UserSummary> {
    const grant = found(await repo.findGrant(this.#p.db, grantId));
    if (grant.user_id !== userId) throw new AppError('resource.not_found');
    await this.#requireGrantable(actor, grant.role_code, grant.unit_id);
    await this.#p.db.transaction().execute(async (trx) => {
      await repo.deleteGrant(trx, grantId);
      await this.#p.audit.record(trx, actor, {
        action: 'users.revoke',
        entityType: 'user',
        entityId: userId,
        unitId: grant.unit_id,
        before: { role: grant.role_code, unitId: grant.unit_id },
      });
    });
    return this.get(actor, userId);
  }

  /** Sets a new temporary password (shown once), ends the user's sessions, forces a change. */
  async resetPassword(actor: Actor, userId: string) {
    const user = found(await repo.findUser(this.#p.db, userId));
    const grants = await repo.findGrants(this.#p.db, [userId]);
    await this.#requireOverUser(actor, 'users.manage', grants);
    const temporaryPassword = generatePassword();
    const hashed = await hashPassword(temporaryPassword);
    await this.#p.db.transaction().execute(async (trx) => {
      await setPassword(trx, userId, hashed, true);
      await deleteSessionsOfUser(trx, userId);
      await this.#audit(trx, actor, 'users.reset_password', user.id, grants, null, { mustChangePassword: true });
    });
    return { userId, temporaryPassword };
  }

  async unlock(actor: Actor, userId: string): Promise<void> {
    const user = found(await repo.findUser(this.#p.db, userId));
    const grants = await repo.findGrants(this.#p.db, [userId]);
    await this.#requireOverUser(actor, 'users.manage', grants);
    await this.#p.db.transaction().execute(async (trx) => {
      await repo.setUserFlags(trx, userId, { locked_until: null, failed_logins: 0 });
      await this.#audit(
        trx,
        actor,
        'users.unlock',
        user.id,
        grants,
        { lockedUntil: user.locked_until },
        { lockedUntil: null },
      );
    });
  }

  async setDisabled(actor: Actor, userId: string, disabled: boolean): Promise<UserSummary> {
    const user = found(await repo.findUser(this.#p.db, userId));
    const grants = await repo.findGrants(this.#p.db, [userId]);
    await this.#requireOverUser(actor, 'users.manage', grants);
    if (actor.kind === 'user' && actor.userId === userId) throw new AppError('access.denied');
    await this.#p.db.transaction().execute(async (trx) => {
      await repo.setUserFlags(trx, userId, { disabled });
      if (disabled) await deleteSessionsOfUser(trx, userId);
      await this.#audit(
        trx,
        actor,
        disabled ? 'users.disable' : 'users.enable',
        user.id,
        grants,
        { disabled: user.disabled },
        { disabled },
      );
    });
    return this.get(actor, userId);
  }

  /** The actor must hold `permission` over every unit where the user has a role. */
  async #requireOverUser(actor: Actor, permission: 'users.read' | 'users.manage', grants: GrantRow[]) {
    if (grants.length === 0) {
      const scope = await this.#p.access.scope(actor, permission);
      if (!scope.all) throw new AppError('resource.not_found');
      return;
    }
    for (const g of grants) {
      if (!(await this.#p.access.can(actor, permission, { unitId: g.unit_id }))) {
        throw new AppError(permission === 'users.read' ? 'resource.not_found' : 'access.denied');
      }
    }
  }

  /** users.manage on the unit, and every permission of the role held there by the actor. */
  async #requireGrantable(actor: Actor, role: string, unitId: string) {
    await this.#p.access.require(actor, 'users.manage', { unitId });
    const r = await repo.findRole(this.#p.db, role);
    if (!r) throw new AppError('request.invalid', { details: [{ path: 'role', message: role }] });
    for (const perm of r.permissions) {
      if (!isPermission(perm) || !(await this.#p.access.can(actor, perm, { unitId })))
        throw new AppError('access.denied');
    }
  }

  async #audit(
    trx: Executor,
    actor: Actor,
    action: string,
    userId: string,
    grants: GrantRow[],
    before: unknown,
    after: unknown,
  ) {
    await this.#p.audit.record(trx, actor, {
      action,
      entityType: 'user',
      entityId: userId,
      unitId: grants[0]?.unit_id ?? null,
      before,
      after,
    });
  }

  #present(u: NonNullable<Awaited<ReturnType<typeof repo.findUser>>>, grants: GrantRow[]): UserSummary {
    return {
      id: u.id,
      username: u.username,
      fullName: u.full_name,
      email: u.email,
      disabled: u.disabled,
      mustChangePassword: u.must_change_password,
      lockedUntil:
        u.locked_until && new Date(u.locked_until) > new Date() ? new Date(u.locked_until).toISOString() : null,
      grants: grants.map(presentGrant),
    };
  }
}
