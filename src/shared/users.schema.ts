import { z } from 'zod';
import { RoleGrant } from './auth.schema.ts';
import { Paging, pageOf, Text, Uuid } from './common.schema.ts';

export const UserSummary = z.object({
  id: Uuid,
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  grants: z.array(RoleGrant),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserQuery = Paging.extend({ q: z.string().max(100).optional(), unitId: Uuid.optional() });
export const UserPage = pageOf(UserSummary);
export type UserPage = z.infer<typeof UserPage>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,60}$/, 'username: 3–60 chữ thường không dấu, số, . _ - / lowercase letters, digits, . _ -');

export const UserCreate = z.object({
  username: Username,
  fullName: Text(2, 120),
  email: z.email().nullable().optional(),
  /** Initial password; when omitted one is generated and returned once. Always must be changed at first login. */
  password: z.string().min(10).max(200).optional(),
  grants: z.array(z.object({ role: z.string(), unitId: Uuid })).default([]),
});

export const GrantCreate = z.object({ role: z.string(), unitId: Uuid });

export const RoleInfo = z.object({
  code: z.string(),
  name: z.object({ vi: z.string(), en: z.string() }),
  permissions: z.array(z.string()),
});
export type RoleInfo = z.infer<typeof RoleInfo>;

/** Returned once when an admin creates a user without a password or resets one. */
export const TemporaryPassword = z.object({ userId: Uuid, temporaryPassword: z.string() });
