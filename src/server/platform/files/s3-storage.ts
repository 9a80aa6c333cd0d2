import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { EMPTY_SHA256, signRequest, uriEncode } from './sigv4.ts';
import { assertSafeKey, type ByteRange, type Storage, type StoredObject } from './storage.ts';

export interface S3Options {
  /** e.g. `http://minio:9000`; empty for AWS (`https://s3.<region>.amazonaws.com`). */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` (MinIO, Ceph, Garage) rather than `bucket.endpoint/key` (AWS). */
  forcePathStyle: boolean;
}

/**
 * Bodies are buffered to send their SHA-256 in the signature (S3 checks it) and a
 * Content-Length; above this, use a multipart upload (not implemented: platform files are
 * documents and spreadsheets, far below it).
 */
export const MAX_PUT_BYTES = 512 * 1024 * 1024;
/** Calls that do not stream a body back give up after this long. */
const TIMEOUT_MS = 60_000;

/** An S3 error response (`<Error><Code>NoSuchKey</Code>…`). */
export class S3Error extends Error {
  readonly status: number;
  readonly s3Code: string | undefined;
  constructor(message: string, status: number, s3Code: string | undefined) {
    super(message);
    this.status = status;
    this.s3Code = s3Code;
  }
}

/** Texts of every `<tag>…</tag>` in a small S3 XML answer, entities decoded (no full parser needed). */
export function xmlTags(xml: string, tag: string): string[] {
  const re = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g');
  return [...xml.matchAll(re)].map((m) => decodeXml(m[1]!));
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] ?? '';
  });
}

async function readAll(body: Readable | Buffer): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += b.length;
    if (size > MAX_PUT_BYTES) throw new Error(`S3 put: body larger than ${MAX_PUT_BYTES} bytes`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/**
 * S3-compatible object storage (AWS S3, MinIO, Ceph, Garage…) over fetch, signed with
 * SigV4 (sigv4.ts). Behaves like LocalStorage: same keys, `list(prefix)` treats the prefix as
 * a folder, `get` of a missing key rejects, `delete` of a missing key succeeds.
 */
export class S3Storage implements Storage {
  readonly driver = 's3' as const;
  readonly options: S3Options;
  readonly #base: URL;

  constructor(options: S3Options) {
    this.options = options;
    const endpoint = new URL(options.endpoint || `https://s3.${options.region}.amazonaws.com`);
    const root = endpoint.pathname.replace(/\/+$/, '');
    this.#base = options.forcePathStyle
      ? new URL(`${endpoint.protocol}//${endpoint.host}${root}/${uriEncode(options.bucket)}/`)
      : new URL(`${endpoint.protocol}//${options.bucket}.${endpoint.host}${root}/`);
  }

  /** URL of an object (or of the bucket with `key` ''), with query parameters. */
  url(key: string, query: Record<string, string> = {}): URL {
    const u = new URL(uriEncode(key, true), this.#base);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return u;
  }

  async #send(
    method: string,
    url: URL,
    opts: { body?: Buffer; hash?: string; headers?: Record<string, string>; stream?: boolean } = {},
  ) {
    const headers = signRequest(
      {
        accessKeyId: this.options.accessKeyId,
        secretAccessKey: this.options.secretAccessKey,
        region: this.options.region,
      },
      { method, url, headers: opts.headers ?? {}, payloadHash: opts.hash ?? EMPTY_SHA256 },
    );
    const init: RequestInit = { method, headers };
    // Node buffers sit on ordinary (not shared) ArrayBuffers, which is what fetch's body type asks for.
    if (opts.body) init.body = opts.body as Uint8Array<ArrayBuffer>;
    if (!opts.stream) init.signal = AbortSignal.timeout(TIMEOUT_MS);
    return fetch(url, init);
  }

  async #fail(res: Response, what: string): Promise<never> {
    const text = res.body ? await res.text().catch(() => '') : '';
    const code = xmlTags(text, 'Code')[0];
    throw new S3Error(`S3 ${what}: HTTP ${res.status}${code ? ` ${code}` : ''}`, res.status, code);
  }

  async put(key: string, body: Readable | Buffer, contentType?: string): Promise<StoredObject> {
    assertSafeKey(key);
    const data = await readAll(body);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const headers: Record<string, string> = { 'content-type': contentType ?? 'application/octet-stream' };
    const res = await this.#send('PUT', this.url(key), { body: data, hash: sha256, headers });
    if (!res.ok) return this.#fail(res, `put ${key}`);
    await res.body?.cancel();
    return { key, size: data.length, sha256 };
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    assertSafeKey(key);
    const headers: Record<string, string> = range ? { range: `bytes=${range.start}-${range.end}` } : {};
    const res = await this.#send('GET', this.url(key), { stream: true, headers });
    if (!res.ok || !res.body) return this.#fail(res, `get ${key}`);
    // A store that ignores Range answers 200 with the whole object: never pass that off as the range.
    if (range && res.status !== 206) {
      await res.body.cancel();
      throw new S3Error(`S3 get ${key}: Range ignored (HTTP ${res.status})`, res.status, undefined);
    }
    return Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
  }

  /** Sends a local file (buffered, so at most MAX_PUT_BYTES; larger ones need multipart, not built). */
  async putFile(key: string, localPath: string, contentType?: string): Promise<StoredObject> {
    const stored = await this.put(key, fs.createReadStream(localPath), contentType);
    await fs.promises.rm(localPath, { force: true });
    return stored;
  }

  async exists(key: string): Promise<boolean> {
    assertSafeKey(key);
    const res = await this.#send('HEAD', this.url(key));
    if (res.status === 404) return false;
    if (!res.ok) return this.#fail(res, `head ${key}`);
    return true;
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    const res = await this.#send('DELETE', this.url(key));
    if (!res.ok && res.status !== 404) return this.#fail(res, `delete ${key}`);
    await res.body?.cancel();
  }

  /** ListObjectsV2, following continuation tokens; keys in the store's (UTF-8 binary) order. */
  async *list(prefix = ''): AsyncIterable<string> {
    if (prefix) assertSafeKey(prefix.replace(/\/$/, ''));
    const folder = prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix;
    let token: string | undefined;
    do {
      const query: Record<string, string> = { 'list-type': '2', 'max-keys': '1000' };
      if (folder) query.prefix = folder;
      if (token) query['continuation-token'] = token;
      const res = await this.#send('GET', this.url('', query));
      if (!res.ok) return this.#fail(res, `list ${folder}`);
      const xml = await res.text();
      yield* xmlTags(xml, 'Key');
      token = xmlTags(xml, 'IsTruncated')[0] === 'true' ? xmlTags(xml, 'NextContinuationToken')[0] : undefined;
    } while (token);
  }
}
