import type { Readable } from 'node:stream';
import {
  type CopyOptions,
  type CopyReceipt,
  type CopyRequestInput,
  type CopyStatus,
  computeFee,
  PROOF_DOCUMENT,
} from '../../../shared/diploma-copies.schema.ts';
import { parsePartialDate } from '../../../shared/diplomas.schema.ts';
import type { Receipt } from '../../../shared/dossiers.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { OtpSession } from '../../platform/otp/otp.service.ts';
import { getOtpService } from '../../platform/otp/otp-provider.ts';
import type { Platform } from '../../platform/platform.ts';
import { sameKey } from '../dossiers/applicant-access.ts';
import { dossierEngine } from '../dossiers/dossier-engine.ts';
import type { DossierFiling, Filed } from '../dossiers/dossier-filing.ts';
import { sniffKind } from '../dossiers/sniff.ts';
import {
  findCopyOfDossier,
  findRequest,
  insertRequests,
  type RequestRow,
  type RequestValues,
  readSettings,
} from './copies.repository.ts';
import { applicantKeyOfContact, COPY_PURPOSE, handlingUnit, listTypes, PROCEDURE } from './copy-context.ts';
import { verificationUrl } from './copy-issue.ts';

export interface ProofUpload {
  filename: string | undefined;
  body: Buffer;
}

const MB = 1024 * 1024;

/**
 * The citizen's side (no account: a one-time code proves the phone or e-mail): the form's
 * options and fee, filing a request (idempotent by the client's key, through the dossier
 * engine's filing desk so that the dossier and the request's row commit together), the status
 * and the download of the signed copy.
 */
export class CopyRequestsService {
  readonly #p: Platform;
  readonly #desk: DossierFiling<RequestValues>;

  constructor(platform: Platform) {
    this.#p = platform;
    this.#desk = dossierEngine(platform).filing<RequestValues>((trx, filed) => this.#writeWith(trx, filed));
  }

