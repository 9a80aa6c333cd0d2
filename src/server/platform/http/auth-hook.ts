import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../actor.ts';
import { type AuthService, sha256, toUserActor } from '../auth/auth.service.ts';
import { AppError } from '../errors.ts';
import { localeOf } from './error-handler.ts';

export const SESSION_COOKIE = 'gds_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What a user who must change the initial password may still call. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = ['/api/auth/', '/api/public/'];

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Rejects a cross-site write: an Origin header, when present, must name this host. */
function checkOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') {
    if (origin === 'null') throw new AppError('auth.csrf');
    return;
  }
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('auth.csrf');
  }
  // req.host honours X-Forwarded-Host when TRUST_PROXY is set (behind a load balancer).
  if (host !== req.host) throw new AppError('auth.csrf');
}

/**
 * Resolves `req.actor` from the session cookie for every /api request, and enforces CSRF on
 * cookie-authenticated writes: the `x-csrf-token` header must equal the session's token
 * (a synchroniser token; SameSite=Lax cookies are the first line, this is the second).
 */
export function installAuthHook(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', undefined as never);
  app.addHook('onRequest', async (req) => {
    const ctx = { requestId: req.id, ip: req.ip, locale: localeOf(req) };
    req.actor = { kind: 'anonymous', ...ctx };
    if (!req.url.startsWith('/api/')) return;
    if (UNSAFE.has(req.method)) checkOrigin(req);
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const row = await auth.resolve(token);
    if (!row) return;
    if (UNSAFE.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, row.csrf_token)) throw new AppError('auth.csrf');
    }
    req.actor = toUserActor(row, ctx);
    if (row.must_change_password && !ALLOWED_BEFORE_PASSWORD_CHANGE.some((p) => req.url.startsWith(p))) {
      throw new AppError('auth.password_change_required');
    }
  });
}

export { sha256 };
