/**
 * Who is acting, passed from the route to every service call. Services check access and write
 * audit entries from it; they never read the HTTP request themselves.
 */
export interface Grant {
  id: string;
  role: string;
  unitId: string;
  permissions: readonly string[];
}

interface Common {
  /** Request id (from `x-request-id` or generated), written to logs and audit entries. */
  requestId: string | null;
  ip: string | null;
  locale: 'vi' | 'en';
}

export interface UserActor extends Common {
  kind: 'user';
  userId: string;
  username: string;
  fullName: string;
  mustChangePassword: boolean;
  grants: readonly Grant[];
  sessionTokenHash: string | null;
}

export interface AnonymousActor extends Common {
  kind: 'anonymous';
}

/** The CLI, start-up tasks and scheduled jobs: acts with every permission, named in the audit. */
export interface SystemActor extends Common {
  kind: 'system';
  name: string;
}

export type Actor = UserActor | AnonymousActor | SystemActor;

export function systemActor(name: string): SystemActor {
  return { kind: 'system', name, requestId: null, ip: null, locale: 'vi' };
}

export function actorLabel(actor: Actor): { id: string | null; name: string | null } {
  if (actor.kind === 'user') return { id: actor.userId, name: actor.username };
  if (actor.kind === 'system') return { id: null, name: `system:${actor.name}` };
  return { id: null, name: null };
}
