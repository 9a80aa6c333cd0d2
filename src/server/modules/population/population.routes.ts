import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChildPrefill, PopulationLookupBody } from '../../../shared/population.schema.ts';
import type { PopulationService } from './population.service.ts';

/**
 * Public, behind a verified contact (otpToken from /api/public/otp/verify). Errors: 401
 * auth.required (no or invalid token), 400 request.invalid (ID malformed or inconsistent with
 * the date of birth), 404 population.not_found, 429 rate.limited.
 */
export function populationRoutes(app: FastifyInstance, population: PopulationService): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/public/population/lookup',
    {
      schema: {
        tags: ['public'],
        summary: "Pre-fill an application with the child's registry data (ID number + date of birth)",
        body: PopulationLookupBody,
        response: { 200: ChildPrefill },
      },
    },
    (req) => population.lookupForApplication(req.actor, req.body),
  );
}
