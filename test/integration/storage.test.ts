import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStorage } from '../../src/server/platform/files/local-storage.ts';
import { S3Storage } from '../../src/server/platform/files/s3-storage.ts';
import { canonicalRequest, sha256Hex, signingKey } from '../../src/server/platform/files/sigv4.ts';
import type { Storage } from '../../src/server/platform/files/storage.ts';

const KEY_ID = 'GDSTESTKEY';
const SECRET = 'gds-test-secret/0123456789';
const BUCKET = 'gds-test';
const PAGE = 2; // the fake answers ListObjectsV2 two keys at a time, so listings span pages

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request,SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})$/;
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Checks the request's SigV4 signature the way S3 does, recomputing it from what arrived on the wire. */
function verify(req: http.IncomingMessage, body: Buffer): string | null {
  const m = AUTH.exec(String(req.headers.authorization ?? ''));
  if (!m) return 'malformed Authorization';
  const [, keyId, day, region, signedList, signature] = m;
  if (keyId !== KEY_ID) return 'unknown access key';
  const date = String(req.headers['x-amz-date'] ?? '');
  const hash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (!date.startsWith(day!)) return 'x-amz-date does not match the credential scope';
  if (hash !== 'UNSIGNED-PAYLOAD' && hash !== sha256Hex(body)) return 'payload hash mismatch';
  const names = signedList!.split(';');
  if (!names.includes('host') || !names.includes('x-amz-date')) return 'host and x-amz-date must be signed';
  const headers = Object.fromEntries(names.map((n) => [n, String(req.headers[n] ?? '')]));
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  const toSign = [
    'AWS4-HMAC-SHA256',
    date,
    `${day}/${region}/s3/aws4_request`,
    sha256Hex(canonicalRequest(req.method!, url, headers, hash)),
  ].join('\n');
  const expected = createHmac('sha256', signingKey(SECRET, day!, region!, 's3'))
    .update(toSign)
    .digest('hex');
  return expected === signature ? null : 'SignatureDoesNotMatch';
}

/** A tiny in-memory S3 (path-style): PutObject, GetObject, HeadObject, DeleteObject, ListObjectsV2. */
function startFakeS3(): Promise<{
  server: http.Server;
  endpoint: string;
  objects: Map<string, Buffer>;
  requests: string[];
}> {
  const objects = new Map<string, Buffer>();
  const requests: string[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const problem = verify(req, body);
    const send = (status: number, text = '', type = 'application/xml') =>
      res.writeHead(status, { 'content-type': type }).end(text);
    if (problem)
      return send(403, `<Error><Code>SignatureDoesNotMatch</Code><Message>${xml(problem)}</Message></Error>`);
    const [, bucket, ...rest] = url.pathname.split('/');
    if (bucket !== BUCKET) return send(404, '<Error><Code>NoSuchBucket</Code></Error>');
    const key = decodeURIComponent(rest.join('/'));
    if (!key && req.method === 'GET' && url.searchParams.get('list-type') === '2') {
      const prefix = url.searchParams.get('prefix') ?? '';
      const after = url.searchParams.get('continuation-token') ?? '';
      const keys = [...objects.keys()]
        .filter((k) => k.startsWith(prefix))
        .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      const start = after ? keys.indexOf(Buffer.from(after, 'base64url').toString()) + 1 : 0;
      const page = keys.slice(start, start + PAGE);
      const more = start + PAGE < keys.length;
      return send(
        200,
        `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${BUCKET}</Name><KeyCount>${page.length}</KeyCount>` +
          page.map((k) => `<Contents><Key>${xml(k)}</Key><Size>${objects.get(k)!.length}</Size></Contents>`).join('') +
          `<IsTruncated>${more}</IsTruncated>${more ? `<NextContinuationToken>${Buffer.from(page.at(-1)!).toString('base64url')}</NextContinuationToken>` : ''}</ListBucketResult>`,
      );
    }
    const found = objects.get(key);
    if (req.method === 'PUT') {
      objects.set(key, body);
      res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` }).end();
    } else if (req.method === 'DELETE') {
      objects.delete(key);
      res.writeHead(204).end();
    } else if (!found) {
      send(404, req.method === 'HEAD' ? '' : '<Error><Code>NoSuchKey</Code></Error>');
    } else if (req.method === 'HEAD') {
      res.writeHead(200, { 'content-length': found.length }).end();
    } else {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(found);
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, endpoint: `http://127.0.0.1:${port}`, objects, requests });
    }),
  );
}

