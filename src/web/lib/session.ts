import { useQuery } from '@tanstack/react-query';
import type { Me, Session } from '../../shared/auth.schema.ts';
import { ApiError, apiFetch, setCsrfToken } from './api.ts';

export const sessionKey = ['session'] as const;

/** GET /api/auth/me; null when nobody is signed in. Keeps the csrf token for later writes. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await apiFetch<Session>('/api/auth/me', { quietAuth: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'auth.required') {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The current session (cached; refreshed after login, logout and password change). */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/** The signed-in user; only for components rendered under RequireAuth. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error('useMe() used outside RequireAuth');
  return data.user;
}

/** One permission, or a list of which any one suffices. */
export type PermissionNeed = string | readonly string[];

/**
 * Whether the user holds the permission (any of them, for a list) in any grant. The server still
 * checks the unit scope; this only decides what to show.
 */
export function hasPermission(me: Me | null | undefined, permission: PermissionNeed | undefined): boolean {
  if (permission === undefined) return true;
  const needed = typeof permission === 'string' ? [permission] : permission;
  if (needed.length === 0) return true;
  return needed.some((p) => me?.permissions.includes(p) ?? false);
}

/** Accepts only same-site paths as a post-login target (no `//host` open redirects). */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith('/login')) return fallback;
  return next;
}
