import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/common.schema.ts';
import {
  GrantCreate,
  RoleInfo,
  TemporaryPassword,
  UserCreate,
  UserPage,
  UserQuery,
  UserSummary,
} from '../../../shared/users.schema.ts';
import type { UsersService } from './users.service.ts';

export function usersRoutes(app: FastifyInstance, users: UsersService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  const Created = z.object({ user: UserSummary, temporaryPassword: z.string().optional() });

  r.get('/api/roles', { schema: { tags, response: { 200: z.array(RoleInfo) } } }, (req) => users.roles(req.actor));
  r.get('/api/users', { schema: { tags, querystring: UserQuery, response: { 200: UserPage } } }, (req) =>
    users.list(req.actor, req.query),
  );
  r.get('/api/users/:id', { schema: { tags, params: IdParams, response: { 200: UserSummary } } }, (req) =>
    users.get(req.actor, req.params.id),
  );
  r.post('/api/users', { schema: { tags, body: UserCreate, response: { 201: Created } } }, async (req, reply) =>
    reply.code(201).send(await users.create(req.actor, req.body)),
  );
  r.post(
    '/api/users/:id/grants',
    { schema: { tags, params: IdParams, body: GrantCreate, response: { 200: UserSummary } } },
    (req) => users.grant(req.actor, req.params.id, req.body.role, req.body.unitId),
  );
  r.delete(
    '/api/users/:id/grants/:grantId',
    { schema: { tags, params: IdParams.extend({ grantId: z.uuid() }), response: { 200: UserSummary } } },
    (req) => users.revoke(req.actor, req.params.id, req.params.grantId),
  );
  r.post(
    '/api/users/:id/reset-password',
    { schema: { tags, params: IdParams, response: { 200: TemporaryPassword } } },
    (req) => users.resetPassword(req.actor, req.params.id),
  );
  r.post(
    '/api/users/:id/unlock',
    { schema: { tags, params: IdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await users.unlock(req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/api/users/:id/disabled',
    { schema: { tags, params: IdParams, body: z.object({ disabled: z.boolean() }), response: { 200: UserSummary } } },
    (req) => users.setDisabled(req.actor, req.params.id, req.body.disabled),
  );
}
