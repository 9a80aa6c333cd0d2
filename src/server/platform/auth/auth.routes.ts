import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangePasswordBody, LoginBody, Session } from '../../../shared/auth.schema.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { SESSION_COOKIE } from '../http/auth-hook.ts';
import { findSession } from './auth.repository.ts';
import { type AuthService, toSessionView } from './auth.service.ts';

function cookieOptions(config: Config, req: FastifyRequest) {
  const secure = config.COOKIE_SECURE === 'auto' ? req.protocol === 'https' : config.COOKIE_SECURE === 'true';
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure, maxAge: config.SESSION_TTL_HOURS * 3600 };
}

function requireUser(req: FastifyRequest) {
  if (req.actor.kind !== 'user') throw new AppError('auth.required');
  return req.actor;
}

export function authRoutes(app: FastifyInstance, auth: AuthService, db: Db, config: Config): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.post(
    '/api/auth/login',
    { schema: { tags, summary: 'Sign in with username and password', body: LoginBody, response: { 200: Session } } },
    async (req, reply) => {
      const { token, session } = await auth.login(
        req.actor,
        req.body.username,
        req.body.password,
        req.headers['user-agent'] ?? null,
      );
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(config, req));
      return session;
    },
  );

  r.get(
    '/api/auth/me',
    { schema: { tags, summary: 'The signed-in user', response: { 200: Session } } },
    async (req) => {
      const actor = requireUser(req);
      const row = await findSession(db, actor.sessionTokenHash ?? '');
      if (!row) throw new AppError('auth.required');
      return toSessionView(row);
    },
  );

  r.post('/api/auth/logout', { schema: { tags, response: { 204: z.null() } } }, async (req, reply) => {
    if (req.actor.kind === 'user') await auth.logout(req.actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  r.post(
    '/api/auth/password',
    { schema: { tags, summary: 'Change my password', body: ChangePasswordBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await auth.changePassword(requireUser(req), req.body.currentPassword, req.body.newPassword);
      return reply.code(204).send(null);
    },
  );
}
