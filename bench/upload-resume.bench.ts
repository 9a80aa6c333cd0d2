import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Issue 4, "Speed": a 200 MB file uploaded over tus (8 MB PATCH requests, keep-alive HTTP on
 * loopback, client in its own process) with the connection dropped in the middle of the chunk
 * that crosses 50 %: the socket is reset (RST, so the server's unread kernel buffer is lost, as on
 * a real drop) after 4 MB of that chunk. The client then asks HEAD for the server's offset and
 * resumes from it. Printed: bytes sent before the drop, bytes the server kept, bytes re-sent
 * (only the part of the broken chunk that never reached the server's file), MB/s, and whether
 * the stored SHA-256 equals the file's.
 */
const SIZE_MB = Number(process.env.BENCH_UPLOAD_MB ?? 200);
const CHUNK = 8 * 1024 * 1024;
const MB = 1024 * 1024;

interface ClientInput {
  baseUrl: string;
  cookie: string;
  csrf: string;
  file: string;
}
interface ClientOutput {
  sentBeforeDrop: number;
  keptAtDrop: number;
  resent: number;
  totalSent: number;
  ms: number;
  msBeforeDrop: number;
  fileId: string;
  sha256: string;
  localSha256: string;
}

if (process.env.GDS_UPLOAD_BENCH_CLIENT) {
  const input = JSON.parse(process.env.GDS_UPLOAD_BENCH_CLIENT) as ClientInput;
  process.stdout.write(JSON.stringify(await runClient(input)));
  process.exit(0);
}

/** One HTTP exchange on the keep-alive agent; `dropAfter` resets the socket once that many body bytes are written. */
function send(
  agent: http.Agent,
  base: URL,
  method: string,
  urlPath: string,
  headers: Record<string, string | number>,
  body?: Buffer,
  dropAfter?: number,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string } | 'dropped'> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, method, path: urlPath, agent, headers });
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts).toString() }),
      );
    });
    if (dropAfter === undefined) {
      req.on('error', reject);
      req.end(body);
      return;
    }
    req.on('error', () => resolve('dropped'));
    req.write(body!.subarray(0, dropAfter), () => {
      // Let the kernel move part of it, then cut the connection like a lost link: RST, not FIN.
      setTimeout(() => req.socket?.resetAndDestroy(), 20);
    });
  });
}

