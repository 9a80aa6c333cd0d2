import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { HttpSmsSender } from '../notify/sms-http.ts';
import type { EmailMessage } from '../notify/smtp.ts';
import { DirectOtpSender } from './direct-otp-sender.ts';
import { MemoryOtpSender } from './otp-sender.ts';

describe('DirectOtpSender', () => {
  it('sends e-mail codes through the e-mail driver and SMS codes through the SMS driver, at once', async () => {
    const mails: EmailMessage[] = [];
    const texts: { to: string; text: string }[] = [];
    const fallback = new MemoryOtpSender();
    const sender = new DirectOtpSender({
      email: { name: 'test', send: async (m) => void mails.push(m) },
      sms: { name: 'test', send: async (m) => void texts.push(m) },
      fallback,
    });
    await sender.send('email', 'me@example.invalid', 'Mã xác thực: 123456');
    await sender.send('sms', '+84905000111', 'Mã xác thực: 654321');
    expect(mails).toEqual([
      { to: 'me@example.invalid', subject: expect.stringContaining('Mã xác thực'), text: 'Mã xác thực: 123456' },
    ]);
    expect(texts).toEqual([{ to: '+84905000111', text: 'Mã xác thực: 654321' }]);
    expect(fallback.messages).toEqual([]);
  });

  it('leaves a channel without a driver to the fallback', async () => {
    const fallback = new MemoryOtpSender();
    await new DirectOtpSender({ fallback }).send('sms', '+84905000111', 'Mã: 111222');
    expect(fallback.lastCode('+84905000111')).toBe('111222');
  });
});

describe('HttpSmsSender', () => {
  it('posts the message as JSON with the token and brand name, and fails on a non-2xx answer', async () => {
    const seen: { auth: string | undefined; body: unknown }[] = [];
    let status = 200;
    const server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (c) => {
        data += c;
      });
      req.on('end', () => {
        seen.push({ auth: req.headers.authorization, body: JSON.parse(data) });
        res.statusCode = status;
        res.end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
    try {
      const sms = new HttpSmsSender({ url, token: 'secret', sender: 'SOGDDT-QNG', timeoutMs: 2_000 });
      await sms.send({ to: '+84905000111', text: 'Mã xác thực: 123456' });
      expect(seen).toEqual([
        { auth: 'Bearer secret', body: { to: '+84905000111', text: 'Mã xác thực: 123456', sender: 'SOGDDT-QNG' } },
      ]);
      status = 503;
      await expect(sms.send({ to: '+84905000111', text: 'x' })).rejects.toThrow(/503/);
    } finally {
      server.close();
    }
  });
});
