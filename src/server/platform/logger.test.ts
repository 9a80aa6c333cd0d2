import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

describe('request logging', () => {
  it("never writes a query string (it may hold a child's identification number)", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const app = Fastify({ loggerInstance: createLogger('info', sink) as FastifyBaseLogger });
    app.get('/api/public/admissions/applications/:code', async () => ({ ok: true }));
    await app.inject(
      '/api/public/admissions/applications/TS1-2027-000001?personalId=051321000123&dateOfBirth=2021-03-04',
    );
    await app.close();
    const log = lines.join('');
    expect(log).toContain('/api/public/admissions/applications/TS1-2027-000001');
    expect(log).not.toContain('051321000123');
  });
});