let fake: Awaited<ReturnType<typeof startFakeS3>>;
let tmp: string;
beforeAll(async () => {
  fake = await startFakeS3();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gds-storage-'));
});
afterAll(async () => {
  await new Promise((r) => fake.server.close(r));
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function text(s: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}
async function collect(it: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const k of it) out.push(k);
  return out;
}

let n = 0;
const drivers: [string, () => Storage][] = [
  ['LocalStorage', () => new LocalStorage(path.join(tmp, `root-${++n}`))],
  [
    'S3Storage',
    () => {
      fake.objects.clear();
      return new S3Storage({
        endpoint: fake.endpoint,
        region: 'ap-southeast-1',
        bucket: BUCKET,
        accessKeyId: KEY_ID,
        secretAccessKey: SECRET,
        forcePathStyle: true,
      });
    },
  ],
];

describe.each(drivers)('%s', (_name, make) => {
  it('stores a buffer and reports its size and SHA-256', async () => {
    const s = make();
    const body = Buffer.from('Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi', 'utf8');
    const stored = await s.put('org/exports/danh-ba.txt', body, 'text/plain; charset=utf-8');
    expect(stored).toEqual({
      key: 'org/exports/danh-ba.txt',
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
    expect(await text(await s.get('org/exports/danh-ba.txt'))).toBe('Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi');
  });

  it('stores a stream of several chunks under a Vietnamese key', async () => {
    const s = make();
    const key = 'org/imports/Trường học 2026 (bản 1).xlsx';
    const stored = await s.put(key, Readable.from([Buffer.from('abc'), Buffer.from('đêm'), Buffer.from('xyz')]));
    expect(stored.size).toBe(Buffer.byteLength('abcđêmxyz'));
    expect(await s.exists(key)).toBe(true);
    expect(await text(await s.get(key))).toBe('abcđêmxyz');
  });

  it('overwrites an existing key', async () => {
    const s = make();
    await s.put('a/x.txt', Buffer.from('one'));
    await s.put('a/x.txt', Buffer.from('two'));
    expect(await text(await s.get('a/x.txt'))).toBe('two');
  });

  it('says whether a key exists, deletes it, and tolerates deleting a missing key', async () => {
    const s = make();
    await s.put('d/y.bin', Buffer.from([1, 2, 3]));
    expect(await s.exists('d/y.bin')).toBe(true);
    expect(await s.exists('d/missing.bin')).toBe(false);
    await s.delete('d/y.bin');
    expect(await s.exists('d/y.bin')).toBe(false);
    await expect(s.delete('d/y.bin')).resolves.toBeUndefined();
  });

  it('rejects reading a missing key', async () => {
    await expect(make().get('nowhere/none.txt')).rejects.toThrow();
  });

  it('lists every key under a folder prefix, in order, across pages', async () => {
    const s = make();
    const keys = [
      'docs/2024/a.pdf',
      'docs/2024/b.pdf',
      'docs/2025/c.pdf',
      'docs/d.pdf',
      'docs/e.pdf',
      'docsx/f.pdf',
      'other/g.pdf',
    ];
    for (const k of [...keys].reverse()) await s.put(k, Buffer.from(k));
    expect(await collect(s.list('docs/'))).toEqual(keys.slice(0, 5));
    expect(await collect(s.list('docs'))).toEqual(keys.slice(0, 5));
    expect(await collect(s.list())).toEqual(keys);
    expect(await collect(s.list('empty/'))).toEqual([]);
  });

  it('refuses keys that climb out of the root', async () => {
    const s = make();
    await expect(s.put('../escape.txt', Buffer.from('x'))).rejects.toThrow(/Unsafe storage key/);
    await expect(s.get('a/../../b')).rejects.toThrow(/Unsafe storage key/);
  });
});

describe('S3Storage on the wire', () => {
  it('signs every request and pages ListObjectsV2 with continuation tokens', async () => {
    const s = drivers[1]![1]();
    fake.requests.length = 0;
    for (const k of ['p/1', 'p/2', 'p/3', 'p/4', 'p/5']) await s.put(k, Buffer.from(k));
    expect(await collect(s.list('p/'))).toHaveLength(5);
    const lists = fake.requests.filter((r) => r.includes('list-type=2'));
    expect(lists).toHaveLength(3);
    expect(lists.slice(1).every((r) => r.includes('continuation-token='))).toBe(true);
  });

  it('fails loudly when the secret is wrong', async () => {
    const s = new S3Storage({
      endpoint: fake.endpoint,
      region: 'ap-southeast-1',
      bucket: BUCKET,
      accessKeyId: KEY_ID,
      secretAccessKey: 'wrong',
      forcePathStyle: true,
    });
    await expect(s.put('k.txt', Buffer.from('x'))).rejects.toThrow(/403 SignatureDoesNotMatch/);
    await expect(s.exists('k.txt')).rejects.toThrow(/403/);
  });
});
