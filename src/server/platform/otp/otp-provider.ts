import { readNotifyConfig } from '../notify/notify-config.ts';
import { HttpSmsSender, readSmsConfig } from '../notify/sms-http.ts';
import { SmtpEmailSender } from '../notify/smtp.ts';
import type { Platform } from '../platform.ts';
import { DirectOtpSender } from './direct-otp-sender.ts';
import { OtpService } from './otp.service.ts';
import { LogOtpSender, type OtpSender } from './otp-sender.ts';

/**
 * Where modules get the one-time-code service of a platform, and where the sender is chosen,
 * without widening the Platform object. The sender is looked up at each send, so it can be
 * replaced after the app is built (tests; the notifier once it exists).
 */
const senders = new WeakMap<Platform, OtpSender>();
const services = new WeakMap<Platform, OtpService>();

/** Replaces the sender of this platform (`undefined` restores the default). */
export function setOtpSender(platform: Platform, sender: OtpSender | undefined): void {
  if (sender) senders.set(platform, sender);
  else senders.delete(platform);
}

/**
 * The configured sender: e-mail through SMTP_URL and SMS through SMS_HTTP_URL when set, each
 * sent at once and never stored; a channel without a driver falls back to the development
 * LogOtpSender (which refuses in production).
 */
export function getOtpSender(platform: Platform, env: NodeJS.ProcessEnv = process.env): OtpSender {
  let sender = senders.get(platform);
  if (!sender) {
    const smtp = readNotifyConfig(env, platform.config.PUBLIC_URL).smtp;
    const sms = readSmsConfig(env);
    sender = new DirectOtpSender({
      email: smtp && new SmtpEmailSender(smtp),
      sms: sms && new HttpSmsSender(sms),
      fallback: new LogOtpSender(platform.log, platform.config.NODE_ENV),
    });
    senders.set(platform, sender);
  }
  return sender;
}

/** The one OtpService of this platform (application endpoints call `resolveSession`). */
export function getOtpService(platform: Platform): OtpService {
  let service = services.get(platform);
  if (!service) {
    service = new OtpService(platform, () => getOtpSender(platform));
    services.set(platform, service);
  }
  return service;
}
