import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LogOtpSender, MemoryOtpSender } from './otp-sender.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

describe('LogOtpSender', () => {
  it('writes the code to the log outside production, with the address masked', async () => {
    const { log, lines } = capture();
    await new LogOtpSender(log, 'development').send('sms', '+84905123456', 'Ma xac thuc giaoducso: 042517.');
    expect(lines.join('')).toContain('042517');
    expect(lines.join('')).toContain('DEVELOPMENT ONLY');
    expect(lines.join('')).not.toContain('905123456');
  });

  it('refuses in production and never logs the code', async () => {
    const { log, lines } = capture();
    const send = new LogOtpSender(log, 'production').send('sms', '+84905123456', 'Ma xac thuc giaoducso: 042517.');
    await expect(send).rejects.toMatchObject({ code: 'service.unavailable' });
    expect(lines.join('')).not.toContain('042517');
  });
});

describe('MemoryOtpSender', () => {
  it('returns the newest code sent to an address', async () => {
    const sender = new MemoryOtpSender();
    await sender.send('sms', '+84905123456', 'code 111111');
    await sender.send('sms', '+84905000000', 'code 222222');
    await sender.send('sms', '+84905123456', 'code 333333');
    expect(sender.lastCode('+84905123456')).toBe('333333');
    expect(sender.lastCode('+84912345678')).toBeUndefined();
  });
});
