import { randomBytes, randomUUID } from 'node:crypto';
import type {
  OtpChannel,
  OtpPurpose,
  OtpRequestBody,
  OtpRequested,
  OtpVerified,
  OtpVerifyBody,
} from '../../../shared/population.schema.ts';
import type { Actor } from '../actor.ts';
import { sha256 } from '../auth/auth.service.ts';
import { MicroBatch } from '../db/micro-batch.ts';
import { AppError } from '../errors.ts';
import type { Platform } from '../platform.ts';
import { maskAddress, requireAddress } from './contact.ts';
import { activeDemoCode } from './demo-code.ts';
import { codeHash, keyedHash, sameDigest } from './keyed-hash.ts';
import * as repo from './otp.repository.ts';
import {
  attemptsLeft,
  codeMessage,
  codeState,
  generateCode,
  OTP_LIMITS,
  type OtpLimits,
  refuseUnusable,
} from './otp-rules.ts';
import type { OtpSender } from './otp-sender.ts';
import { serverSecret } from './server-secret.ts';

/** A verified contact, as the application endpoints see it. */
export interface OtpSession {
  id: string;
  channel: OtpChannel;
  purpose: OtpPurpose;
  /** Canonical phone (`+84…`) or lower-case e-mail, proven by the code. */
  address: string;
  expiresAt: Date;
}

type Outcome =
  | { kind: 'refused' }
  | { kind: 'wrong'; attempts: number }
  | { kind: 'ok'; token: string; expiresAt: Date };

const VERIFY_FIRST = {
  vi: 'Hãy xác thực số điện thoại hoặc thư điện tử bằng mã một lần trước.',
  en: 'Verify your phone number or e-mail with a one-time code first.',
};

/**
 * One-time codes for people without an account: a parent proves control of a phone or e-mail
 * before anything personal is shown or an application is filed. Only keyed hashes of codes,
 * addresses and client addresses are stored; throttling and attempt counting are in the
 * database, so every app node agrees. See otp-rules.ts for the figures.
 */
type SessionRow = Awaited<ReturnType<typeof repo.findSessions>>[number];

const SESSION_CACHE_MS = 10_000;
const SESSION_CACHE_MAX = 50_000;

