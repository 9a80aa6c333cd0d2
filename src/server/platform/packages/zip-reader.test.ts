import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZipDirectory, readZipEntry, safeZipPath, ZipError } from './zip-reader.ts';

describe('safeZipPath', () => {
  it('keeps plain relative paths and drops a directory slash', () => {
    expect(safeZipPath('sim/js/app.js')).toBe('sim/js/app.js');
    expect(safeZipPath('sim/img/')).toBe('sim/img');
  });

  it.each(['../evil.js', 'a/../../b', '/etc/passwd', 'C:/x.js', 'a\\..\\b', 'a//b', './a', 'a/./b', 'a\u0000b'])(
    'refuses %j, which could escape the folder it is extracted to',
    (name) => {
      expect(safeZipPath(name)).toBeNull();
    },
  );
});

describe('readZipDirectory', () => {
  it('lists names, sizes and methods without inflating', () => {
    const zip = zipSync({ 'a.txt': strToU8('xin chào'), 'thư mục/b.bin': [new Uint8Array(10), { level: 0 }] });
    const entries = readZipDirectory(zip, 10);
    expect(entries.map((e) => [e.name, e.size, e.method])).toEqual([
      ['a.txt', strToU8('xin chào').length, 8],
      ['thư mục/b.bin', 10, 0],
    ]);
  });

  it('recognises a Unix symlink by its external attributes', () => {
    const zip = zipSync({ link: [strToU8('/etc/passwd'), { os: 3, attrs: 0o120777 << 16 }] });
    expect(readZipDirectory(zip, 10)[0]?.isSymlink).toBe(true);
  });

  it('refuses more entries than allowed before reading them', () => {
    const zip = zipSync({ a: strToU8('1'), b: strToU8('2'), c: strToU8('3') });
    expect(() => readZipDirectory(zip, 2)).toThrow(ZipError);
  });

  it('refuses bytes that are not a zip', () => {
    expect(() => readZipDirectory(strToU8('not a zip at all, just text long enough'), 10)).toThrow(/end of central/);
  });
});

describe('readZipEntry', () => {
  it('inflates one member and checks its CRC-32', () => {
    const text = 'Thí nghiệm ảo '.repeat(100);
    const zip = zipSync({ 'a.txt': strToU8(text), 'b.txt': strToU8('other') });
    const [a] = readZipDirectory(zip, 10);
    expect(readZipEntry(zip, a!).toString('utf8')).toBe(text);
  });

  it('stops at the declared size when a member lies about it', () => {
    const zip = zipSync({ 'big.txt': new Uint8Array(1_000_000) });
    const [entry] = readZipDirectory(zip, 10);
    expect(() => readZipEntry(zip, { ...entry!, size: 1000 })).toThrow(/inflate failed|CRC/);
  });
});
