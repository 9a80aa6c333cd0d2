import type { Platform } from '../platform.ts';
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

/** The configured sender, or the development LogOtpSender (which refuses in production). */
export function getOtpSender(platform: Platform): OtpSender {
  let sender = senders.get(platform);
  if (!sender) {
    sender = new LogOtpSender(platform.log, platform.config.NODE_ENV);
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