async function runClient(input: ClientInput): Promise<ClientOutput> {
  const base = new URL(input.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const auth = { cookie: input.cookie, 'x-csrf-token': input.csrf, 'tus-resumable': '1.0.0' };
  const size = fs.statSync(input.file).size;
  const fd = fs.openSync(input.file, 'r');
  const chunkAt = (offset: number) => {
    const b = Buffer.alloc(Math.min(CHUNK, size - offset));
    fs.readSync(fd, b, 0, b.length, offset);
    return b;
  };
  const localHash = createHash('sha256');
  for await (const c of fs.createReadStream(input.file)) localHash.update(c as Buffer);

  const t0 = performance.now();
  const meta = `filename ${Buffer.from('Thí nghiệm ảo Vật lí 10.mp4').toString('base64')},purpose ${Buffer.from('library').toString('base64')}`;
  const created = await send(agent, base, 'POST', '/api/uploads', {
    ...auth,
    'upload-length': size,
    'upload-metadata': meta,
  });
  if (created === 'dropped' || created.status !== 201) throw new Error(`create: ${JSON.stringify(created)}`);
  const url = String(created.headers.location);

  let offset = 0;
  let totalSent = 0;
  let sentBeforeDrop = 0;
  let keptAtDrop = 0;
  let msBeforeDrop = 0;
  let dropped = false;
  let fileId = '';
  while (offset < size) {
    const body = chunkAt(offset);
    const crossesHalf = !dropped && offset + body.length >= size / 2;
    const headers = {
      ...auth,
      'upload-offset': offset,
      'content-type': 'application/offset+octet-stream',
      'content-length': body.length,
    };
    const res = await send(agent, base, 'PATCH', url, headers, body, crossesHalf ? body.length / 2 : undefined);
    if (res === 'dropped') {
      dropped = true;
      sentBeforeDrop = offset + body.length / 2;
      totalSent += body.length / 2;
      msBeforeDrop = performance.now() - t0;
      const h = await send(agent, base, 'HEAD', url, auth);
      if (h === 'dropped' || h.status !== 200) throw new Error(`head: ${JSON.stringify(h)}`);
      offset = Number(h.headers['upload-offset']);
      keptAtDrop = offset;
      continue;
    }
    if (res.status !== 204) throw new Error(`patch at ${offset}: ${res.status} ${res.body}`);
    totalSent += body.length;
    offset = Number(res.headers['upload-offset']);
    if (res.headers['upload-file-id']) fileId = String(res.headers['upload-file-id']);
  }
  const ms = performance.now() - t0;
  const status = await send(agent, base, 'GET', url, { cookie: input.cookie });
  if (status === 'dropped') throw new Error('status dropped');
  const state = JSON.parse(status.body) as { sha256: string; fileId: string };
  fs.closeSync(fd);
  agent.destroy();
  return {
    sentBeforeDrop,
    keptAtDrop,
    resent: sentBeforeDrop - keptAtDrop,
    totalSent,
    ms,
    msBeforeDrop,
    fileId: fileId || state.fileId,
    sha256: state.sha256,
    localSha256: localHash.digest('hex'),
  };
}

const { loadConfig } = await import('../src/server/platform/config.ts');
const { createLogger } = await import('../src/server/platform/logger.ts');
const { startServer } = await import('../src/server/runtime.ts');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gds-bench-upload-'));
const config = loadConfig({
  ...process.env,
  DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: '55995',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'silent',
  DATABASE_URL: '',
  JOBS: 'false',
  DEMO_DATA: 'on',
});
const { app, shutdown } = await startServer(config, createLogger('silent'));
const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

try {
  // A file the library accepts (MP4: "ftyp" at byte 4), random bytes after its first box.
  const file = path.join(dataDir, 'video.mp4');
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\0\0isomiso2')]));
  for (let i = 0; i < SIZE_MB; i++) fs.writeSync(out, randomBytes(i === 0 ? MB - 24 : MB));
  fs.closeSync(out);

  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'gv.tranquoctuan', password: config.DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status}`);
  const cookie = String(login.headers.get('set-cookie')).split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };

  const here = path.dirname(fileURLToPath(import.meta.url));
  const child = spawn(process.execPath, [path.join(here, 'upload-resume.bench.ts')], {
    env: { ...process.env, GDS_UPLOAD_BENCH_CLIENT: JSON.stringify({ baseUrl, cookie, csrf: csrfToken, file }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  child.stdout.on('data', (c: Buffer) => {
    text += c.toString();
  });
  const code = await new Promise<number | null>((r) => child.on('close', r));
  if (code !== 0) throw new Error(`client exited with ${code}`);
  const r = JSON.parse(text) as ClientOutput;

  const size = fs.statSync(file).size;
  const mbps = size / MB / (r.ms / 1000);
  const match = r.sha256 === r.localSha256;
  console.log(`server ${baseUrl}; file ${(size / MB).toFixed(0)} MB in ${CHUNK / MB} MB PATCH requests`);
  console.log(
    `before the drop: ${(r.sentBeforeDrop / MB).toFixed(2)} MB sent in ${(r.msBeforeDrop / 1000).toFixed(2)} s; the server had kept ${(r.keptAtDrop / MB).toFixed(2)} MB (HEAD after the reset)`,
  );
  console.log(
    `re-sent after the drop: ${(r.resent / MB).toFixed(2)} MB (${r.resent} bytes; at most the ${CHUNK / 2 / MB} MB of the broken chunk)`,
  );
  console.log(
    `total ${(r.totalSent / MB).toFixed(2)} MB on the wire for ${(size / MB).toFixed(0)} MB in ${(r.ms / 1000).toFixed(2)} s: ${mbps.toFixed(1)} MB/s (incl. hashing and storing at the end)`,
  );
  console.log(`stored file ${r.fileId}, SHA-256 ${match ? 'matches' : 'DIFFERS'} (${r.sha256})`);
  const ok = match && r.resent <= CHUNK / 2 && r.keptAtDrop >= size / 2 - CHUNK;
  console.log(`target (resumes without re-sending the first half): ${ok ? 'met' : 'NOT met'}`);
  console.log(
    JSON.stringify({
      size_mb: Math.round(size / MB),
      chunk_mb: CHUNK / MB,
      sent_before_drop_mb: Math.round((r.sentBeforeDrop / MB) * 100) / 100,
      kept_at_drop_mb: Math.round((r.keptAtDrop / MB) * 100) / 100,
      resent_mb: Math.round((r.resent / MB) * 100) / 100,
      mbps: Math.round(mbps * 10) / 10,
      seconds: Math.round(r.ms / 100) / 10,
      sha256_match: match,
      target_met: ok,
    }),
  );
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await shutdown('bench');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(process.exitCode ?? 0);
