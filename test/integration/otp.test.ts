import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setOtpSender } from '../../src/server/platform/otp/otp-provider.ts';
import { MemoryOtpSender } from '../../src/server/platform/otp/otp-sender.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
const sender = new MemoryOtpSender();
beforeAll(async () => {
  ctx = await createTestContext();
  setOtpSender(ctx.platform, sender);
});
afterAll(() => ctx.close());
afterEach(() => {
  sender.failWith = undefined;
  delete process.env.OTP_DEMO_CODE;
});

const purpose = 'admissions.apply';
const post = (url: string, payload: object, ip: string) =>
  ctx.app.inject({ method: 'POST', url, payload, remoteAddress: ip });
const request = (address: string, ip: string, channel = 'sms') =>
  post('/api/public/otp/request', { channel, address, purpose }, ip);
const verify = (address: string, code: string, ip: string, channel = 'sms') =>
  post('/api/public/otp/verify', { channel, address, purpose, code }, ip);
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** Every row of a table as text, to prove a value never reached it. */
async function dump(table: 'otp_codes' | 'otp_sessions' | 'audit_log' | 'notification_outbox'): Promise<string> {
  const { rows } = await sql<{
    t: string;
  }>`SELECT coalesce(string_agg(to_jsonb(x)::text, ' '), '') AS t FROM ${sql.table(table)} x`.execute(ctx.platform.db);
  return rows[0]!.t;
}

/** Moves the newest code of the database into the past (the test clock is the database's). */
async function expireNewestCode() {
  await sql`UPDATE otp_codes SET expires_at = now() - interval '1 second'
    WHERE id = (SELECT id FROM otp_codes ORDER BY created_at DESC LIMIT 1)`.execute(ctx.platform.db);
}

describe('POST /api/public/otp/request', () => {
  it('sends a 6-digit code to the canonical phone and keeps only hashes of code and phone', async () => {
    const res = await request('0905 123 001', '10.1.1.1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ maskedAddress: '090****001', expiresInSeconds: 300, demo: false });
    const code = sender.lastCode('+84905123001');
    expect(code).toMatch(/^\d{6}$/);
    const stored = await dump('otp_codes');
    expect(stored).not.toContain('905123001');
    expect(stored).not.toContain(`"${code}"`);
    const audit = await dump('audit_log');
    expect(audit).toContain('otp.request');
    expect(audit).not.toContain('905123001');
    // Sent at once by the sender, never queued in the notification outbox.
    expect(await dump('notification_outbox')).not.toContain(code);
  });

  it('lower-cases an e-mail address', async () => {
    expect((await request('  Phu.Huynh@Mail.Example.VN ', '10.1.1.2', 'email')).statusCode).toBe(200);
    expect(sender.lastCode('phu.huynh@mail.example.vn')).toMatch(/^\d{6}$/);
  });

  it('refuses an address that is not a Vietnamese mobile number or an e-mail, in the one error shape', async () => {
    const res = await request('0255 3822 123', '10.1.1.3');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('request.invalid');
    expect(res.json().error.details[0].path).toBe('body.address');
    expect((await request('not-an-email', '10.1.1.3', 'email')).statusCode).toBe(400);
  });

  it('sends at most 3 codes to one phone in 10 minutes, whatever the client', async () => {
    for (let i = 0; i < 3; i++) expect((await request('0905123002', `10.1.2.${i}`)).statusCode).toBe(200);
    const fourth = await request('+84 905 123 002', '10.1.2.9');
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe('otp.too_many');
    expect((await request('0905123003', '10.1.2.9')).statusCode).toBe(200);
  });

  it('sends at most 20 codes to one client address in an hour', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await request(`09051240${String(i).padStart(2, '0')}`, '10.1.3.1')).statusCode).toBe(200);
    }
    const next = await request('0905124099', '10.1.3.1');
    expect(next.statusCode).toBe(429);
    expect(next.json().error.code).toBe('otp.too_many');
    expect((await request('0905124099', '10.1.3.2')).statusCode).toBe(200);
  });

  it('retires the code and answers 503 when the message cannot be sent', async () => {
    sender.failWith = new Error('gateway down');
    const res = await request('0905123004', '10.1.4.1');
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('service.unavailable');
    const { rows } = await sql<{ used: boolean }>`SELECT used_at IS NOT NULL AS used FROM otp_codes
      ORDER BY created_at DESC LIMIT 1`.execute(ctx.platform.db);
    expect(rows[0]!.used).toBe(true);
  });
});

