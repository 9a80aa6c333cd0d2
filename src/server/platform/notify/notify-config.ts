/**
 * Environment of the notification drivers, read here (not in platform/config.ts) until the lead
 * folds them in:
 * - SMTP_URL   smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465
 *              (TLS from the start). Unset: e-mails stay in the outbox (development).
 * - SMTP_FROM  the sender, e.g. `Sở GDĐT Quảng Ngãi <no-reply@example.gov.vn>`
 *              (default no-reply@<SMTP host>).
 * - SMTP_TLS_REJECT_UNAUTHORIZED  'false' to accept a self-signed certificate (test relays only).
 * - PUBLIC_URL the base of links in messages (already in platform/config.ts).
 */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (smtps://, port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | undefined;
  pass: string | undefined;
  from: string;
  rejectUnauthorized: boolean;
  /** Per command; a stuck relay must not hold the delivery job. */
  timeoutMs: number;
}

export interface NotifyConfig {
  smtp: SmtpConfig | undefined;
  publicUrl: string;
}

export function parseSmtpUrl(url: string, from?: string, rejectUnauthorized = true): SmtpConfig {
  const u = new URL(url);
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:')
    throw new Error(`SMTP_URL must start with smtp:// or smtps:// (${u.protocol})`);
  const secure = u.protocol === 'smtps:';
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return {
    host,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    user: u.username ? decodeURIComponent(u.username) : undefined,
    pass: u.password ? decodeURIComponent(u.password) : undefined,
    from: from || `no-reply@${host}`,
    rejectUnauthorized,
    timeoutMs: 15_000,
  };
}

export function readNotifyConfig(env: NodeJS.ProcessEnv = process.env, publicUrl?: string): NotifyConfig {
  const url = env.SMTP_URL?.trim();
  return {
    smtp: url ? parseSmtpUrl(url, env.SMTP_FROM?.trim(), env.SMTP_TLS_REJECT_UNAUTHORIZED !== 'false') : undefined,
    publicUrl: (publicUrl ?? env.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
  };
}
