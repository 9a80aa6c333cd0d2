import { z } from 'zod';
import { Localized } from './common.schema.ts';

export const LoginBody = z.object({
  username: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const RoleGrant = z.object({
  id: z.uuid(),
  role: z.string(),
  roleName: Localized,
  unitId: z.uuid(),
  unitName: z.string(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  locale: z.enum(['vi', 'en']),
  mustChangePassword: z.boolean(),
  grants: z.array(RoleGrant),
  /** Union of permissions over all grants (scopes differ per grant; the server checks scope). */
  permissions: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;

/** Returned by login and by GET /api/auth/me; the web sends csrfToken as `x-csrf-token` on writes. */
export const Session = z.object({ user: Me, csrfToken: z.string() });
export type Session = z.infer<typeof Session>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
