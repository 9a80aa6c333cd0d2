/**
 * OTP_DEMO_CODE: a fixed 6-digit code accepted in addition to the real one, for the demo and
 * browser tests. Honoured only outside production (NODE_ENV of the process and of the config
 * both not 'production'), and still only for an address that has asked for a code: attempts,
 * expiry and throttling apply as usual. Read from process.env at each use.
 */
export const DEMO_CODE_VAR = 'OTP_DEMO_CODE';

export type DemoCodeStatus =
  | { kind: 'unset' }
  | { kind: 'active'; code: string }
  | { kind: 'ignored'; reason: 'production' | 'malformed' };

export function demoCodeStatus(configNodeEnv: string, env: NodeJS.ProcessEnv = process.env): DemoCodeStatus {
  const value = env[DEMO_CODE_VAR];
  if (value === undefined || value === '') return { kind: 'unset' };
  if (configNodeEnv === 'production' || env.NODE_ENV === 'production') return { kind: 'ignored', reason: 'production' };
  if (!/^\d{6}$/.test(value)) return { kind: 'ignored', reason: 'malformed' };
  return { kind: 'active', code: value };
}

/** The demo code when it is active, else undefined. */
export function activeDemoCode(configNodeEnv: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const status = demoCodeStatus(configNodeEnv, env);
  return status.kind === 'active' ? status.code : undefined;
}