  async options(): Promise<CopyOptions> {
    const [settings, types, unit, proc] = await Promise.all([
      readSettings(this.#p.db),
      listTypes(this.#p.db),
      handlingUnit(this.#p),
      dossierEngine(this.#p).procedures.definition(PROCEDURE),
    ]);
    return {
      fees: { perCopyVnd: settings.per_copy_vnd, postalVnd: settings.postal_vnd },
      maxCopies: settings.max_copies,
      cutoff: proc.cutoff_time,
      types: types.map((t) => ({ code: t.code, nameVi: t.name_vi, nameEn: t.name_en })),
      handlingUnitName: unit.name,
    };
  }

  /**
   * Files a request. The fee is computed from the table now and must equal the one the form
   * showed (`expectedTotalVnd`): the citizen never pays what they were not shown. Someone other
   * than the holder must send proof of the right to ask (authorisation or family tie); it is
   * checked (type, size) before anything is filed and attached to the dossier.
   */
  async file(
    actor: Actor,
    token: string | undefined,
    input: CopyRequestInput,
    idempotencyKey: string,
    proof: ProofUpload | undefined,
  ): Promise<CopyReceipt> {
    const session = await getOtpService(this.#p).resolveSession(token, COPY_PURPOSE);
    return this.fileFor(actor, session, input, idempotencyKey, proof);
  }

  /**
   * Files a request for a contact already verified (the public route after its one-time code;
   * the demo loader with its synthetic contacts).
   */
  async fileFor(
    actor: Actor,
    session: Pick<OtpSession, 'channel' | 'address'>,
    input: CopyRequestInput,
    idempotencyKey: string,
    proof: ProofUpload | undefined,
  ): Promise<CopyReceipt> {
    const applicantKey = await applicantKeyOfContact(this.#p, session.address);
    const prior = await this.#desk.prior(idempotencyKey, applicantKey);
    if (prior) return this.#receipt(actor, prior, applicantKey, proof);
    const settings = await readSettings(this.#p.db);
    const problems: { path: string; message: string }[] = [];
    if (input.copies > settings.max_copies)
      problems.push({
        path: 'body.copies',
        message: `Tối đa ${settings.max_copies} bản / At most ${settings.max_copies} copies`,
      });
    const types = await listTypes(this.#p.db);
    if (!types.some((t) => t.code === input.typeCode))
      problems.push({ path: 'body.typeCode', message: input.typeCode });
    if (input.requesterKind !== 'holder' && !proof)
      problems.push({
        path: 'proof',
        message:
          'Người đề nghị không phải người được cấp văn bằng: cần gửi giấy ủy quyền hoặc giấy tờ chứng minh quan hệ / ' +
          'Someone other than the holder must send an authorisation or proof of relationship',
      });
    if (proof) problems.push(...proofProblems(proof));
    if (problems.length) throw new AppError('request.invalid', { details: problems });
    const fee = computeFee(
      { perCopyVnd: settings.per_copy_vnd, postalVnd: settings.postal_vnd },
      input.copies,
      input.delivery,
    );
    if (fee.totalVnd !== input.expectedTotalVnd)
      throw new AppError('request.invalid', {
        details: [{ path: 'body.expectedTotalVnd', message: String(fee.totalVnd) }],
        hint: {
          vi: `Biểu phí vừa thay đổi: lệ phí mới là ${fee.totalVnd.toLocaleString('vi-VN')} đồng. Hãy xem lại rồi gửi lại.`,
          en: `The fee table has just changed: the fee is now ${fee.totalVnd} VND. Review it and send again.`,
        },
      });
    const birth = parsePartialDate(input.birthDate)!;
    const unit = await handlingUnit(this.#p);
    const outcome = await this.#desk.file({
      actor,
      input: {
        procedureCode: PROCEDURE,
        unitId: unit.id,
        applicantKey,
        contact: session.channel === 'sms' ? { phone: session.address } : { email: session.address },
        locale: actor.locale === 'en' ? 'en' : 'vi',
      },
      idempotencyKey,
      extra: {
        dossier_id: '',
        dossier_code: '',
        applicant_key: applicantKey,
        contact_channel: session.channel,
        contact_address: session.address,
        requester_kind: input.requesterKind,
        requester_name: input.requesterName,
        relationship: input.relationship || null,
        holder_name: input.holderName,
        birth_year: birth.year,
        birth_month: birth.month,
        birth_day: birth.day,
        type_code: input.typeCode,
        graduation_year: input.graduationYear,
        school_name: input.schoolName,
        serial: input.serial || null,
        copies: input.copies,
        delivery: input.delivery,
        postal_address: input.delivery === 'post' ? (input.postalAddress ?? null) : null,
        fee_per_copy_vnd: fee.perCopyVnd,
        fee_postal_vnd: fee.postalVnd,
        fee_total_vnd: fee.totalVnd,
      },
    });
    return this.#receipt(actor, outcome.receipt, applicantKey, proof);
  }

  /** Status and public timeline of the request `code`, for the contact that filed it. */
  async status(token: string | undefined, code: string): Promise<CopyStatus> {
    const { row } = await this.#own(token, code);
    const engine = dossierEngine(this.#p);
    const [timeline, copy] = await Promise.all([
      engine.applicants.getPublicTimeline(row.dossier_id, row.applicant_key),
      findCopyOfDossier(this.#p.db, row.dossier_id),
    ]);
    return {
      code: row.dossier_code,
      state: timeline.state,
      receivedAt: timeline.receivedAt,
      dueAt: timeline.dueAt,
      holderName: row.holder_name,
      copies: row.copies,
      delivery: row.delivery,
      deliveryStatus: (row.delivery_status as CopyStatus['deliveryStatus']) ?? null,
      fee: { perCopyVnd: row.fee_per_copy_vnd, postalVnd: row.fee_postal_vnd, totalVnd: row.fee_total_vnd },
      timeline,
      copy: copy
        ? {
            copyNumber: copy.copy_number,
            issuedAt: new Date(copy.issued_at).toISOString(),
            sha256: copy.sha256,
            verificationUrl: verificationUrl(this.#p, copy.copy_number, copy.check_code),
          }
        : null,
    };
  }

  /** The signed PDF, for the contact that filed the request; the download is audited. */
  async download(
    actor: Actor,
    token: string | undefined,
    code: string,
  ): Promise<{ filename: string; stream: Readable; size?: number }> {
    const { row, session } = await this.#own(token, code);
    const copy = await findCopyOfDossier(this.#p.db, row.dossier_id);
    if (!copy) throw new AppError('resource.not_found');
    const stream = await this.#p.storage.get(copy.storage_key);
    await this.#p.audit.record(this.#p.db, actor, {
      action: 'diploma_copies.download',
      entityType: 'dossier',
      entityId: row.dossier_id,
      after: { copyNumber: copy.copy_number, by: 'applicant', channel: session.channel },
    });
    return { filename: `ban-sao-${copy.copy_number.replaceAll('/', '-')}.pdf`, stream };
  }

  /** The request if the verified contact is the one that filed it; otherwise "not found". */
  async #own(token: string | undefined, code: string): Promise<{ row: RequestRow; session: OtpSession }> {
    const session = await getOtpService(this.#p).resolveSession(token, COPY_PURPOSE);
    const key = await applicantKeyOfContact(this.#p, session.address);
    const row = await findRequest(this.#p.db, { code });
    if (!row || !sameKey(row.applicant_key, key)) throw new AppError('resource.not_found');
    return { row, session };
  }

  /** The receipt; the proof is attached once (also on a retry whose first try lost it). */
  async #receipt(actor: Actor, r: Receipt, applicantKey: string, proof: ProofUpload | undefined): Promise<CopyReceipt> {
    const row = await findRequest(this.#p.db, { dossierId: r.dossierId });
    if (!row) throw new AppError('resource.conflict');
    const engine = dossierEngine(this.#p);
    let proofAttached = (await proofCount(this.#p, r.dossierId)) > 0;
    if (proof && !proofAttached) {
      await engine.attachments.attachAsApplicant(
        actor,
        r.dossierId,
        applicantKey,
        { documentCode: PROOF_DOCUMENT, filename: proof.filename, body: proof.body },
        { untilDecision: true },
      );
      proofAttached = true;
    }
    return {
      dossierId: r.dossierId,
      code: r.code,
      state: r.state,
      receivedAt: r.receivedAt,
      dueAt: r.dueAt,
      fee: { perCopyVnd: row.fee_per_copy_vnd, postalVnd: row.fee_postal_vnd, totalVnd: row.fee_total_vnd },
      copies: row.copies,
      delivery: row.delivery,
      proofAttached,
    };
  }

  /** In the filing batch's transaction: the requests' rows. */
  async #writeWith(trx: Executor, filed: readonly Filed<RequestValues>[]): Promise<void> {
    await insertRequests(
      trx,
      filed.map((f) => ({ ...f.filing.extra, dossier_id: f.receipt.dossierId, dossier_code: f.receipt.code })),
    );
  }
}

/** Proofs attached to the dossier (the engine's dossier_attachments). */
export async function proofCount(p: Platform, dossierId: string): Promise<number> {
  const r = await p.db
    .selectFrom('dossier_attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dossier_id', '=', dossierId)
    .where('document_code', '=', PROOF_DOCUMENT)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The proof's type and size, checked before the request is filed (the procedure's rule: PDF, JPEG or PNG up to 5 MB). */
export function proofProblems(proof: ProofUpload): { path: string; message: string }[] {
  const kind = sniffKind(proof.body);
  if (!kind) return [{ path: 'proof', message: 'Chỉ nhận tệp PDF, JPEG, PNG / Only PDF, JPEG or PNG files' }];
  if (proof.body.length > 5 * MB)
    return [{ path: 'proof', message: 'Tệp lớn hơn 5 MB / The file is larger than 5 MB' }];
  return [];
}
