import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { PNG, simulationZip } from './packages.fixtures.ts';
import { normaliseMemberPath, SIMULATION_CSP, serveSimulationEntry } from './simulation-serve.ts';
import { openSimulation } from './simulation-zip.ts';

const zip = simulationZip('lab/');
const archive = openSimulation(zip).archive;
const app = Fastify();
app.get('/sim/*', (req, reply) => serveSimulationEntry(reply, zip, (req.params as { '*': string })['*']));
app.get('/cached/*', (req, reply) =>
  serveSimulationEntry(reply, archive, (req.params as { '*': string })['*'], { zipSha256: 'ab'.repeat(32) }),
);
afterAll(() => app.close());

describe('serveSimulationEntry', () => {
  it('answers index.html sandboxed: CSP without same-origin and with no network, nosniff', async () => {
    const res = await app.inject('/sim/index.html');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(SIMULATION_CSP);
    expect(SIMULATION_CSP).toMatch(/^sandbox allow-scripts allow-pointer-lock;/);
    expect(SIMULATION_CSP).not.toContain('allow-same-origin');
    expect(SIMULATION_CSP).toContain("connect-src 'none'");
    expect(SIMULATION_CSP).toContain("frame-ancestors 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['cache-control']).toBe('private, max-age=86400');
    expect(res.body).toContain('<h1>Rơi tự do</h1>');
  });

  it('answers members with their MIME types, from the single folder root', async () => {
    const js = await app.inject('/sim/js/app.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toContain('requestAnimationFrame');
    const png = await app.inject('/sim/img/ball.png');
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.equals(PNG)).toBe(true);
  });

  it('serves index.html for the root', async () => {
    expect((await app.inject('/sim/')).body).toContain('<h1>Rơi tự do</h1>');
  });

  it('answers 404 for unknown members and paths that climb out', async () => {
    for (const url of ['/sim/missing.js', '/sim/lab/index.html', '/sim/js%2f..%2f..%2fsecret', '/sim/..%5cx.js']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-security-policy'], url).toBe(SIMULATION_CSP);
    }
  });

  it('answers 304 when the browser has the member, from a kept archive', async () => {
    const first = await app.inject('/cached/js/app.js');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"abababababababab-[0-9a-f]+-[0-9a-f]+"$/);
    const again = await app.inject({ url: '/cached/js/app.js', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});

describe('normaliseMemberPath', () => {
  it.each([
    ['', 'index.html'],
    ['/', 'index.html'],
    ['js/app.js', 'js/app.js'],
    ['/js//./app.js', 'js/app.js'],
    ['levels/', 'levels/index.html'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseMemberPath(input)).toBe(expected);
  });

  it.each(['../x', 'a/../../x', 'a\\b', 'a\u0000'])('refuses %j', (input) => {
    expect(normaliseMemberPath(input)).toBeNull();
  });
});
