import { QueryClient } from '@tanstack/react-query';
import type { Session } from '../../shared/auth.schema.ts';
import { ApiError, configureApi } from './api.ts';
import { currentLanguage } from './i18n.ts';
import { sessionKey } from './session.ts';

/** Client errors (4xx) are answers, not glitches: do not retry them. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

/*
 * The API client reports session problems; the route guard (RequireAuth) reacts to the
 * cached session, sending the user to /login (and back after) or to /password.
 */
configureApi({
  language: currentLanguage,
  onAuthRequired: () => queryClient.setQueryData<Session | null>(sessionKey, null),
  onPasswordChangeRequired: () =>
    queryClient.setQueryData<Session | null>(sessionKey, (session) =>
      session ? { ...session, user: { ...session.user, mustChangePassword: true } } : session,
    ),
});
