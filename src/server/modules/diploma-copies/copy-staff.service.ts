import type { z } from 'zod';
import {
  type CandidateList,
  type CopyQueuePage,
  type CopyQueueQuery,
  type CopyRequestDetail,
  type CopySettings,
  type DeliveryBody,
  type DeliveryStatus,
  PROOF_DOCUMENT,
} from '../../../shared/diploma-copies.schema.ts';
import { formatPartialDate } from '../../../shared/diplomas.schema.ts';
import type { DossierAction } from '../../../shared/dossiers.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, found } from '../../platform/errors.ts';
import { readNotifyConfig } from '../../platform/notify/notify-config.ts';
import type { Platform } from '../../platform/platform.ts';
import { diplomaServices } from '../diplomas/diplomas.module.ts';
import { dossierEngine } from '../dossiers/dossier-engine.ts';
import { isOverdue } from '../dossiers/dossier-state.ts';
import { DossierSteps } from '../dossiers/dossier-steps.ts';
import { type DossierRow, lockDossier } from '../dossiers/dossiers.repository.ts';
import {
  findCopyOfDossier,
  findRequest,
  listQueue,
  type RequestRow,
  readSettings,
  setDelivery,
  updateSettings,
} from './copies.repository.ts';
import { rankCandidates } from './copy-candidates.ts';
import { handlingUnit, listTypes } from './copy-context.ts';
import { issueCopy, verificationUrl } from './copy-issue.ts';

/** Which delivery step may follow which (pickup: ready → picked up; post: posted → delivered). */
const NEXT_DELIVERY: Record<'pickup' | 'post', Partial<Record<DeliveryStatus | 'none', DeliveryStatus>>> = {
  pickup: { ready_for_pickup: 'picked_up' },
  post: { none: 'posted', posted: 'delivered' },
};

/**
 * The Sở's side (permission `diplomas.manage` on the handling unit): the queue, a request
 * with candidates from the registry, issue (match + numbered, signed copy + approval in one
 * transaction), refusal with a reason, the pickup or postal status, and the settings (fees).
 */
export class CopyStaffService {
  readonly #p: Platform;
  readonly #steps: DossierSteps;

