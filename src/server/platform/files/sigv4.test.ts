import { describe, expect, it } from 'vitest';
import { canonicalQuery, EMPTY_SHA256, sha256Hex, signRequest, uriEncode } from './sigv4.ts';

/**
 * The worked examples of "Signature Calculations for the Authorization Header" in the Amazon
 * S3 API reference (sig-v4-header-based-auth.html): same keys, bucket and timestamp.
 */
const creds = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
};
const date = new Date('2013-05-24T00:00:00Z');
const signatureOf = (auth: string | undefined) => auth?.match(/Signature=([0-9a-f]{64})$/)?.[1];

describe('signRequest', () => {
  it('reproduces the published "GET Object" example (Range bytes=0-9)', () => {
    const h = signRequest(creds, {
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9' },
      payloadHash: EMPTY_SHA256,
      date,
    });
    expect(h.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(h['x-amz-date']).toBe('20130524T000000Z');
    expect(h['x-amz-content-sha256']).toBe(EMPTY_SHA256);
    expect(h).not.toHaveProperty('host');
  });

  it('reproduces the published "PUT Object" example (payload hash, $ in the key)', () => {
    const body = 'Welcome to Amazon S3.';
    const h = signRequest(creds, {
      method: 'PUT',
      url: new URL(`https://examplebucket.s3.amazonaws.com/${uriEncode('test$file.text', true)}`),
      headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
      payloadHash: sha256Hex(body),
      date,
    });
    expect(sha256Hex(body)).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    expect(h.authorization).toContain('SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,');
    expect(signatureOf(h.authorization)).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });

  it('reproduces the published "GET Bucket (List Objects)" example (sorted query)', () => {
    const h = signRequest(creds, {
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J'),
      payloadHash: EMPTY_SHA256,
      date,
    });
    expect(signatureOf(h.authorization)).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });

  it('signs the port of a path-style endpoint as part of the host', () => {
    const a = signRequest(creds, {
      method: 'GET',
      url: new URL('http://127.0.0.1:9000/b/k'),
      payloadHash: EMPTY_SHA256,
      date,
    });
    const b = signRequest(creds, {
      method: 'GET',
      url: new URL('http://127.0.0.1:9001/b/k'),
      payloadHash: EMPTY_SHA256,
      date,
    });
    expect(signatureOf(a.authorization)).not.toBe(signatureOf(b.authorization));
  });
});

describe('uriEncode', () => {
  it('encodes UTF-8 bytes and reserved characters, keeping unreserved ones', () => {
    expect(uriEncode('Trường học/a b+c~_.-', true)).toBe('Tr%C6%B0%E1%BB%9Dng%20h%E1%BB%8Dc/a%20b%2Bc~_.-');
    expect(uriEncode('a/b')).toBe('a%2Fb');
  });
});

describe('canonicalQuery', () => {
  it('sorts by name and keeps empty values as name=', () => {
    expect(canonicalQuery(new URL('http://h/?prefix=a%2Fb&list-type=2&continuation-token='))).toBe(
      'continuation-token=&list-type=2&prefix=a%2Fb',
    );
  });
});
