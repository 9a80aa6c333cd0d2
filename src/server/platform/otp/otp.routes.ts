import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OtpRequestBody, OtpRequested, OtpVerified, OtpVerifyBody } from '../../../shared/population.schema.ts';
import type { OtpService } from './otp.service.ts';

/** Public: no account, no cookie. Errors: request.invalid, otp.invalid, otp.too_many. */
export function otpRoutes(app: FastifyInstance, otp: OtpService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];

  r.post(
    '/api/public/otp/request',
    {
      schema: {
        tags,
        summary: 'Send a one-time code to a phone (SMS) or e-mail',
        body: OtpRequestBody,
        response: { 200: OtpRequested },
      },
    },
    (req) => otp.requestCode(req.actor, req.body),
  );

  r.post(
    '/api/public/otp/verify',
    {
      schema: {
        tags,
        summary: 'Check a one-time code; returns the token the application endpoints accept',
        body: OtpVerifyBody,
        response: { 200: OtpVerified },
      },
    },
    (req) => otp.verifyCode(req.actor, req.body),
  );
}