  constructor(platform: Platform) {
    this.#p = platform;
    const engine = dossierEngine(platform);
    // The engine's step taker, on the engine's calendar and outbox, so that issuing the copy and
    // approving the dossier (transition, notification, audit) commit in one transaction.
    this.#steps = new DossierSteps(
      platform,
      engine.calendar,
      engine.notifier,
      readNotifyConfig(process.env, platform.config.PUBLIC_URL).publicUrl,
    );
  }

  async queue(actor: Actor, q: CopyQueueQuery): Promise<CopyQueuePage> {
    const scope = await this.#p.access.scope(actor, 'diplomas.manage');
    const rows = await listQueue(this.#p.db, scope, q);
    const now = new Date();
    return {
      items: rows.map((r) => ({
        dossierId: r.dossier_id,
        code: r.dossier_code,
        state: r.state as CopyQueuePage['items'][number]['state'],
        receivedAt: r.received_at ? new Date(r.received_at).toISOString() : null,
        dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
        overdue: isOverdue(r.state as never, r.due_at ? new Date(r.due_at) : null, now),
        holderName: r.holder_name,
        graduationYear: r.graduation_year,
        copies: r.copies,
        delivery: r.delivery,
        deliveryStatus: (r.delivery_status as DeliveryStatus | null) ?? null,
        copyNumber: r.copy_number,
      })),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async detail(actor: Actor, dossierId: string): Promise<CopyRequestDetail> {
    const { request, unitId } = await this.#readable(actor, dossierId);
    const [dossier, copy] = await Promise.all([
      dossierEngine(this.#p).dossiers.get(actor, dossierId),
      findCopyOfDossier(this.#p.db, dossierId),
    ]);
    void unitId;
    return {
      dossier,
      form: {
        requesterKind: request.requester_kind as CopyRequestDetail['form']['requesterKind'],
        requesterName: request.requester_name,
        relationship: request.relationship,
        holderName: request.holder_name,
        birthDate: formatPartialDate({ year: request.birth_year, month: request.birth_month, day: request.birth_day }),
        typeCode: request.type_code,
        graduationYear: request.graduation_year,
        schoolName: request.school_name,
        serial: request.serial,
        copies: request.copies,
        delivery: request.delivery,
        postalAddress: request.postal_address,
        fee: {
          perCopyVnd: request.fee_per_copy_vnd,
          postalVnd: request.fee_postal_vnd,
          totalVnd: request.fee_total_vnd,
        },
        contactChannel: request.contact_channel,
        contactAddress: request.contact_address,
      },
      proofRequired: request.requester_kind !== 'holder',
      proof: dossier.attachments.filter((a) => a.documentCode === PROOF_DOCUMENT),
      entryId: request.entry_id,
      deliveryStatus: (request.delivery_status as DeliveryStatus | null) ?? null,
      deliveryNote: request.delivery_note,
      copy: copy
        ? {
            copyNumber: copy.copy_number,
            checkCode: copy.check_code,
            issuedAt: new Date(copy.issued_at).toISOString(),
            sha256: copy.sha256,
            verificationUrl: verificationUrl(this.#p, copy.copy_number, copy.check_code),
          }
        : null,
    };
  }

  /** Register entries that may be the diploma asked for, best first (the registry's own search, audited there). */
  async candidates(actor: Actor, dossierId: string): Promise<CandidateList> {
    const { request } = await this.#readable(actor, dossierId);
    const entries = diplomaServices(this.#p).entries;
    const base = { page: 1, pageSize: 20 };
    const searches = [
      entries.search(actor, { ...base, name: request.holder_name, birthYear: request.birth_year }),
      entries.search(actor, { ...base, name: request.holder_name, year: request.graduation_year }),
    ];
    if (request.serial) searches.push(entries.search(actor, { ...base, serial: request.serial }));
    const pages = await Promise.all(searches);
    return {
      items: rankCandidates(
        request,
        pages.flatMap((p) => p.items),
      ).slice(0, 10),
    };
  }

  /**
   * Matches the entry and issues the copy: the numbered, signed PDF and the approval of the
   * dossier (with the engine's transition, notification to the citizen and audit) in one
   * transaction; the dossier's version must be the one the officer saw.
   */
  async issue(actor: Actor, dossierId: string, body: { entryId: string; expectedVersion: number }) {
    const { request, unitId } = await this.#readable(actor, dossierId);
    const entry = await diplomaServices(this.#p).entries.get(actor, body.entryId);
    if (!entry.serial)
      throw new AppError('request.invalid', {
        hint: {
          vi: 'Mục sổ gốc chưa có số hiệu văn bằng: hãy đính chính sổ gốc trước khi cấp bản sao.',
          en: 'The register entry has no serial number: correct the register before issuing a copy.',
        },
      });
    const dossier = await dossierEngine(this.#p).dossiers.get(actor, dossierId);
    if (request.requester_kind !== 'holder' && !dossier.attachments.some((a) => a.documentCode === PROOF_DOCUMENT))
      throw new AppError('request.invalid', {
        hint: {
          vi: 'Người đề nghị không phải người được cấp văn bằng và chưa có giấy tờ chứng minh quyền đề nghị.',
          en: 'The applicant is not the holder and has sent no proof of the right to ask.',
        },
      });
    const typeName = (await listTypes(this.#p.db)).find((t) => t.code === entry.typeCode)?.name_vi ?? entry.typeCode;
    const unit = await handlingUnit(this.#p);
    let stored: string | undefined;
    try {
      await this.#p.db.transaction().execute(async (trx) => {
        const row = await this.#lockForDecision(trx, dossierId, body.expectedVersion);
        if (await findCopyOfDossier(trx, dossierId)) throw new AppError('dossier.invalid_transition');
        const now = new Date();
        const issued = await issueCopy(
          this.#p,
          trx,
          { actor, request, entry, typeName, unit: { ...unit, id: unitId }, now },
          (key) => {
            stored = key;
          },
        );
        await this.#decide(trx, actor, row, 'approve', {
          details: {
            note: `Bản sao số ${issued.copyNumber} đã được cấp. / Copy no. ${issued.copyNumber} has been issued.`,
          },
        });
      });
    } catch (err) {
      if (stored) await this.#p.storage.delete(stored).catch(() => {});
      throw err;
    }
    return this.detail(actor, dossierId);
  }

  /** Refuses the request with the reason the citizen will read. */
  async reject(actor: Actor, dossierId: string, body: { reason: string; expectedVersion: number }) {
    await this.#readable(actor, dossierId);
    await this.#p.db.transaction().execute(async (trx) => {
      const row = await this.#lockForDecision(trx, dossierId, body.expectedVersion);
      await this.#decide(trx, actor, row, 'reject', { reason: body.reason });
    });
    return this.detail(actor, dossierId);
  }

  /** The next pickup or postal step of an issued copy. */
  async delivery(actor: Actor, dossierId: string, body: z.output<typeof DeliveryBody>) {
    const { request, unitId } = await this.#readable(actor, dossierId);
    await this.#p.db.transaction().execute(async (trx) => {
      const row = found(await findRequest(trx, { dossierId }, true));
      if (!(await findCopyOfDossier(trx, dossierId))) throw new AppError('dossier.invalid_transition');
      const allowed = NEXT_DELIVERY[row.delivery][(row.delivery_status as DeliveryStatus | null) ?? 'none'];
      if (allowed !== body.status)
        throw new AppError('dossier.invalid_transition', {
          hint: {
            vi: `Bước giao nhận tiếp theo là: ${allowed ?? 'không còn'}.`,
            en: `The next delivery step is: ${allowed ?? 'none'}.`,
          },
        });
      await setDelivery(trx, dossierId, body.status, body.note || null);
      await this.#p.audit.record(trx, actor, {
        action: 'diploma_copies.delivery',
        entityType: 'dossier',
        entityId: dossierId,
        unitId,
        before: { deliveryStatus: request.delivery_status },
        after: { deliveryStatus: body.status, note: body.note ?? null },
      });
    });
    return this.detail(actor, dossierId);
  }

  async settings(actor: Actor): Promise<CopySettings> {
    const unit = await handlingUnit(this.#p);
    await this.#p.access.require(actor, 'diplomas.manage', { unitId: unit.id });
    return presentSettings(await readSettings(this.#p.db));
  }

  /** Changes the fee table and what the copy prints (optimistic: the version read). */
  async updateSettings(actor: Actor, body: CopySettings): Promise<CopySettings> {
    const unit = await handlingUnit(this.#p);
    await this.#p.access.require(actor, 'diplomas.manage', { unitId: unit.id });
    await this.#p.db.transaction().execute(async (trx) => {
      const before = await readSettings(trx);
      const ok = await updateSettings(
        trx,
        {
          per_copy_vnd: body.perCopyVnd,
          postal_vnd: body.postalVnd,
          max_copies: body.maxCopies,
          place: body.place,
          signer_title: body.signerTitle,
          signer_name: body.signerName,
        },
        body.version,
      );
      if (!ok) throw new AppError('resource.stale');
      await this.#p.audit.record(trx, actor, {
        action: 'diploma_copies.settings',
        entityType: 'settings',
        entityId: 'diploma_copies',
        unitId: unit.id,
        before: presentSettings(before),
        after: { ...body, version: body.version + 1 },
      });
    });
    return presentSettings(await readSettings(this.#p.db));
  }

  async #readable(actor: Actor, dossierId: string): Promise<{ request: RequestRow; unitId: string }> {
    await this.#p.access.scope(actor, 'diplomas.manage');
    const request = await findRequest(this.#p.db, { dossierId });
    if (!request) throw new AppError('resource.not_found');
    const dossier = await dossierEngine(this.#p)
      .dossiers.get(actor, dossierId)
      .catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'access.denied') throw new AppError('resource.not_found');
        throw err;
      });
    if (!(await this.#p.access.can(actor, 'diplomas.manage', { unitId: dossier.unitId })))
      throw new AppError('resource.not_found');
    return { request, unitId: dossier.unitId };
  }

  async #lockForDecision(trx: Executor, dossierId: string, expectedVersion: number): Promise<DossierRow> {
    const row = found(await lockDossier(trx, dossierId));
    if (row.version !== expectedVersion) throw new AppError('resource.stale');
    return row;
  }

  /** A decision; a dossier not yet opened is opened first (the engine decides only from review). */
  async #decide(
    trx: Executor,
    actor: Actor,
    row: DossierRow,
    action: Extract<DossierAction, 'approve' | 'reject'>,
    input: { reason?: string; details?: { note: string } },
  ): Promise<void> {
    let current = row;
    if (current.state === 'submitted' || current.state === 'resubmitted') {
      await this.#steps.apply(trx, actor, current, 'start_review');
      current = found(await lockDossier(trx, row.id));
    }
    await this.#steps.apply(trx, actor, current, action, input);
  }
}

function presentSettings(s: Awaited<ReturnType<typeof readSettings>>): CopySettings {
  return {
    perCopyVnd: s.per_copy_vnd,
    postalVnd: s.postal_vnd,
    maxCopies: s.max_copies,
    place: s.place,
    signerTitle: s.signer_title,
    signerName: s.signer_name,
    version: s.version,
  };
}
