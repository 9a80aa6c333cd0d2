import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery } from '../../../shared/audit.schema.ts';
import type { Module } from '../../modules/index.ts';

/** Browsing the audit log (`audit.read`, scoped to the actor's subtrees). */
export const auditModule: Module = {
  name: 'audit',
  register(app, platform) {
    app
      .withTypeProvider<ZodTypeProvider>()
      .get(
        '/api/audit',
        { schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPage } } },
        (req) => platform.audit.browse(req.actor, req.query),
      );
  },
};
