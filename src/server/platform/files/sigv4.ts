import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for S3 requests sent in the Authorization header
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html).
 * S3 differs from other services in two ways that matter here: the path is URI-encoded once
 * (not twice), and the payload hash is sent in `x-amz-content-sha256`.
 */

/** SHA-256 of an empty body: the payload hash of GET, HEAD and DELETE. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
/** Payload hash when the body is not hashed (allowed by S3 over TLS). */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service?: string;
}

export interface SignInput {
  method: string;
  url: URL;
  /** Headers to sign besides host, x-amz-date and x-amz-content-sha256 (e.g. range, content-type). */
  headers?: Record<string, string>;
  /** Hex SHA-256 of the body, or UNSIGNED_PAYLOAD. */
  payloadHash: string;
  date?: Date;
}

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding as SigV4 wants it: everything but A–Z a–z 0–9 - . _ ~ as %XX (UTF-8). */
export function uriEncode(value: string, keepSlash = false): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(ch) || (keepSlash && ch === '/')) out += ch;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `20130524T000000Z`. */
export function amzDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The canonical path: the URL's path decoded, then each segment encoded once (S3 rule). */
export function canonicalPath(url: URL): string {
  return uriEncode(decodeURIComponent(url.pathname || '/'), true);
}

/** Query parameters sorted by encoded name, then value; `a&b=` style empty values kept as `a=`. */
export function canonicalQuery(url: URL): string {
  const pairs = [...url.searchParams].map(([k, v]) => [uriEncode(k), uriEncode(v)] as const);
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** Lower-case names, trimmed values with inner runs of spaces collapsed, sorted by name. */
export function canonicalHeaders(headers: Record<string, string>): { canonical: string; signed: string } {
  const entries = Object.entries(headers)
    .map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    canonical: entries.map(([k, v]) => `${k}:${v}\n`).join(''),
    signed: entries.map(([k]) => k).join(';'),
  };
}

export function canonicalRequest(
  method: string,
  url: URL,
  headers: Record<string, string>,
  payloadHash: string,
): string {
  const h = canonicalHeaders(headers);
  return [method.toUpperCase(), canonicalPath(url), canonicalQuery(url), h.canonical, h.signed, payloadHash].join('\n');
}

export function signingKey(secret: string, day: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
}

/**
 * Signs a request: returns the headers to send (host excluded: fetch sets it from the URL, and
 * it is signed as `url.host`), including `authorization`.
 */
export function signRequest(creds: Credentials, input: SignInput): Record<string, string> {
  const service = creds.service ?? 's3';
  const stamp = amzDate(input.date ?? new Date());
  const day = stamp.slice(0, 8);
  const extra = Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const signed = { ...extra, host: input.url.host, 'x-amz-content-sha256': input.payloadHash, 'x-amz-date': stamp };
  const scope = `${day}/${creds.region}/${service}/aws4_request`;
  const request = canonicalRequest(input.method, input.url, signed, input.payloadHash);
  const toSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256Hex(request)].join('\n');
  const signature = createHmac('sha256', signingKey(creds.secretAccessKey, day, creds.region, service))
    .update(toSign, 'utf8')
    .digest('hex');
  const { host: _host, ...send } = signed;
  return {
    ...send,
    authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope},SignedHeaders=${canonicalHeaders(signed).signed},Signature=${signature}`,
  };
}
