import type { ChildIdentity } from '../../../../shared/admission-applications.schema.ts';
import { type DossierState, STATE_LABELS } from '../../../../shared/dossiers.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { readNotifyConfig } from '../../../platform/notify/notify-config.ts';
import { type PdfSpec, renderPdf } from '../../../platform/pdf/pdf-writer.ts';
import type { Platform } from '../../../platform/platform.ts';
import { dossierEngine } from '../../dossiers/dossier-engine.ts';
import type { ApplicationRow } from '../applications/application.repository.ts';
import { unitNames } from '../applications/application.repository.ts';
import type { RoundRow } from '../rounds/round.repository.ts';
import { applicationLink } from './admission-links.ts';
import { priorityGroupOf } from './application-detail.service.ts';
import { ownApplication } from './parent-access.ts';
import { formatDateTimeVn, formatDayVn, formatIsoDate } from './processing-format.ts';
import { reviewableApplication, roundOf } from './review-scope.ts';

/** What the receipt shows (no personal ID, no contact). */
export interface ReceiptData {
  code: string;
  procedureName: string;
  roundName: string;
  runningUnitName: string;
  childName: string;
  dateOfBirth: string;
  gender: 'male' | 'female';
  residence: string;
  priorityGroup: string | null;
  wishes: string[];
  state: DossierState;
  receivedAt: string | null;
  dueAt: string | null;
  /** Where the parent follows the application. */
  link: string;
  lookupLink: string;
  printedAt: Date;
}

/**
 * The receipt of an application ("Phiếu tiếp nhận hồ sơ", Nghị định 61/2018/NĐ-CP: a dossier
 * received online gets a receipt with its code and the date results are due), pure.
 */
export function receiptSpec(d: ReceiptData): PdfSpec {
  const firstSchool = d.wishes[0] ?? '';
  return {
    title: `Phiếu tiếp nhận hồ sơ ${d.code}`,
    subject: d.procedureName,
    author: d.runningUnitName,
    createdAt: d.printedAt,
    header: {
      left: [
        { text: d.runningUnitName.toLocaleUpperCase('vi') },
        { text: firstSchool.toLocaleUpperCase('vi'), bold: true },
      ],
      right: [
        { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true },
        { text: 'Độc lập - Tự do - Hạnh phúc', bold: true },
      ],
    },
    blocks: [
      { kind: 'title', text: 'Phiếu tiếp nhận hồ sơ' },
      { kind: 'paragraph', text: `${d.procedureName} — ${d.roundName}` },
      { kind: 'space', height: 6 },
      {
        kind: 'fields',
        rows: [
          { label: 'Mã hồ sơ', value: d.code },
          { label: 'Họ và tên học sinh', value: d.childName },
          { label: 'Ngày sinh', value: formatIsoDate(d.dateOfBirth) },
          { label: 'Giới tính', value: d.gender === 'male' ? 'Nam' : 'Nữ' },
          { label: 'Nơi cư trú', value: d.residence },
          { label: 'Đối tượng ưu tiên', value: d.priorityGroup ?? 'Không' },
          ...d.wishes.map((w, i) => ({ label: `Nguyện vọng ${i + 1}`, value: w })),
          { label: 'Thời điểm tiếp nhận', value: formatDateTimeVn(d.receivedAt) },
          { label: 'Hạn giải quyết', value: formatDayVn(d.dueAt) },
          { label: 'Trạng thái hiện tại', value: STATE_LABELS[d.state].vi },
        ],
      },
      { kind: 'heading', text: 'Tra cứu tình trạng hồ sơ' },
      {
        kind: 'paragraph',
        text:
          `Theo dõi hồ sơ, bổ sung giấy tờ khi được yêu cầu và xem kết quả tại ${d.link} ` +
          `(hoặc tại ${d.lookupLink}) bằng mã hồ sơ, số định danh cá nhân và ngày sinh của học sinh.`,
      },
      {
        kind: 'paragraph',
        size: 9.5,
        text: `Phiếu được tạo tự động lúc ${formatDateTimeVn(d.printedAt)} từ hệ thống tuyển sinh trực tuyến.`,
      },
    ],
    footer: 'Hãy giữ mã hồ sơ để tra cứu. Không chia sẻ số định danh cá nhân của học sinh.',
  };
}

export interface ReceiptFile {
  body: Uint8Array;
  filename: string;
}

/** The PDF receipt for the parent (code + ID + date of birth) and for staff (review scope). */
export class ReceiptService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  /** For the parent; a wrong code, ID or date of birth is the same resource.not_found. */
  async forParent(actor: Actor, code: string, who: ChildIdentity): Promise<ReceiptFile> {
    const { row, key } = await ownApplication(this.#p, code, who);
    const round = await roundOf(this.#p, row.round_id);
    const t = await dossierEngine(this.#p).applicants.getPublicTimeline(row.dossier_id, key);
    return this.#render(actor, row, round, { ...t, procedureName: t.procedure.name.vi }, 'public');
  }

  async forStaff(actor: Actor, dossierId: string): Promise<ReceiptFile> {
    const { row, round } = await reviewableApplication(this.#p, actor, dossierId);
    const d = await dossierEngine(this.#p).dossiers.get(actor, dossierId);
    return this.#render(actor, row, round, { ...d, procedureName: d.procedureName.vi }, 'staff');
  }

  async #render(
    actor: Actor,
    row: ApplicationRow,
    round: RoundRow,
    dossier: { procedureName: string; state: DossierState; receivedAt: string | null; dueAt: string | null },
    by: 'public' | 'staff',
  ): Promise<ReceiptFile> {
    const names = await unitNames(this.#p.db, [...row.wishes, row.residence_commune_id]);
    const publicUrl = readNotifyConfig(process.env, this.#p.config.PUBLIC_URL).publicUrl;
    const commune = names.get(row.residence_commune_id) ?? '';
    const body = await renderPdf(
      receiptSpec({
        code: row.dossier_code,
        procedureName: dossier.procedureName,
        roundName: round.name,
        runningUnitName: round.running_unit_name,
        childName: row.child_name,
        dateOfBirth: row.date_of_birth,
        gender: row.gender,
        residence: [row.residence_village, commune].filter(Boolean).join(', '),
        priorityGroup: priorityGroupOf(round.priority_groups, row.priority_group)?.name ?? null,
        wishes: row.wishes.map((id) => names.get(id) ?? ''),
        state: dossier.state,
        receivedAt: dossier.receivedAt,
        dueAt: dossier.dueAt,
        link: applicationLink(publicUrl, row.dossier_code),
        lookupLink: `${publicUrl}/tuyen-sinh/tra-cuu`,
        printedAt: new Date(),
      }),
    );
    // A child's record left the system as a file (Decree 13/2023/NĐ-CP): log it.
    await this.#p.audit.record(this.#p.db, actor, {
      action: 'admissions.application.receipt',
      entityType: 'dossier',
      entityId: row.dossier_id,
      unitId: row.wishes[0] ?? null,
      after: { roundId: round.id, by },
    });
    return { body, filename: `Phiếu tiếp nhận ${row.dossier_code}.pdf` };
  }
}
