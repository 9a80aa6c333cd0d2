import net from 'node:net';
import os from 'node:os';
import tls from 'node:tls';
import { addressOf, buildMessage, dotStuff, isSafeAddress } from './mime.ts';
import type { SmtpConfig } from './notify-config.ts';
import { SmtpReplies, type SmtpReply } from './smtp-replies.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Delivers one e-mail; throws on failure (the outbox records the error and retries). */
export interface EmailSender {
  readonly name: string;
  send(message: EmailMessage): Promise<void>;
}

type Sock = net.Socket | tls.TLSSocket;

const isLoopback = (host: string) => host === 'localhost' || (net.isIP(host) !== 0 && /^(127\.|::1$)/.test(host));

/**
 * A minimal SMTP client (RFC 5321) on node:net/tls, without dependencies: EHLO, STARTTLS when
 * offered (RFC 3207), AUTH PLAIN (RFC 4616) or LOGIN, MAIL FROM, RCPT TO, DATA, QUIT. One
 * connection per message: notifications are few, and a fresh session keeps failures apart.
 * Credentials are never sent in clear text except to a relay on this machine.
 */
export class SmtpEmailSender implements EmailSender {
  readonly name = 'smtp';
  readonly #c: SmtpConfig;

  constructor(config: SmtpConfig) {
    this.#c = config;
  }

  async send(m: EmailMessage): Promise<void> {
    const from = addressOf(this.#c.from);
    if (!isSafeAddress(m.to)) throw new Error('invalid recipient address');
    if (!isSafeAddress(from)) throw new Error('invalid SMTP_FROM address');
    const message = buildMessage({ from: this.#c.from, to: m.to, subject: m.subject, text: m.text });
    const session = await this.#connect();
    try {
      await session.expect(220);
      let ext = await session.ehlo();
      if (!this.#c.secure && ext.has('STARTTLS')) {
        await session.command('STARTTLS', 220);
        await session.upgrade(this.#c);
        ext = await session.ehlo();
      }
      if (this.#c.user !== undefined) {
        if (!session.encrypted && !isLoopback(this.#c.host))
          throw new Error('the SMTP server offers no TLS; refusing to send the password in clear text');
        await this.#authenticate(session, ext);
      }
      await session.command(`MAIL FROM:<${from}>`, 250);
      await session.command(`RCPT TO:<${m.to}>`, 250, 251);
      await session.command('DATA', 354);
      await session.command(`${dotStuff(message)}.`, 250);
      await session.command('QUIT', 221).catch(() => {});
    } finally {
      session.close();
    }
  }

  async #authenticate(s: SmtpSession, ext: Map<string, string>): Promise<void> {
    const methods = (ext.get('AUTH') ?? '').toUpperCase().split(/\s+/);
    const user = this.#c.user ?? '';
    const pass = this.#c.pass ?? '';
    if (methods.includes('PLAIN')) {
      await s.command(`AUTH PLAIN ${Buffer.from(`\u0000${user}\u0000${pass}`, 'utf8').toString('base64')}`, 235);
    } else if (methods.includes('LOGIN')) {
      await s.command('AUTH LOGIN', 334);
      await s.command(Buffer.from(user, 'utf8').toString('base64'), 334);
      await s.command(Buffer.from(pass, 'utf8').toString('base64'), 235);
    } else {
      throw new Error('the SMTP server offers neither AUTH PLAIN nor AUTH LOGIN');
    }
  }

  #connect(): Promise<SmtpSession> {
    const c = this.#c;
    return new Promise((resolve, reject) => {
      const opts = { host: c.host, port: c.port };
      const socket: Sock = c.secure
        ? tls.connect({
            ...opts,
            servername: net.isIP(c.host) ? undefined : c.host,
            rejectUnauthorized: c.rejectUnauthorized,
          })
        : net.connect(opts);
      socket.setTimeout(c.timeoutMs, () => socket.destroy(new Error('SMTP timeout')));
      socket.once('error', reject);
      socket.once(c.secure ? 'secureConnect' : 'connect', () => {
        socket.off('error', reject);
        resolve(new SmtpSession(socket, c.secure));
      });
    });
  }
}

/** One SMTP conversation: commands and their replies in order. */
class SmtpSession {
  #socket: Sock;
  #replies = new SmtpReplies();
  encrypted: boolean;

  constructor(socket: Sock, encrypted: boolean) {
    this.#socket = socket;
    this.encrypted = encrypted;
    this.#bind(socket);
  }

  #bind(socket: Sock): void {
    socket.on('data', (chunk: Buffer) => this.#replies.feed(chunk));
    socket.on('error', (err) => this.#replies.fail(err));
    socket.on('close', () => this.#replies.fail(new Error('SMTP connection closed')));
  }

  async expect(...codes: number[]): Promise<SmtpReply> {
    const reply = await this.#replies.next();
    if (!codes.includes(reply.code)) throw new Error(`SMTP ${reply.code} ${reply.lines.join(' ').slice(0, 300)}`);
    return reply;
  }

  async command(line: string, ...codes: number[]): Promise<SmtpReply> {
    this.#socket.write(`${line}\r\n`);
    return this.expect(...codes);
  }

  /** EHLO; the extensions the server announces (keyword → parameters). */
  async ehlo(): Promise<Map<string, string>> {
    const reply = await this.command(`EHLO ${os.hostname().replace(/[^A-Za-z0-9.-]/g, '') || 'localhost'}`, 250);
    const ext = new Map<string, string>();
    for (const l of reply.lines.slice(1)) {
      const [key, ...rest] = l.split(' ');
      ext.set((key ?? '').toUpperCase(), rest.join(' '));
    }
    return ext;
  }

  /** STARTTLS: the same TCP connection, now inside TLS; the server forgets the session state. */
  upgrade(c: SmtpConfig): Promise<void> {
    const raw = this.#socket;
    raw.removeAllListeners('data');
    raw.removeAllListeners('error');
    raw.removeAllListeners('close');
    return new Promise((resolve, reject) => {
      const secure = tls.connect({
        socket: raw,
        servername: net.isIP(c.host) ? undefined : c.host,
        rejectUnauthorized: c.rejectUnauthorized,
      });
      secure.once('error', reject);
      secure.once('secureConnect', () => {
        secure.off('error', reject);
        this.#socket = secure;
        this.encrypted = true;
        this.#replies = new SmtpReplies();
        this.#bind(secure);
        resolve();
      });
    });
  }

  close(): void {
    this.#socket.destroy();
  }
}
