import net from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/platform/logger.ts';
import { createNotifier, type Notification, OutboxNotifier } from '../../src/server/platform/notify/notify.ts';
import { parseSmtpUrl } from '../../src/server/platform/notify/notify-config.ts';
import { SmtpEmailSender } from '../../src/server/platform/notify/smtp.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

interface Received {
  auth: string[];
  mailFrom: string;
  rcptTo: string;
  data: string;
}

/** A tiny SMTP server on 127.0.0.1 (RFC 5321 happy path, AUTH PLAIN or LOGIN, no TLS). */
function startSmtpServer(opts: { auth: 'PLAIN' | 'LOGIN'; rejectRcpt?: boolean }) {
  const messages: Received[] = [];
  const server = net.createServer((socket) => {
    const m: Received = { auth: [], mailFrom: '', rcptTo: '', data: '' };
    let buffer = '';
    let mode: 'command' | 'data' | 'login-user' | 'login-pass' = 'command';
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 test.invalid ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (mode === 'data') {
          if (line === '.') {
            mode = 'command';
            messages.push(m);
            reply('250 2.0.0 queued');
          } else m.data += `${line.startsWith('..') ? line.slice(1) : line}\r\n`;
        } else if (mode === 'login-user') {
          m.auth.push(Buffer.from(line, 'base64').toString('utf8'));
          mode = 'login-pass';
          reply('334 UGFzc3dvcmQ6');
        } else if (mode === 'login-pass') {
          m.auth.push(Buffer.from(line, 'base64').toString('utf8'));
          mode = 'command';
          reply('235 2.7.0 ok');
        } else if (/^EHLO /i.test(line)) {
          socket.write(`250-test.invalid\r\n250-AUTH ${opts.auth}\r\n250 8BITMIME\r\n`);
        } else if (/^AUTH PLAIN /i.test(line)) {
          m.auth.push(Buffer.from(line.slice(11), 'base64').toString('utf8'));
          reply('235 2.7.0 ok');
        } else if (/^AUTH LOGIN$/i.test(line)) {
          mode = 'login-user';
          reply('334 VXNlcm5hbWU6');
        } else if (/^MAIL FROM:/i.test(line)) {
          m.mailFrom = line.slice(10);
          reply('250 ok');
        } else if (/^RCPT TO:/i.test(line)) {
          m.rcptTo = line.slice(8);
          reply(opts.rejectRcpt ? '550 5.1.1 no such user' : '250 ok');
        } else if (/^DATA$/i.test(line)) {
          mode = 'data';
          reply('354 end with .');
        } else if (/^QUIT$/i.test(line)) {
          reply('221 bye');
          socket.end();
        } else reply('502 unknown');
      }
    });
  });
  return new Promise<{ port: number; messages: Received[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({ port, messages, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** The Subject header as a mail reader shows it (RFC 2047 words decoded, folding undone). */
function subjectOf(data: string): string {
  const head = data.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]/g, ' ');
  const raw = /^Subject: (.*)$/m.exec(head)![1]!;
  return raw
    .replace(/\?= =\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_m, b64: string) => `\u0001${b64}\u0001`)
    .split('\u0001')
    .map((p, i) => (i % 2 ? Buffer.from(p, 'base64') : Buffer.from(p)))
    .reduce((a, b) => Buffer.concat([a, b]), Buffer.alloc(0))
    .toString('utf8');
}
const bodyOf = (data: string) =>
  Buffer.from(data.split('\r\n\r\n')[1]!.replace(/\r\n/g, ''), 'base64').toString('utf8');

const SUBJECT = 'Hồ sơ TS1-2026-000001: Yêu cầu bổ sung — Trường Tiểu học Đăk Hà, xã Đăk Hà';

describe('SMTP driver', () => {
  it('delivers a UTF-8 Vietnamese subject and body with AUTH PLAIN', async () => {
    const srv = await startSmtpServer({ auth: 'PLAIN' });
    const sender = new SmtpEmailSender(
      parseSmtpUrl(
        `smtp://gds%40example.vn:m%E1%BA%ADt-kh%E1%BA%A9u@127.0.0.1:${srv.port}`,
        'Sở GDĐT Quảng Ngãi <no-reply@example.vn>',
      ),
    );
    await sender.send({
      to: 'phuhuynh@example.com',
      subject: SUBJECT,
      text: 'Kính gửi Quý ông/bà,\n\nHồ sơ đã được tiếp nhận.',
    });
    await srv.close();
    expect(srv.messages).toHaveLength(1);
    const m = srv.messages[0]!;
    expect(m.auth).toEqual(['\u0000gds@example.vn\u0000mật-khẩu']);
    expect(m.mailFrom).toBe('<no-reply@example.vn>');
    expect(m.rcptTo).toBe('<phuhuynh@example.com>');
    expect(subjectOf(m.data)).toBe(SUBJECT);
    expect(bodyOf(m.data)).toBe('Kính gửi Quý ông/bà,\r\n\r\nHồ sơ đã được tiếp nhận.');
    expect(m.data).toContain('Content-Type: text/plain; charset=UTF-8');
  });

  it('falls back to AUTH LOGIN', async () => {
    const srv = await startSmtpServer({ auth: 'LOGIN' });
    await new SmtpEmailSender(parseSmtpUrl(`smtp://user:secret@127.0.0.1:${srv.port}`)).send({
      to: 'a@example.com',
      subject: 'Đã duyệt',
      text: 'ok',
    });
    await srv.close();
    expect(srv.messages[0]!.auth).toEqual(['user', 'secret']);
    expect(srv.messages[0]!.mailFrom).toBe('<no-reply@127.0.0.1>');
  });

  it("fails with the server's answer when a recipient is refused", async () => {
    const srv = await startSmtpServer({ auth: 'PLAIN', rejectRcpt: true });
    const sender = new SmtpEmailSender(parseSmtpUrl(`smtp://127.0.0.1:${srv.port}`));
    await expect(sender.send({ to: 'nobody@example.com', subject: 'x', text: 'x' })).rejects.toThrow(/550/);
    await srv.close();
  });

  it('refuses a recipient that would inject SMTP commands', async () => {
    const sender = new SmtpEmailSender(parseSmtpUrl('smtp://127.0.0.1:1'));
    await expect(
      sender.send({ to: 'a@example.com>\r\nRCPT TO:<b@example.com', subject: 'x', text: 'x' }),
    ).rejects.toThrow(/invalid recipient/);
  });
});

describe('outbox', () => {
  let ctx: TestContext;
  const log = createLogger('silent');
  const note: Notification = {
    to: { email: 'phuhuynh@example.com', phone: '0905123456' },
    template: 'dossier.submit',
    locale: 'vi',
    data: {
      code: 'TS1-2026-000042',
      procedureName: { vi: 'Tuyển sinh vào lớp 1', en: 'Admission to grade 1' },
      state: 'submitted',
      dueAt: '2026-12-01T16:59:59.999Z',
      link: 'http://localhost:3000/tra-cuu-ho-so?ma=TS1-2026-000042',
    },
  };
  const rows = () => ctx.platform.db.selectFrom('notification_outbox').selectAll().orderBy('id').execute();

  beforeAll(async () => {
    ctx = await createTestContext({ demo: false });
  });
  afterAll(() => ctx.close());

  it('keeps nothing when the change it announces rolls back', async () => {
    const n = new OutboxNotifier({ db: ctx.platform.db, access: ctx.platform.access, log });
    await expect(
      ctx.platform.db.transaction().execute(async (trx) => {
        await n.send(note, trx);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rows()).toHaveLength(0);
  });

  it('sends due e-mails through SMTP, SMS to the log, and marks them', async () => {
    const srv = await startSmtpServer({ auth: 'PLAIN' });
    const n = createNotifier(ctx.platform, {
      SMTP_URL: `smtp://u:p@127.0.0.1:${srv.port}`,
      SMTP_FROM: 'no-reply@example.vn',
    });
    await n.send(note);
    expect(await n.deliverPending()).toEqual({ sent: 2, failed: 0 });
    expect(await n.deliverPending()).toEqual({ sent: 0, failed: 0 });
    await srv.close();
    expect(subjectOf(srv.messages[0]!.data)).toBe('Hồ sơ TS1-2026-000042: Đã tiếp nhận');
    expect(bodyOf(srv.messages[0]!.data)).toContain('Thời hạn giải quyết: 01/12/2026.');
    const all = await rows();
    expect(all.map((r) => [r.channel, r.delivered_by, r.attempts])).toEqual([
      ['email', 'smtp', 1],
      ['sms', 'sms-log', 1],
    ]);
    expect(all.every((r) => r.sent_at !== null)).toBe(true);
  });

  it('records a failure and tries again later', async () => {
    await sql`DELETE FROM notification_outbox`.execute(ctx.platform.db);
    const srv = await startSmtpServer({ auth: 'PLAIN', rejectRcpt: true });
    const n = createNotifier(ctx.platform, { SMTP_URL: `smtp://127.0.0.1:${srv.port}` });
    await n.send({ ...note, to: { email: 'nobody@example.com' } });
    expect(await n.deliverPending()).toEqual({ sent: 0, failed: 1 });
    await srv.close();
    const [row] = await rows();
    expect(row).toMatchObject({ sent_at: null, attempts: 1 });
    expect(row!.error).toMatch(/550/);
    expect(row!.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
    expect(await n.deliverPending()).toEqual({ sent: 0, failed: 0 });
  });

  it('is the delivery itself when no SMTP server is configured', async () => {
    await sql`DELETE FROM notification_outbox`.execute(ctx.platform.db);
    const n = createNotifier(ctx.platform, {});
    await n.send({ ...note, to: { email: 'phuhuynh@example.com' } });
    expect(await n.deliverPending()).toEqual({ sent: 1, failed: 0 });
    expect((await rows())[0]).toMatchObject({ delivered_by: 'outbox' });
  });
});
