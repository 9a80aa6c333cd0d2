import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type pg from 'pg';
import { sha256 } from '../../src/server/platform/auth/auth.service.ts';
import { keyedHash } from '../../src/server/platform/otp/keyed-hash.ts';
import { SECRET_SETTING } from '../../src/server/platform/otp/server-secret.ts';
import { type ChildIdentity, syntheticChild, timelineRegisteringNow } from '../../test/support/admissions.ts';

/**
 * Shared helpers of bench/submissions.bench.ts and bench/crash.bench.ts: open a grade-1 round
 * over HTTP as the demo commune, pre-create verified-contact sessions in the database (the
 * OTP throttles allow 20 codes per client address per hour, so N contacts cannot be verified
 * through the API from one machine), and drive POST …/applications with keep-alive sockets.
 * All children and contacts are synthetic (province code 001, serials from 100000 up).
 */

export interface Round {
  roundId: string;
  communeId: string;
  wishes: string[];
}

export type Child = ChildIdentity;

/** The i-th synthetic child (born 2021, Hà Nội code 001, so it never matches a demo resident). */
export function child(i: number): Child {
  const gender = i % 2 === 0 ? 'male' : 'female';
  return syntheticChild('001', 100_000 + Math.floor(i / 2), {
    dateOfBirth: '2021-05-20',
    fullName: 'Trẻ Mô Phỏng',
    gender,
  });
}

interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export function request(
  agent: http.Agent,
  base: URL,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(15_000, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

/** Signs in as the demo commune Xã Tịnh Khê and opens a grade-1 round registering now. */
export async function openRound(baseUrl: string, password: string, code: string): Promise<Round> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const login = await request(
    agent,
    base,
    'POST',
    '/api/auth/login',
    {},
    JSON.stringify({ username: 'xa.tinhkhe', password }),
  );
  if (login.status !== 200) throw new Error(`login: ${login.status} ${login.body}`);
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const csrf = (JSON.parse(login.body) as { csrfToken: string }).csrfToken;
  const staff = { cookie, 'x-csrf-token': csrf };
  const call = async (method: string, path: string, payload?: object) => {
    const r = await request(agent, base, method, path, staff, payload && JSON.stringify(payload));
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.body}`);
    return JSON.parse(r.body) as unknown;
  };
  const communes = (await call('GET', '/api/org/communes')) as { id: string; name: string }[];
  const communeId = communes.find((c) => c.name === 'Xã Tịnh Khê')!.id;
  const page = (await call('GET', `/api/org/schools?communeId=${communeId}&pageSize=200`)) as {
    items: { unitId: string; levels: string[] }[];
  };
  const primaries = page.items.filter((s) => s.levels.includes('tieu_hoc')).map((s) => s.unitId);
  if (primaries.length < 2) throw new Error('the demo commune has fewer than two primary schools');
  const round = (await call('POST', '/api/admissions/rounds', {
    code,
    name: 'Tuyển sinh lớp 1 (benchmark)',
    level: 1,
    schoolYear: '2027-2028',
    runningUnitId: communeId,
    timeline: timelineRegisteringNow(),
    rules: { method: 'catchment', wishCount: 2, lotteryForOutOfCatchment: true },
    priorityGroups: [],
  })) as { id: string };
  const roundId = round.id;
  const schools = primaries.map((id) => ({ schoolId: id, classes: 10, pupilsPerClass: 35 }));
  await call('PUT', `/api/admissions/rounds/${roundId}/schools`, { expectedVersion: 1, schools });
  await call('PUT', `/api/admissions/rounds/${roundId}/catchments`, {
    expectedVersion: 2,
    catchments: primaries.map((id) => ({ schoolId: id, communeId, village: null })),
  });
  await call('POST', `/api/admissions/rounds/${roundId}/status`, { status: 'open', expectedVersion: 3 });
  agent.destroy();
  return { roundId, communeId, wishes: primaries.slice(0, 2) };
}

/**
 * One real code request and verification through the API (creates the server's HMAC secret
 * and proves the OTP path works), with OTP_DEMO_CODE.
 */
export async function verifyOnce(baseUrl: string, demoCode: string): Promise<string> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: false });
  const body = { channel: 'sms', address: '0905000001', purpose: 'admissions.apply' };
  const r1 = await request(agent, base, 'POST', '/api/public/otp/request', {}, JSON.stringify(body));
  if (r1.status !== 200) throw new Error(`otp request: ${r1.status} ${r1.body}`);
  const r2 = await request(
    agent,
    base,
    'POST',
    '/api/public/otp/verify',
    {},
    JSON.stringify({ ...body, code: demoCode }),
  );
  if (r2.status !== 200) throw new Error(`otp verify: ${r2.status} ${r2.body}`);
  return (JSON.parse(r2.body) as { token: string }).token;
}

/**
 * Inserts `n` verified-contact sessions (purpose admissions.apply, 1 h) for synthetic phones
 * +8490xxxxxxx, as OtpService.verifyCode would (token hash = SHA-256, keyed address hash).
 * Returns the tokens, index i for contact i.
 */
export async function seedSessions(pool: pg.Pool, n: number, from: number): Promise<string[]> {
  const { rows } = await pool.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [SECRET_SETTING]);
  if (!rows[0]) throw new Error('no server secret yet');
  const raw = rows[0].value as unknown;
  const secret = Buffer.from(typeof raw === 'string' ? raw.replace(/^"|"$/g, '') : String(raw), 'base64url');
  const tokens: string[] = [];
  const hashes: string[] = [];
  const addresses: string[] = [];
  const addressHashes: string[] = [];
  for (let i = 0; i < n; i++) {
    const token = randomBytes(32).toString('base64url');
    const address = `+8490${String(from + i).padStart(7, '0')}`;
    tokens.push(token);
    hashes.push(sha256(token));
    addresses.push(address);
    addressHashes.push(keyedHash(secret, 'address', address));
  }
  for (let i = 0; i < n; i += 5000) {
    await pool.query(
      `INSERT INTO otp_sessions (token_hash, channel, purpose, address, address_hash, expires_at)
       SELECT t, 'sms', 'admissions.apply', a, h, now() + interval '1 hour'
       FROM unnest($1::text[], $2::text[], $3::text[]) AS u(t, a, h)`,
      [hashes.slice(i, i + 5000), addresses.slice(i, i + 5000), addressHashes.slice(i, i + 5000)],
    );
  }
  return tokens;
}

export interface Attempt {
  i: number;
  key: string;
  status: number;
  /** undefined when no response came (connection reset, refused). */
  body?: string;
  ms: number;
  /** Milliseconds since the load started, at the response. */
  doneAt: number;
}

export interface LoadOptions {
  baseUrl: string;
  round: Round;
  tokens: string[];
  /** Index of the first child and session to use. */
  from: number;
  count: number;
  maxMs: number;
  concurrency: number;
  /** Sends X-Forwarded-For 10.x.y.z per contact (the server runs with TRUST_PROXY=true). */
  forwardedFor: boolean;
  /** Stop after this many requests got no response (server gone). */
  stopAfterErrors?: number;
  onProgress?: (done: number) => void;
}

export function submitBody(round: Round, c: Child): string {
  return JSON.stringify({
    personalId: c.personalId,
    dateOfBirth: c.dateOfBirth,
    fullName: c.fullName,
    gender: c.gender,
    residence: { communeId: round.communeId, village: null },
    wishes: round.wishes,
    priorityGroup: null,
  });
}

export function clientIp(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

export function submitOnce(
  agent: http.Agent,
  opts: Pick<LoadOptions, 'baseUrl' | 'round' | 'tokens' | 'forwardedFor'>,
  i: number,
  key: string,
): Promise<Reply> {
  const headers: Record<string, string> = { 'x-otp-token': opts.tokens[i]!, 'idempotency-key': key };
  if (opts.forwardedFor) headers['x-forwarded-for'] = clientIp(i);
  return request(
    agent,
    new URL(opts.baseUrl),
    'POST',
    `/api/public/admissions/rounds/${opts.round.roundId}/applications`,
    headers,
    submitBody(opts.round, child(i)),
  );
}

/** Closed-loop load: `concurrency` workers, each child/contact used once, until count or time is reached. */
export async function drive(opts: LoadOptions): Promise<{ attempts: Attempt[]; elapsedMs: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const attempts: Attempt[] = [];
  const t0 = performance.now();
  let next = opts.from;
  const end = opts.from + opts.count;
  let errors = 0;
  const worker = async () => {
    for (;;) {
      if (next >= end || performance.now() - t0 > opts.maxMs) return;
      if (opts.stopAfterErrors !== undefined && errors >= opts.stopAfterErrors) return;
      const i = next++;
      const key = randomUUID();
      const s = performance.now();
      try {
        const r = await submitOnce(agent, opts, i, key);
        const now = performance.now();
        attempts.push({ i, key, status: r.status, body: r.body, ms: now - s, doneAt: now - t0 });
      } catch (err) {
        errors++;
        const now = performance.now();
        attempts.push({ i, key, status: 0, body: String(err), ms: now - s, doneAt: now - t0 });
      }
      if (attempts.length % 2000 === 0) opts.onProgress?.(attempts.length);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const elapsedMs = performance.now() - t0;
  agent.destroy();
  return { attempts, elapsedMs };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}
