import { describe, expect, it } from 'vitest';
import { sniffKind, storedFilename } from './sniff.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('sniffKind', () => {
  it('recognises PDF, JPEG and PNG by their first bytes', () => {
    expect(sniffKind(Buffer.from('%PDF-1.7\n%âãÏÓ'))).toBe('pdf');
    expect(sniffKind(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10))).toBe('jpeg');
    expect(sniffKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00))).toBe('png');
  });

  it('refuses a Windows executable, text, an empty file and truncated signatures', () => {
    expect(sniffKind(Buffer.from('MZ\x90\x00\x03\x00'))).toBeNull();
    expect(sniffKind(Buffer.from('hello %PDF-'))).toBeNull();
    expect(sniffKind(bytes())).toBeNull();
    expect(sniffKind(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(sniffKind(Buffer.from('%PDF'))).toBeNull();
  });
});

describe('storedFilename', () => {
  it('keeps the base name and uses the extension of what the bytes are', () => {
    expect(storedFilename('Giấy khai sinh.pdf', 'png')).toBe('Giấy khai sinh.png');
    expect(storedFilename('scan.JPEG', 'jpeg')).toBe('scan.jpg');
  });

  it('drops folders and characters that break headers or paths', () => {
    expect(storedFilename('C:\\Users\\me\\"bad"<name>.pdf', 'pdf')).toBe('badname.pdf');
    expect(storedFilename('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
  });

  it('names a file that has no usable name', () => {
    expect(storedFilename(undefined, 'pdf')).toBe('tep-dinh-kem.pdf');
    expect(storedFilename('.pdf', 'pdf')).toBe('tep-dinh-kem.pdf');
  });

  it('stores the name in NFC', () => {
    const decomposed = 'Hoc ba\u0300.pdf'.normalize('NFD');
    expect(storedFilename(decomposed, 'pdf')).toBe('Hoc bà.pdf'.normalize('NFC'));
  });
});
