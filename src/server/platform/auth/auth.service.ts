import { createHash, randomBytes } from 'node:crypto';
import type { Me, Session } from '../../../shared/auth.schema.ts';
import type { Actor, UserActor } from '../actor.ts';
import type { Audit } from '../audit/audit.service.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import * as repo from './auth.repository.ts';
import { dummyVerify, hashPassword, isAcceptablePassword, verifyPassword } from './password.ts';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

type SessionRow = NonNullable<Awaited<ReturnType<typeof repo.findSession>>>;

const timeVN = (d: Date) =>
  d.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });

/**
 * Sign-in with throttling and lockout, sessions (random token in an httpOnly cookie, only its
 * hash stored), CSRF tokens, password changes.
 */
export class AuthService {
  readonly #db: Db;
  readonly #audit: Audit;
  readonly #config: Config;

  constructor(db: Db, audit: Audit, config: Config) {
    this.#db = db;
    this.#audit = audit;
    this.#config = config;
  }

  /** Returns the session token (for the cookie) and the session view. */
  async login(actor: Actor, username: string, password: string, userAgent: string | null) {
    const ip = actor.ip ?? 'unknown';
    const c = this.#config;
    if ((await repo.countRecentIpFailures(this.#db, ip, 60)) >= c.LOGIN_IP_MAX_PER_MINUTE) {
      throw new AppError('auth.throttled');
    }
    const user = await repo.findUserForLogin(this.#db, username);
    if (!user) {
      await dummyVerify(password);
      await repo.recordIpFailure(this.#db, ip, username);
      throw new AppError('auth.invalid_credentials');
    }
    const now = new Date();
    if (user.locked_until && new Date(user.locked_until) > now) {
      throw lockedError(new Date(user.locked_until));
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      const lockedUntil = await this.#db.transaction().execute(async (trx) => {
        const until = await repo.registerFailure(trx, user.id, c.LOGIN_MAX_FAILURES, c.LOGIN_LOCK_MINUTES);
        await repo.recordIpFailure(trx, ip, username);
        const locked = until && new Date(until) > now;
        await this.#audit.record(trx, actor, {
          action: locked ? 'auth.locked' : 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          unitId: await this.#homeUnit(user.id),
          after: locked ? { username, lockedUntil: new Date(until).toISOString() } : { username },
        });
        return locked ? new Date(until) : null;
      });
      throw lockedUntil ? lockedError(lockedUntil) : new AppError('auth.invalid_credentials');
    }
    if (user.disabled) throw new AppError('auth.disabled');
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.#db.transaction().execute(async (trx) => {
      await repo.clearFailures(trx, user.id);
      await repo.insertSession(trx, {
        tokenHash: sha256(token),
        userId: user.id,
        csrfToken,
        ttlHours: c.SESSION_TTL_HOURS,
        ip: actor.ip,
        userAgent,
      });
      // The one who signs in is the actor of their sign-in (the request was anonymous until now).
      const signedIn: UserActor = {
        ...actor,
        kind: 'user',
        userId: user.id,
        username: user.username,
        fullName: user.full_name,
        mustChangePassword: false,
        grants: [],
        sessionTokenHash: null,
      };
      await this.#audit.record(trx, signedIn, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        unitId: await this.#homeUnit(user.id),
      });
    });
    const session = await repo.findSession(this.#db, sha256(token));
    if (!session) throw new AppError('internal');
    return { token, session: toSessionView(session) };
  }

  /** The actor behind a session cookie, or undefined when the token is unknown or expired. */
  async resolve(token: string) {
    const hash = sha256(token);
    const row = await repo.findSession(this.#db, hash);
    if (!row) return undefined;
    await repo.touchSession(this.#db, hash, this.#config.SESSION_TTL_HOURS);
    return row;
  }

  async logout(actor: UserActor): Promise<void> {
    if (!actor.sessionTokenHash) return;
    await this.#db.transaction().execute(async (trx) => {
      await repo.deleteSession(trx, actor.sessionTokenHash!);
      await this.#audit.record(trx, actor, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: actor.userId,
        unitId: actor.grants[0]?.unitId ?? null,
      });
    });
  }

  /** Changes the actor's own password; other sessions of the user are ended. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    if (actor.kind !== 'user') throw new AppError('auth.required');
    const user = await repo.findUserById(this.#db, actor.userId);
    if (!user) throw new AppError('auth.required');
    if (!(await verifyPassword(user.password_hash, currentPassword))) throw new AppError('auth.wrong_password');
    if (!isAcceptablePassword(newPassword, user.username, currentPassword)) throw new AppError('auth.weak_password');
    const hashed = await hashPassword(newPassword);
    await this.#db.transaction().execute(async (trx) => {
      await repo.setPassword(trx, user.id, hashed, false);
      await repo.deleteSessionsOfUser(trx, user.id, actor.sessionTokenHash ?? undefined);
      await this.#audit.record(trx, actor, {
        action: 'auth.password_changed',
        entityType: 'user',
        entityId: user.id,
        unitId: actor.grants[0]?.unitId ?? null,
      });
    });
  }

  async purgeExpired(): Promise<void> {
    await repo.purgeExpired(this.#db);
  }

  async #homeUnit(userId: string): Promise<string | null> {
    const grants = await repo.findGrantsOfUser(this.#db, userId);
    return grants[0]?.unit_id ?? null;
  }
}

function lockedError(until: Date): AppError {
  return new AppError('auth.locked', {
    hint: { vi: `Mở khóa lúc ${timeVN(until)}.`, en: `Unlocks at ${timeVN(until)}.` },
  });
}

/** Builds the actor of a request from its session row. */
export function toUserActor(row: SessionRow, ctx: { requestId: string; ip: string; locale: 'vi' | 'en' }): UserActor {
  return {
    kind: 'user',
    userId: row.user_id,
    username: row.username,
    fullName: row.full_name,
    mustChangePassword: row.must_change_password,
    grants: row.grants.map((g) => ({ id: g.id, role: g.role_code, unitId: g.unit_id, permissions: g.permissions })),
    sessionTokenHash: row.token_hash,
    ...ctx,
  };
}

export function toSessionView(row: SessionRow): Session {
  const me: Me = {
    id: row.user_id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    locale: row.locale === 'en' ? 'en' : 'vi',
    mustChangePassword: row.must_change_password,
    grants: row.grants.map((g) => ({
      id: g.id,
      role: g.role_code,
      roleName: { vi: g.name_vi, en: g.name_en },
      unitId: g.unit_id,
      unitName: g.unit_name,
    })),
    permissions: [...new Set(row.grants.flatMap((g) => g.permissions))].sort(),
  };
  return { user: me, csrfToken: row.csrf_token };
}
