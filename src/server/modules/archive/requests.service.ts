import type { ReadDecision, ReadRequest } from '../../../shared/archive.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { todayInVietnam } from './archive-access.ts';
import { findFile } from './files.repository.ts';
import * as repo from './requests.repository.ts';

/** Requests to read restricted files, decided by the fonds' archivists; the access log of a file. */
export class ReadRequestsService {
  readonly #p: Platform;

  constructor(p: Platform) {
    this.#p = p;
  }

  /** A staff member asks to read a restricted file, saying why. */
  async request(actor: Actor, fileId: string, purpose: string): Promise<{ id: string }> {
    if (actor.kind !== 'user') throw new AppError('auth.required');
    const file = await findFile(this.#p.db, fileId);
    if (!file) throw new AppError('resource.not_found');
    if (actor.grants.length === 0) throw new AppError('access.denied');
    if (file.access_level !== 'restricted')
      throw new AppError('archive.invalid_metadata', {
        hint: { vi: 'Chỉ cần yêu cầu với hồ sơ hạn chế sử dụng.', en: 'Only restricted files need a request.' },
      });
    return this.#p.db.transaction().execute(async (trx) => {
      const r = await repo.insertRequest(trx, fileId, actor.userId, purpose);
      await this.#p.audit.record(trx, actor, {
        action: 'archive.read_request.create',
        entityType: 'archive_read_request',
        entityId: r.id,
        unitId: file.fonds_unit_id,
        after: { fileId, purpose },
      });
      return r;
    });
  }

  /**
   * An archivist of the fonds approves (with the last day of reading) or refuses, with a reason
   * either way (Luật Lưu trữ 2024, art. 31: use of restricted records needs the permission of the
   * head of the archive; the decision is recorded).
   */
  async decide(actor: Actor, id: string, d: ReadDecision): Promise<void> {
    if (actor.kind !== 'user') throw new AppError('auth.required');
    if (d.approve && (!d.validUntil || d.validUntil < todayInVietnam()))
      throw new AppError('archive.invalid_metadata', {
        details: [
          {
            path: 'body.validUntil',
            message: 'cần ngày hết hạn từ hôm nay trở đi / a last day from today on is required',
          },
        ],
      });
    await this.#p.db.transaction().execute(async (trx) => {
      const r = await repo.lockRequest(trx, id);
      if (!r) throw new AppError('resource.not_found');
      await this.#p.access.require(actor, 'archive.manage', { unitId: r.fonds_unit_id });
      if (r.state !== 'pending') throw new AppError('resource.stale');
      const state = d.approve ? 'approved' : 'rejected';
      const validUntil = d.approve ? d.validUntil! : null;
      await repo.decideRequest(trx, id, { state, by: actor.userId, reason: d.reason, validUntil });
      await this.#p.audit.record(trx, actor, {
        action: `archive.read_request.${d.approve ? 'approve' : 'reject'}`,
        entityType: 'archive_read_request',
        entityId: id,
        unitId: r.fonds_unit_id,
        before: { state: r.state },
        after: { state, reason: d.reason, validUntil },
      });
    });
  }

  async list(actor: Actor, scope: 'mine' | 'to_decide'): Promise<ReadRequest[]> {
    if (actor.kind !== 'user') throw new AppError('auth.required');
    if (scope === 'mine') return (await repo.listMine(this.#p.db, actor.userId)).map(present);
    const s = await this.#p.access.scope(actor, 'archive.manage');
    return (await repo.listPending(this.#p.db, s.all ? null : s.roots)).map(present);
  }

  /** Who read the file and its documents, on what ground (archivists of the fonds). */
  async accessLog(actor: Actor, fileId: string) {
    const file = await findFile(this.#p.db, fileId);
    if (!file) throw new AppError('resource.not_found');
    await this.#p.access.require(actor, 'archive.manage', { unitId: file.fonds_unit_id });
    const rows = await repo.listAccess(this.#p.db, fileId);
    return {
      items: rows.map((r) => ({
        at: new Date(r.at).toISOString(),
        action: r.action,
        documentId: r.document_id,
        actorName: r.actor_name,
        ground: r.ground,
      })),
    };
  }
}

function present(r: repo.RequestListRow): ReadRequest {
  return {
    id: r.id,
    fileId: r.file_id,
    fileCode: r.file_code,
    fileTitle: r.file_title,
    requesterName: r.requester_name,
    purpose: r.purpose,
    state: r.state,
    decisionReason: r.decision_reason,
    validUntil: r.valid_until,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
