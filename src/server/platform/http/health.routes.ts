import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/database.ts';

/**
 * Liveness (the process answers) and readiness (it can reach the database and is not
 * shutting down): for a load balancer in front of several stateless app nodes.
 */
export function healthRoutes(app: FastifyInstance, db: Db, state: { shuttingDown: boolean }): void {
  const Status = z.object({
    status: z.enum(['ok', 'unavailable']),
    checks: z.record(z.string(), z.string()).optional(),
  });
  app.get('/health/live', { schema: { tags: ['health'], response: { 200: Status } } }, async () => ({
    status: 'ok' as const,
  }));
  app.get(
    '/health/ready',
    { schema: { tags: ['health'], response: { 200: Status, 503: Status } } },
    async (_req, reply) => {
      if (state.shuttingDown) return reply.code(503).send({ status: 'unavailable', checks: { app: 'shutting down' } });
      try {
        await sql`SELECT 1`.execute(db);
        return { status: 'ok' as const, checks: { database: 'ok' } };
      } catch {
        return reply.code(503).send({ status: 'unavailable', checks: { database: 'unreachable' } });
      }
    },
  );
}
