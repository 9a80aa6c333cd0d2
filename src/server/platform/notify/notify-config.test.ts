import { describe, expect, it } from 'vitest';
import { parseSmtpUrl, readNotifyConfig } from './notify-config.ts';

describe('parseSmtpUrl', () => {
  it('reads STARTTLS submission with encoded credentials', () => {
    expect(parseSmtpUrl('smtp://gds%40so.vn:p%40ss%3Aw@mail.example.vn:587')).toMatchObject({
      host: 'mail.example.vn',
      port: 587,
      secure: false,
      user: 'gds@so.vn',
      pass: 'p@ss:w',
      from: 'no-reply@mail.example.vn',
    });
  });

  it('reads implicit TLS with its default port', () => {
    expect(parseSmtpUrl('smtps://mail.example.vn')).toMatchObject({ port: 465, secure: true, user: undefined });
  });

  it('refuses another scheme', () => {
    expect(() => parseSmtpUrl('http://mail.example.vn')).toThrow(/smtp:\/\//);
  });
});

describe('readNotifyConfig', () => {
  it('keeps e-mail in the outbox when SMTP_URL is unset, and trims the link base', () => {
    expect(readNotifyConfig({}, 'https://dichvucong.example.vn/')).toEqual({
      smtp: undefined,
      publicUrl: 'https://dichvucong.example.vn',
    });
  });

  it('takes the sender and the certificate policy', () => {
    const c = readNotifyConfig({
      SMTP_URL: 'smtp://relay.local:25',
      SMTP_FROM: 'Sở GDĐT <no-reply@example.vn>',
      SMTP_TLS_REJECT_UNAUTHORIZED: 'false',
    });
    expect(c.smtp).toMatchObject({ from: 'Sở GDĐT <no-reply@example.vn>', rejectUnauthorized: false, port: 25 });
  });
});
