import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { VerifyAnswer, VerifyQuery } from '../../../shared/diplomas.schema.ts';
import { AppError } from '../../platform/errors.ts';
import { RateWindow } from '../../platform/http/rate-window.ts';
import type { Platform } from '../../platform/platform.ts';
import type { VerifyService } from './verify.service.ts';

/**
 * `GET /api/public/diplomas/verify`: no sign-in; rate-limited per client address and per node
 * (RateWindow, as the admissions results lookup), counted before validation so malformed
 * guesses count too; 429 with Retry-After. Never cached.
 */
export function verifyRoutes(app: FastifyInstance, platform: Platform, verify: VerifyService): void {
  const limiter = new RateWindow(platform.config.RATE_DIPLOMA_VERIFY_PER_IP_PER_MINUTE);
  const limit = async (req: FastifyRequest, reply: FastifyReply) => {
    reply.header('cache-control', 'no-store');
    const wait = limiter.hit(req.ip);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new AppError('rate.limited', {
        hint: { vi: `Vui lòng thử lại sau ${wait} giây.`, en: `Please try again in ${wait} seconds.` },
      });
    }
  };
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/public/diplomas/verify',
    {
      onRequest: limit,
      schema: {
        tags: ['public', 'diplomas'],
        summary: 'Verify a diploma by serial number and full name (optionally date of birth): match or no match',
        querystring: VerifyQuery,
        response: { 200: VerifyAnswer },
      },
    },
    (req) => verify.verify(req.actor, req.query),
  );
}
