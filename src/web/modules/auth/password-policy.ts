/**
 * The password policy the server enforces (auth.weak_password): at least 10 characters,
 * with letters and digits, different from the current one. Checked here first to save a
 * round trip; the server stays the authority.
 */
export type PasswordProblem = 'length' | 'letters' | 'digits' | 'same';

export const MIN_PASSWORD_LENGTH = 10;

/** The first rule the new password breaks, or null. */
export function checkPasswordPolicy(password: string, current = ''): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'length';
  if (!/\p{L}/u.test(password)) return 'letters';
  if (!/\p{Nd}/u.test(password)) return 'digits';
  if (current && password === current) return 'same';
  return null;
}
