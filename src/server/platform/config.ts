import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every environment variable the platform reads, validated at start.
 * The README's "Configuration" table mirrors this schema: keep them together.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
  DEMO_PASSWORD: z.string().min(10).default('GiaoDucSo@2026'),
  TRUST_PROXY: bool.default(false),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_IP_MAX_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(30),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  STORAGE_DIR: z.string().optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  JOBS: bool.default(true),
  // Read by platform/notify (notify-config.ts): e-mail delivery; unset keeps e-mails in the outbox.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'smtp://user:pass@host:587 or smtps://…:465')
    .optional(),
  SMTP_FROM: z.string().optional(),
  SMTP_TLS_REJECT_UNAUTHORIZED: bool.default(true),
  // Read by platform/notify (sms-http.ts): an SMS gateway taking POST {to, text, sender} JSON.
  SMS_HTTP_URL: z.url().optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  SMS_SENDER: z.string().max(11).optional(),
  // Read by platform/otp (demo-code.ts): a fixed one-time code accepted outside production (demo, tests).
  OTP_DEMO_CODE: z
    .string()
    .regex(/^\d{6}$/, '6 digits')
    .optional(),
  // Per client address (behind TRUST_PROXY, the forwarded one): public forms of children's data.
  // Raise them for a load test from one address, or where many families share one NAT address.
  RATE_OTP_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(20),
  RATE_REGISTRY_LOOKUPS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(30),
  RATE_RESULT_LOOKUPS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  RATE_DIPLOMA_VERIFY_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(20),
  // Read by platform/uploads (uploads-config.ts): resumable (tus) uploads.
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 42)
    .default(2 * 1024 ** 3),
  UPLOAD_MAX_IN_PROGRESS: z.coerce.number().int().min(1).max(1000).default(5),
  UPLOAD_EXPIRY_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  // Read by platform/signing (signing.ts): the Sở's PKCS#12 for signing issued PDFs (PAdES). Unset:
  // a demo certificate under DATA_DIR/signing outside production; in production signing refuses.
  SIGNING_P12_PATH: z.string().min(1).optional(),
  SIGNING_P12_PASSWORD: z.string().optional(),
  // A PEM bundle of trusted CA certificates for verifying signed PDFs (the signing file's own root is trusted too).
  SIGNING_TRUSTED_CERTS: z.string().min(1).optional(),
  // Read by the archive's backup:replicate commands (archive-backup.command.ts): at least two
  // independent destinations (Thông tư 02/2019/TT-BNV), comma-separated absolute directories or s3://bucket/prefix.
  BACKUP_DESTINATIONS: z.string().min(1).optional(),
  WEB_DIST: z.string().default('./dist/web'),
});

export type Config = Omit<z.infer<typeof EnvSchema>, 'DATA_DIR' | 'STORAGE_DIR' | 'WEB_DIST'> & {
  DATA_DIR: string;
  STORAGE_DIR: string;
  WEB_DIST: string;
};

export class ConfigError extends Error {}

/** Reads and validates the environment; relative paths resolve against the working directory. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=` in an env file) means unset.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Cấu hình không hợp lệ / Invalid configuration:\n${lines}`);
  }
  const c = parsed.data;
  if (c.STORAGE_DRIVER === 's3' && (!c.S3_BUCKET || !c.S3_ACCESS_KEY_ID || !c.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError(
      'Cấu hình không hợp lệ / Invalid configuration:\n  STORAGE_DRIVER=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY',
    );
  }
  const dataDir = path.resolve(c.DATA_DIR);
  return {
    ...c,
    DATA_DIR: dataDir,
    STORAGE_DIR: path.resolve(c.STORAGE_DIR ?? path.join(dataDir, 'files')),
    WEB_DIST: path.resolve(c.WEB_DIST),
  };
}
