import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { DossierState, Receipt } from '../../../shared/dossiers.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { type DossierRow, findDossier } from './dossiers.repository.ts';

/** Helpers of the applicant side: who owns a dossier, client keys, windows, receipts. */

/** Compares applicant keys in constant time (they are secrets of a kind: keyed hashes of IDs). */
export function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The dossier, if `applicantKey` is its applicant's; otherwise "not found" (never "forbidden":
 * that would confirm the dossier exists). Staff acting for the applicant (assisted entry) also
 * need `dossiers.process` on the dossier's unit.
 */
export async function findOwnDossier(p: Platform, actor: Actor, id: string, applicantKey: string): Promise<DossierRow> {
  const row = await findDossier(p.db, id);
  if (!row || !sameKey(row.applicant_key, applicantKey)) throw new AppError('resource.not_found');
  if (actor.kind === 'user') await p.access.require(actor, 'dossiers.process', { unitId: row.unit_id });
  return row;
}

export interface WindowOption {
  /** The module's deadline (e.g. the end of a round's registration): after it, dossier.window_closed. */
  openUntil?: Date | null;
}

/** Where a dossier stands after an applicant's step. */
export interface DossierRef {
  dossierId: string;
  code: string | null;
  state: DossierState;
  version: number;
}

/** A client key: a UUID, or any 8–200 URL-safe characters. */
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9._:-]{8,200}$/);

export function checkWindow(opts: WindowOption): void {
  if (opts.openUntil && Date.now() > opts.openUntil.getTime()) throw new AppError('dossier.window_closed');
}

export function ref(r: DossierRow): DossierRef {
  return { dossierId: r.id, code: r.code, state: r.state as DossierState, version: r.version };
}

export function receipt(r: DossierRow): Receipt {
  if (!r.code || !r.received_at) throw new AppError('dossier.invalid_transition');
  return {
    dossierId: r.id,
    code: r.code,
    procedureCode: r.procedure_code,
    state: r.state as DossierState,
    receivedAt: new Date(r.received_at).toISOString(),
    dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
    version: r.version,
  };
}
