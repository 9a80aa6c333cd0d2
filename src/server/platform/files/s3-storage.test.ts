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
