import { describe, expect, it } from 'vitest';
import { S3Storage, xmlTags } from './s3-storage.ts';

const base = { region: 'ap-southeast-1', bucket: 'gds-files', accessKeyId: 'AK', secretAccessKey: 'SK' };

describe('S3Storage.url', () => {
  it('puts the bucket in the path for MinIO-style endpoints', () => {
    const s = new S3Storage({ ...base, endpoint: 'http://127.0.0.1:9000', forcePathStyle: true });
    expect(s.url('org/imports/Trường 1.xlsx').href).toBe(
      'http://127.0.0.1:9000/gds-files/org/imports/Tr%C6%B0%E1%BB%9Dng%201.xlsx',
    );
    expect(s.url('', { 'list-type': '2', prefix: 'a/' }).href).toBe(
      'http://127.0.0.1:9000/gds-files/?list-type=2&prefix=a%2F',
    );
  });

  it('puts the bucket in the host for virtual-host style, defaulting to AWS', () => {
    const s = new S3Storage({ ...base, endpoint: undefined, forcePathStyle: false });
    expect(s.url('a/b.pdf').href).toBe('https://gds-files.s3.ap-southeast-1.amazonaws.com/a/b.pdf');
  });

  it('keeps a path prefix of the endpoint (S3 behind a reverse proxy)', () => {
    const s = new S3Storage({ ...base, endpoint: 'https://files.example.vn/s3/', forcePathStyle: true });
    expect(s.url('k').href).toBe('https://files.example.vn/s3/gds-files/k');
  });

  it('encodes characters that URL parsing would otherwise keep or reinterpret', () => {
    const s = new S3Storage({ ...base, endpoint: 'http://h:9000', forcePathStyle: true });
    expect(s.url('a/b?c#d+e').pathname).toBe('/gds-files/a/b%3Fc%23d%2Be');
  });

  it('refuses keys that climb out of the bucket root', async () => {
    const s = new S3Storage({ ...base, endpoint: 'http://h:9000', forcePathStyle: true });
    await expect(s.exists('../x')).rejects.toThrow(/Unsafe storage key/);
  });
});

describe('xmlTags', () => {
  it('reads every occurrence of a tag and decodes entities', () => {
    const xml =
      '<ListBucketResult><IsTruncated>true</IsTruncated><Contents><Key>a&amp;b.txt</Key></Contents>' +
      '<Contents><Key>Tr&#432;&#x1edd;ng.pdf</Key></Contents><NextContinuationToken>t/1=</NextContinuationToken></ListBucketResult>';
    expect(xmlTags(xml, 'Key')).toEqual(['a&b.txt', 'Trường.pdf']);
    expect(xmlTags(xml, 'IsTruncated')).toEqual(['true']);
    expect(xmlTags(xml, 'NextContinuationToken')).toEqual(['t/1=']);
  });
});

describe('S3Storage.get with a byte range', () => {
  const BODY = Buffer.from('0123456789abcdef');
  async function serve(honourRange: boolean) {
    const { createServer } = await import('node:http');
    const seen: { range: string | undefined; signed: string }[] = [];
    const server = createServer((req, res) => {
      const range = req.headers.range;
      seen.push({ range, signed: String(req.headers.authorization ?? '') });
      const m = /^bytes=(\d+)-(\d+)$/.exec(range ?? '');
      if (honourRange && m) {
        res.writeHead(206, { 'content-range': `bytes ${m[1]}-${m[2]}/${BODY.length}` });
        res.end(BODY.subarray(Number(m[1]), Number(m[2]) + 1));
      } else res.end(BODY);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as import('node:net').AddressInfo;
    const s3 = new S3Storage({ ...base, endpoint: `http://127.0.0.1:${port}`, forcePathStyle: true });
    return { s3, seen, close: () => new Promise((r) => server.close(r)) };
  }
  const read = async (stream: AsyncIterable<Buffer>) => {
    const parts: Buffer[] = [];
    for await (const c of stream) parts.push(c);
    return Buffer.concat(parts).toString();
  };

  it('sends a signed Range header and returns only those bytes', async () => {
    const { s3, seen, close } = await serve(true);
    expect(await read(await s3.get('a/b', { start: 2, end: 5 }))).toBe('2345');
    expect(seen[0]!.range).toBe('bytes=2-5');
    expect(seen[0]!.signed).toContain('SignedHeaders=host;range;');
    expect(await read(await s3.get('a/b'))).toBe('0123456789abcdef');
    expect(seen[1]!.range).toBeUndefined();
    await close();
  });

  it('refuses a whole object from a store that ignored the range', async () => {
    const { s3, close } = await serve(false);
    await expect(s3.get('a/b', { start: 2, end: 5 })).rejects.toThrow(/Range ignored/);
    await close();
  });
});
