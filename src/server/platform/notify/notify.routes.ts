import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OutboxPage, OutboxQuery } from '../../../shared/dossiers.schema.ts';
import type { OutboxNotifier } from './notify.ts';

/** The notification outbox for staff (`notify.outbox.read`): in development, the delivery itself. */
export function notifyRoutes(app: FastifyInstance, notifier: OutboxNotifier): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/notify/outbox',
      { schema: { tags: ['notify'], querystring: OutboxQuery, response: { 200: OutboxPage } } },
      (req) => notifier.browse(req.actor, req.query),
    );
}
