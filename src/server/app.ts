import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { modules } from './modules/index.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import { installAuthHook } from './platform/http/auth-hook.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import { serveWeb } from './platform/http/web.ts';
import type { Logger } from './platform/logger.ts';
import type { Platform } from './platform/platform.ts';

export interface AppState {
  shuttingDown: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The HTTP application: platform plugins, then every module's routes, then the web app.
 * Has no side effects outside the platform it is given, so tests build it per test file and
 * call it through `app.inject()`.
 */
export async function buildApp(platform: Platform, opts: { logger?: Logger; web?: boolean } = {}) {
  const state: AppState = { shuttingDown: false };
  const app = Fastify({
    loggerInstance: (opts.logger ?? platform.log) as FastifyBaseLogger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    trustProxy: platform.config.TRUST_PROXY,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'giaoducso API',
        description:
          'Nền tảng chuyển đổi số ngành giáo dục. JSON over HTTP under /api. Errors: `{error:{code,message,messages:{vi,en},requestId,details?}}`. Cookie-authenticated writes need the `x-csrf-token` header.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });

  installErrorHandler(app);
  installAuthHook(app, platform.auth);
  healthRoutes(app, platform.db, state);
  authRoutes(app, platform.auth, platform.db, platform.config);
  for (const m of modules) await m.register(app, platform);
  if (opts.web !== false) await serveWeb(app, platform.config.WEB_DIST);
  return { app, state };
}

export type App = FastifyInstance;
