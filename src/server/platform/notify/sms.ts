import type { Logger } from '../logger.ts';

/**
 * Sends one text message; throws on failure. No provider is wired yet: Vietnamese carriers need
 * a registered brand name (Nghị định 91/2020/NĐ-CP on spam messages), contracted per province.
 * A provider implements this interface and is passed to OutboxNotifier.
 */
export interface SmsSender {
  readonly name: string;
  send(message: { to: string; text: string }): Promise<void>;
}

/** Writes the message to the log instead of sending it (development, demo). Masks the number. */
export class LogSmsSender implements SmsSender {
  readonly name = 'sms-log';
  readonly #log: Logger;

  constructor(log: Logger) {
    this.#log = log;
  }

  async send(m: { to: string; text: string }): Promise<void> {
    this.#log.info(
      { to: `${m.to.slice(0, 3)}****${m.to.slice(-3)}`, length: m.text.length },
      'SMS (not sent: no provider)',
    );
  }
}
