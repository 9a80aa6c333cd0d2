import type { OtpChannel } from '../../../shared/population.schema.ts';
import type { SmsSender } from '../notify/sms.ts';
import type { EmailSender } from '../notify/smtp.ts';
import type { OtpSender } from './otp-sender.ts';

/**
 * Sends one-time codes at once, straight through the e-mail and SMS drivers, never through the
 * notification outbox: a code must not be kept anywhere in clear (only its hash is, in
 * otp_codes), and a code that arrives a minute later is useless. A channel without a driver
 * goes to `fallback` (the development LogOtpSender, which refuses in production).
 */
export class DirectOtpSender implements OtpSender {
  readonly #email: EmailSender | undefined;
  readonly #sms: SmsSender | undefined;
  readonly #fallback: OtpSender;

  constructor(opts: { email?: EmailSender | undefined; sms?: SmsSender | undefined; fallback: OtpSender }) {
    this.#email = opts.email;
    this.#sms = opts.sms;
    this.#fallback = opts.fallback;
  }

  async send(channel: OtpChannel, address: string, text: string): Promise<void> {
    if (channel === 'email' && this.#email) {
      await this.#email.send({ to: address, subject: 'Mã xác thực / Verification code – giaoducso', text });
      return;
    }
    if (channel === 'sms' && this.#sms) {
      await this.#sms.send({ to: address, text });
      return;
    }
    await this.#fallback.send(channel, address, text);
  }
}
