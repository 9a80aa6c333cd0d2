import { describe, expect, it } from 'vitest';
import { addressOf, buildMessage, dotStuff, encodeHeaderValue, formatMailbox, isSafeAddress } from './mime.ts';

/** Decodes "B" encoded words the way a mail reader does. */
const decode = (v: string) =>
  v
    .replace(/\r\n /g, '')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_m, b64: string) => `\u0000${b64}\u0000`)
    .split('\u0000')
    .map((part, i) => (i % 2 ? Buffer.from(part, 'base64') : Buffer.from(part, 'utf8')))
    .reduce((acc, b) => Buffer.concat([acc, b]), Buffer.alloc(0))
    .toString('utf8');

describe('encodeHeaderValue', () => {
  it('leaves plain ASCII as it is', () => {
    expect(encodeHeaderValue('Dossier TS1-2026-000001: received')).toBe('Dossier TS1-2026-000001: received');
  });

  it('encodes a Vietnamese subject in words of at most 75 characters that decode back', () => {
    const subject = 'Hồ sơ TS1-2026-000001: yêu cầu bổ sung giấy khai sinh và giấy tờ chứng minh nơi cư trú';
    const encoded = encodeHeaderValue(subject);
    for (const line of encoded.split('\r\n')) expect(line.trim().length).toBeLessThanOrEqual(75);
    expect(decode(encoded)).toBe(subject);
  });

  it('never splits a character across two words', () => {
    const encoded = encodeHeaderValue('ệ'.repeat(40));
    for (const word of encoded.split('\r\n ')) {
      const b64 = /=\?UTF-8\?B\?(.*)\?=/.exec(word)![1]!;
      expect(Buffer.from(b64, 'base64').toString('utf8')).toMatch(/^ệ+$/);
    }
  });

  it('cannot be used to inject headers', () => {
    expect(encodeHeaderValue('a\r\nBcc: x@example.com')).not.toContain('\r\nBcc');
  });
});

describe('addresses', () => {
  it('accepts one mailbox and refuses injection attempts', () => {
    expect(isSafeAddress('phuhuynh@example.com')).toBe(true);
    expect(isSafeAddress('a@example.com>\r\nRCPT TO:<b@example.com')).toBe(false);
    expect(isSafeAddress('a b@example.com')).toBe(false);
    expect(isSafeAddress('nobody')).toBe(false);
  });

  it('formats a sender with a Vietnamese display name', () => {
    expect(addressOf('Sở GDĐT <no-reply@example.vn>')).toBe('no-reply@example.vn');
    expect(formatMailbox('giaoducso <no-reply@example.vn>')).toBe('"giaoducso" <no-reply@example.vn>');
    expect(decode(formatMailbox('Sở GDĐT <no-reply@example.vn>'))).toBe('Sở GDĐT <no-reply@example.vn>');
  });
});

describe('buildMessage', () => {
  it('writes a UTF-8 text body in base64 with CRLF line endings', () => {
    const msg = buildMessage({
      from: 'no-reply@example.vn',
      to: 'a@example.com',
      subject: 'Hồ sơ',
      text: 'Dòng 1\nDòng 2',
    });
    const [head, body] = msg.split('\r\n\r\n');
    expect(head).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(head).toContain('Content-Transfer-Encoding: base64');
    expect(head).toMatch(/Date: \w{3}, \d{2} \w{3} \d{4} [\d:]{8} \+0000/);
    expect(Buffer.from(body!.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe('Dòng 1\r\nDòng 2');
  });
});

describe('dotStuff', () => {
  it('doubles a dot at the start of a line', () => {
    expect(dotStuff('.a\r\nb\r\n.\r\nc')).toBe('..a\r\nb\r\n..\r\nc');
  });
});
