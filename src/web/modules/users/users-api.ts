import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RoleInfo, UserPage, UserSummary } from '../../../shared/users.schema.ts';
import { apiGet, apiSend } from '../../lib/api.ts';

/** Body of POST /api/users (see UserCreate in src/shared/users.schema.ts). */
export interface NewUser {
  username: string;
  fullName: string;
  email?: string | null;
  password?: string;
  grants: { role: string; unitId: string }[];
}

export function useUsers(query: { q?: string; page: number }) {
  return useQuery({
    queryKey: ['users', query],
    queryFn: ({ signal }) => apiGet<UserPage>('/api/users', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => apiGet<RoleInfo[]>('/api/roles', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['users'] });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (user: NewUser) =>
      apiSend<{ user: UserSummary; temporaryPassword?: string }>('POST', '/api/users', user),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (user: UserSummary) =>
      apiSend<{ userId: string; temporaryPassword: string }>('POST', `/api/users/${user.id}/reset-password`),
    onSuccess: invalidate,
  });
}

export function useUnlock() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (user: UserSummary) => apiSend<void>('POST', `/api/users/${user.id}/unlock`),
    onSuccess: invalidate,
  });
}

/** True while the account is locked after failed sign-ins. */
export function isLocked(user: UserSummary, now = Date.now()): boolean {
  return !!user.lockedUntil && new Date(user.lockedUntil).getTime() > now;
}
