import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_CATALOGUE, type ErrorBody } from '../../../shared/errors.ts';
import { AppError, messagesFor } from '../errors.ts';

export function sendError(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const messages = messagesFor(err.code, err.hint);
  const body: ErrorBody = {
    error: {
      code: err.code,
      message: messages[req.actor?.locale ?? localeOf(req)],
      messages,
      requestId: req.id,
      ...(err.details ? { details: err.details } : {}),
    },
  };
  return reply.code(err.status).send(body);
}

export function localeOf(req: FastifyRequest): 'vi' | 'en' {
  const h = req.headers['accept-language'];
  return typeof h === 'string' && /^en\b/i.test(h.trim()) ? 'en' : 'vi';
}

const zodVi = z.locales.vi().localeError;
const zodEn = z.locales.en().localeError;
const textOf = (m: ReturnType<typeof zodEn>) => (typeof m === 'string' ? m : m?.message);

/**
 * Zod's message for a validation issue in the request's language (Zod ships a Vietnamese
 * locale). A schema's own message (e.g. the bilingual username rule) is kept as written.
 */
function localizeIssue(v: { keyword: string; message?: string; params: Record<string, unknown> }, locale: 'vi' | 'en') {
  const issue = { ...v.params, code: v.keyword, path: [], message: v.message } as unknown as Parameters<
    typeof zodEn
  >[0];
  const english = textOf(zodEn(issue));
  if (!v.message || english !== v.message || locale === 'en') return v.message ?? 'invalid';
  return textOf(zodVi(issue)) ?? v.message;
}

/** Maps every error to the one error shape; unexpected errors are logged, never shown. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) req.log.error({ err: error }, error.message);
      return sendError(req, reply, error);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const locale = localeOf(req);
      const details = error.validation.map((v) => ({
        path: [
          where,
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ].join('.'),
        message: localizeIssue(v, locale),
      }));
      return sendError(req, reply, new AppError('request.invalid', { details }));
    }
    if (isResponseSerializationError(error)) {
      req.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return sendError(req, reply, new AppError('internal'));
    }
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return sendError(
        req,
        reply,
        new AppError('file.invalid', { details: [{ path: 'body', message: error.message }] }),
      );
    }
    if (status === 429) return sendError(req, reply, new AppError('rate.limited'));
    if (status >= 400 && status < 500) {
      return sendError(
        req,
        reply,
        new AppError('request.invalid', { details: [{ path: 'request', message: error.message }] }),
      );
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendError(req, reply, new AppError('internal'));
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, new AppError('resource.not_found')));
}

export { ERROR_CATALOGUE };
