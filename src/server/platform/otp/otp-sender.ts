import type { OtpChannel } from '../../../shared/population.schema.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { maskAddress } from './contact.ts';

/**
 * Delivers the message carrying a one-time code. The real driver (SMS gateway, SMTP, through
 * the notification outbox) is connected with `setOtpSender(platform, sender)` (otp-provider.ts).
 * `address` is canonical: `+84xxxxxxxxx` or a lower-case e-mail.
 */
export interface OtpSender {
  send(channel: OtpChannel, address: string, text: string): Promise<void>;
}

/**
 * Development stand-in: writes the code to the log instead of sending it. Never in production:
 * there it logs an error (without the code) and refuses, so a missing driver is noticed at the
 * first request rather than by parents waiting for an SMS that never comes.
 */
export class LogOtpSender implements OtpSender {
  readonly #log: Logger;
  readonly #production: boolean;

  constructor(log: Logger, nodeEnv: string) {
    this.#log = log;
    this.#production = nodeEnv === 'production' || process.env.NODE_ENV === 'production';
  }

  async send(channel: OtpChannel, address: string, text: string): Promise<void> {
    const to = maskAddress(channel, address);
    if (this.#production) {
      this.#log.error({ channel, to }, 'no one-time-code sender is configured: the code was not delivered');
      throw new AppError('service.unavailable');
    }
    const code = /\b\d{6}\b/.exec(text)?.[0];
    this.#log.info(
      { channel, to, code },
      'DEVELOPMENT ONLY: one-time code written to the log instead of being sent (no SMS/e-mail sender configured)',
    );
  }
}

export interface SentOtpMessage {
  channel: OtpChannel;
  address: string;
  text: string;
}

/** Keeps messages in memory, for tests: `lastCode(address)` reads the code a parent would get. */
export class MemoryOtpSender implements OtpSender {
  readonly messages: SentOtpMessage[] = [];
  /** When set, `send` throws it (a gateway failure). */
  failWith: Error | undefined;

  async send(channel: OtpChannel, address: string, text: string): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.messages.push({ channel, address, text });
  }

  /** The 6-digit code of the newest message to the canonical `address`. */
  lastCode(address: string): string | undefined {
    const last = this.messages.findLast((m) => m.address === address);
    return last ? /\b\d{6}\b/.exec(last.text)?.[0] : undefined;
  }
}
