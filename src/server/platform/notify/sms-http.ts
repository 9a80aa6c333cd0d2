import type { SmsSender } from './sms.ts';

export interface HttpSmsConfig {
  /** The gateway's endpoint: receives POST {"to","text","sender"} as JSON. */
  url: string;
  /** Sent as `Authorization: Bearer …` when set. */
  token: string | undefined;
  /** The registered brand name (Nghị định 91/2020/NĐ-CP), e.g. `SOGDDT-QNG`. */
  sender: string | undefined;
  timeoutMs: number;
}

/**
 * An SMS gateway over HTTP: one JSON POST per message, any 2xx is success. Vietnamese carriers'
 * brand-name gateways differ in their formats; a small relay (or the gateway's own JSON API)
 * takes this request shape. The text is never logged (it may carry a one-time code).
 */
export class HttpSmsSender implements SmsSender {
  readonly name = 'sms-http';
  readonly #c: HttpSmsConfig;

  constructor(config: HttpSmsConfig) {
    this.#c = config;
  }

  async send(m: { to: string; text: string }): Promise<void> {
    const res = await fetch(this.#c.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        ...(this.#c.token && { authorization: `Bearer ${this.#c.token}` }),
      },
      body: JSON.stringify({ to: m.to, text: m.text, ...(this.#c.sender && { sender: this.#c.sender }) }),
      signal: AbortSignal.timeout(this.#c.timeoutMs),
    });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`SMS gateway answered HTTP ${res.status}`);
  }
}

/** The gateway configured by SMS_HTTP_URL (SMS_HTTP_TOKEN, SMS_SENDER), or none. */
export function readSmsConfig(env: NodeJS.ProcessEnv = process.env): HttpSmsConfig | undefined {
  const url = env.SMS_HTTP_URL?.trim();
  if (!url) return undefined;
  return {
    url,
    token: env.SMS_HTTP_TOKEN?.trim() || undefined,
    sender: env.SMS_SENDER?.trim() || undefined,
    timeoutMs: 10_000,
  };
}