export class OtpService {
  readonly #p: Platform;
  readonly #sender: () => OtpSender;
  readonly #limits: OtpLimits;
  readonly #sessions = new Map<string, { session: OtpSession; until: number }>();
  /** Sessions asked for together are read in one query (an opening day's many parents). */
  readonly #sessionReads = new MicroBatch<string, SessionRow | undefined>({
    run: async (hashes) => {
      const rows = await repo.findSessions(this.#p.db, hashes);
      const byHash = new Map(rows.map((r) => [r.token_hash, r]));
      return hashes.map((h) => byHash.get(h));
    },
    maxSize: 256,
    maxInFlight: 2,
  });

  constructor(platform: Platform, sender: () => OtpSender, limits?: OtpLimits) {
    this.#p = platform;
    this.#sender = sender;
    this.#limits = limits ?? {
      ...OTP_LIMITS,
      perClient: { ...OTP_LIMITS.perClient, max: platform.config.RATE_OTP_PER_IP_PER_HOUR },
    };
  }

  /** Sends a new code to the address, unless it or the client asked for too many recently. */
  async requestCode(actor: Actor, input: OtpRequestBody): Promise<OtpRequested> {
    const address = requireAddress(input.channel, input.address, actor.locale);
    const key = await serverSecret(this.#p);
    const addressHash = keyedHash(key, 'address', address);
    const clientHash = keyedHash(key, 'client', actor.ip ?? 'unknown');
    const id = randomUUID();
    const code = generateCode();
    const l = this.#limits;
    await this.#p.db.transaction().execute(async (trx) => {
      await repo.lockRequester(trx, addressHash, clientHash);
      const [byAddress, byClient] = [
        await repo.countCodesForAddress(trx, addressHash, l.perAddress.windowSeconds),
        await repo.countCodesForClient(trx, clientHash, l.perClient.windowSeconds),
      ];
      if (byAddress >= l.perAddress.max || byClient >= l.perClient.max) throw new AppError('otp.too_many');
      await repo.insertCode(trx, {
        id,
        channel: input.channel,
        purpose: input.purpose,
        addressHash,
        clientHash,
        codeHash: codeHash(key, id, code),
        ttlSeconds: l.codeTtlSeconds,
      });
      await this.#p.audit.record(trx, actor, {
        action: 'otp.request',
        entityType: 'otp_code',
        entityId: id,
        unitId: null,
        after: { channel: input.channel, purpose: input.purpose, addressHash },
      });
    });
    try {
      await this.#sender().send(input.channel, address, codeMessage(input.channel, code, l.codeTtlSeconds));
    } catch (err) {
      // The code was never delivered: retire it (it still counts towards the limits).
      await repo.markUsed(this.#p.db, id);
      this.#p.log.error({ err, codeId: id, channel: input.channel }, 'one-time code could not be sent');
      throw err instanceof AppError ? err : new AppError('service.unavailable', { cause: err });
    }
    const demoCode = activeDemoCode(this.#p.config.NODE_ENV);
    return {
      maskedAddress: maskAddress(input.channel, address),
      expiresInSeconds: l.codeTtlSeconds,
      demo: demoCode !== undefined,
      ...(demoCode && { demoCode }),
    };
  }

  /**
   * Checks a code against the newest one sent to the address for the purpose. Each try counts
   * (also the right one); after `maxAttempts` the code is locked (otp.too_many) and a new one
   * must be asked for. On success returns a token accepted for `sessionTtlSeconds`.
   */
  async verifyCode(actor: Actor, input: OtpVerifyBody): Promise<OtpVerified> {
    const address = requireAddress(input.channel, input.address, actor.locale);
    const key = await serverSecret(this.#p);
    const addressHash = keyedHash(key, 'address', address);
    const max = this.#limits.maxAttempts;
    const latest = await repo.findLatestCode(this.#p.db, addressHash, input.purpose);
    refuseUnusable(codeState(latest, max));
    const code = latest!;
    const demo = activeDemoCode(this.#p.config.NODE_ENV);
    const real = sameDigest(codeHash(key, code.id, input.code), code.code_hash);
    const match = real ? 'real' : demo !== undefined && input.code === demo ? 'demo' : 'none';
    const outcome = await this.#p.db.transaction().execute(async (trx): Promise<Outcome> => {
      const attempts = await repo.countAttempt(trx, code.id, max);
      if (attempts === undefined) return { kind: 'refused' };
      const base = { entityType: 'otp_code', entityId: code.id, unitId: null };
      if (match === 'none') {
        await this.#p.audit.record(trx, actor, {
          action: 'otp.verify_failed',
          ...base,
          after: { channel: input.channel, purpose: input.purpose, addressHash, attempts },
        });
        return { kind: 'wrong', attempts };
      }
      if (!(await repo.markUsed(trx, code.id))) return { kind: 'refused' };
      const token = randomBytes(32).toString('base64url');
      const session = await repo.insertSession(trx, {
        tokenHash: sha256(token),
        channel: input.channel,
        purpose: input.purpose,
        address,
        addressHash,
        ttlSeconds: this.#limits.sessionTtlSeconds,
      });
      await this.#p.audit.record(trx, actor, {
        action: 'otp.verify',
        ...base,
        after: {
          purpose: input.purpose,
          addressHash,
          sessionId: session.id,
          ...(match === 'demo' ? { demoCode: true } : {}),
        },
      });
      return { kind: 'ok', token, expiresAt: new Date(session.expires_at) };
    });
    if (outcome.kind === 'ok') return { token: outcome.token, expiresAt: outcome.expiresAt.toISOString() };
    if (outcome.kind === 'wrong') {
      const left = attemptsLeft(outcome.attempts, max);
      throw new AppError('otp.invalid', {
        hint: { vi: `Còn ${left} lần thử với mã này.`, en: `${left} attempt(s) left with this code.` },
      });
    }
    // Another request used or exhausted the code between our read and our update.
    refuseUnusable(codeState(await repo.findLatestCode(this.#p.db, addressHash, input.purpose), max));
    throw new AppError('otp.invalid');
  }

  /** The verified contact behind a token, for `purpose`; otherwise 401 (auth.required). */
  async resolveSession(token: string | undefined, purpose: OtpPurpose): Promise<OtpSession> {
    if (!token) throw new AppError('auth.required', { hint: VERIFY_FIRST });
    const hash = sha256(token);
    const now = Date.now();
    const hit = this.#sessions.get(hash);
    if (hit && now < hit.until) {
      if (hit.session.purpose !== purpose) throw new AppError('auth.required', { hint: VERIFY_FIRST });
      return hit.session;
    }
    const row = await this.#sessionReads.add(hash);
    if (!row || row.purpose !== purpose) throw new AppError('auth.required', { hint: VERIFY_FIRST });
    const session: OtpSession = {
      id: row.id,
      channel: row.channel,
      purpose,
      address: row.address,
      expiresAt: new Date(row.expires_at),
    };
    // Sessions are never ended early (only by expiry), so a node may keep one for a few seconds:
    // a parent's form sends several requests in a row, and an opening day many parents at once.
    if (this.#sessions.size >= SESSION_CACHE_MAX) this.#sessions.clear();
    this.#sessions.set(hash, { session, until: Math.min(now + SESSION_CACHE_MS, session.expiresAt.getTime()) });
    return session;
  }

  async purgeExpired(): Promise<void> {
    await repo.purgeExpired(this.#p.db);
  }
}