describe('POST /api/public/otp/verify', () => {
  it('returns a token for the right code, once', async () => {
    await request('0905123101', '10.2.1.1');
    const code = sender.lastCode('+84905123101')!;
    const ok = await verify('0905123101', code, '10.2.1.1');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().token.length).toBeGreaterThanOrEqual(40);
    expect(new Date(ok.json().expiresAt).getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect(await dump('otp_sessions')).not.toContain(ok.json().token);
    const again = await verify('0905123101', code, '10.2.1.1');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('otp.invalid');
  });

  it('counts wrong codes: 5 tries give otp.invalid, the 6th otp.too_many even with the right code', async () => {
    await request('0905123102', '10.2.2.1');
    const code = sender.lastCode('+84905123102')!;
    for (let i = 1; i <= 5; i++) {
      const res = await verify('0905123102', wrong(code), '10.2.2.1');
      expect(res.statusCode, `try ${i}`).toBe(400);
      expect(res.json().error.code).toBe('otp.invalid');
      expect(res.json().error.messages.en).toContain(`${5 - i} attempt(s) left`);
    }
    const sixth = await verify('0905123102', code, '10.2.2.1');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('otp.too_many');
  });

  it('audits failed tries with the hashed phone only', async () => {
    await request('0905123103', '10.2.3.1');
    await verify('0905123103', wrong(sender.lastCode('+84905123103')!), '10.2.3.1');
    const { rows } = await sql<{ after: { addressHash: string; attempts: number } }>`SELECT after FROM audit_log
      WHERE action = 'otp.verify_failed' ORDER BY id DESC LIMIT 1`.execute(ctx.platform.db);
    expect(rows[0]!.after.addressHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.after.attempts).toBe(1);
    expect(await dump('audit_log')).not.toContain('905123103');
  });

  it('refuses an expired code', async () => {
    await request('0905123104', '10.2.4.1');
    const code = sender.lastCode('+84905123104')!;
    await expireNewestCode();
    const res = await verify('0905123104', code, '10.2.4.1');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('otp.invalid');
  });

  it('accepts only the newest code of an address', async () => {
    await request('0905123105', '10.2.5.1');
    const first = sender.lastCode('+84905123105')!;
    await request('0905123105', '10.2.5.1');
    const second = sender.lastCode('+84905123105')!;
    if (first !== second) expect((await verify('0905123105', first, '10.2.5.1')).statusCode).toBe(400);
    expect((await verify('0905123105', second, '10.2.5.1')).statusCode).toBe(200);
  });

  it('does not accept a code for another purpose', async () => {
    await request('0905123106', '10.2.6.1');
    const code = sender.lastCode('+84905123106')!;
    const res = await post(
      '/api/public/otp/verify',
      { channel: 'sms', address: '0905123106', purpose: 'dossiers.track', code },
      '10.2.6.1',
    );
    expect(res.json().error.code).toBe('otp.invalid');
  });

  it('accepts OTP_DEMO_CODE outside production, but only for an address that asked for a code', async () => {
    process.env.OTP_DEMO_CODE = '246810';
    expect((await verify('0905123107', '246810', '10.2.7.1')).json().error.code).toBe('otp.invalid');
    await request('0905123107', '10.2.7.1');
    const res = await verify('0905123107', '246810', '10.2.7.1');
    expect(res.statusCode).toBe(200);
    const { rows } = await sql<{ after: { demoCode?: boolean } }>`SELECT after FROM audit_log
      WHERE action = 'otp.verify' ORDER BY id DESC LIMIT 1`.execute(ctx.platform.db);
    expect(rows[0]!.after.demoCode).toBe(true);
  });

  it('refuses the demo code when it is not set', async () => {
    await request('0905123108', '10.2.8.1');
    const code = sender.lastCode('+84905123108')!;
    const fixed = code === '246810' ? '135790' : '246810';
    expect((await verify('0905123108', fixed, '10.2.8.1')).statusCode).toBe(400);
  });

  it('validates the code format', async () => {
    const res = await verify('0905123109', '12ab56', '10.2.9.1');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('request.invalid');
  });
});
