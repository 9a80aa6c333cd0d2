import type { AccessLevel } from '../../../shared/archive.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Platform } from '../../platform/platform.ts';
import { findCurrentApproval } from './requests.repository.ts';

export type Ground = 'public' | 'internal' | 'archivist' | 'request';

/** Today in Vietnam (yyyy-mm-dd): read requests run to the end of their last day there. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

/** Staff of the province: a signed-in account holding at least one role. */
export function isStaff(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.grants.length > 0);
}

/** The access levels whose descriptions the actor may find (restricted descriptions are shown to staff, not their documents). */
export function visibleLevels(actor: Actor): AccessLevel[] {
  return isStaff(actor) ? ['public', 'internal', 'restricted'] : ['public'];
}

/**
 * On what ground the actor may read a file's documents, or null (Luật Lưu trữ 2024, art. 30–31:
 * public records to anyone; internal to the province's staff; restricted only with the
 * permission of the archive, here an approved read request that is still current, or to the
 * archivists of the fonds).
 */
export async function readGround(
  p: Platform,
  db: Executor,
  actor: Actor,
  file: { id: string; access_level: AccessLevel; fonds_unit_id: string },
): Promise<{ ground: Ground; requestId: string | null } | null> {
  if (await p.access.can(actor, 'archive.manage', { unitId: file.fonds_unit_id }))
    return { ground: file.access_level === 'public' ? 'public' : 'archivist', requestId: null };
  if (file.access_level === 'public') return { ground: 'public', requestId: null };
  if (file.access_level === 'internal') return isStaff(actor) ? { ground: 'internal', requestId: null } : null;
  if (actor.kind !== 'user') return null;
  const approval = await findCurrentApproval(db, file.id, actor.userId, todayInVietnam());
  return approval ? { ground: 'request', requestId: approval.id } : null;
}
