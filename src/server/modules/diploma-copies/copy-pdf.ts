import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { fontBytes } from '../../platform/pdf/fonts.ts';
import { wrapText } from '../../platform/pdf/pdf-layout.ts';
import { applyPdfa } from './pdfa.ts';
import { drawQr, qrMatrix } from './qr-draw.ts';

/** One entry of the master register (sổ gốc cấp văn bằng), as recorded. */
export interface RegisterEntryForCopy {
  /** The diploma type as named on the register ("Bằng tốt nghiệp trung học phổ thông"). */
  diplomaType: string;
  holderName: string;
  /** ISO date (YYYY-MM-DD), or the text of the register where it has only a year. */
  dateOfBirth: string;
  placeOfBirth: string;
  /** Null where the register does not say. */
  gender: 'male' | 'female' | null;
  ethnicity: string;
  /** The school or exam council (hội đồng thi) the register names. */
  school: string;
  year: number;
  /** Classification (xếp loại) where the year had one. */
  classification?: string | null;
  decisionNumber: string;
  /** ISO date of the decision recognising graduation. */
  decisionDate: string;
  registerNumber: string;
  serialNumber: string;
  /** The issuing unit as it was then ("Sở Giáo dục và Đào tạo tỉnh Kon Tum"). */
  issuingUnit: string;
}

export interface CertifiedCopyData {
  entry: RegisterEntryForCopy;
  /** The copy number ("12/2026/BS"). */
  copyNumber: string;
  /** The short code the public check asks for with the number, printed beside it. */
  checkCode?: string;
  /** The unit issuing the copy today and its parent body, as in the document heading. */
  issuer: { parent: string; unit: string };
  /** Place and ISO date of issue ("Quảng Ngãi", "2026-11-24"). */
  place: string;
  issuedOn: string;
  /** Signer's title lines ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC") and name. */
  signer: { title: readonly string[]; name: string };
  /** The public check the QR code opens. */
  verificationUrl: string;
  /** Marks the page as sample data (demo install, demo certificate). */
  demo?: boolean;
  /** Creation time in the metadata; fixed in tests for a reproducible file. */
  createdAt?: Date;
}

const PAGE = { width: 595.28, height: 841.89, margin: 56.7 };
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);
const RED = rgb(0.75, 0.1, 0.1);
const LABEL_WIDTH = 190;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** dd/mm/yyyy for an ISO date; any other text (a year alone) as it is. */
export function formatViDate(value: string): string {
  const m = ISO_DATE.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/**
 * "Quảng Ngãi, ngày 05 tháng 02 năm 2026": Nghị định 30/2020/NĐ-CP, Phụ lục I, writes days below
 * 10 and the months 1 and 2 with a leading zero.
 */
export function placeAndDate(place: string, iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`issue date must be YYYY-MM-DD, got ${iso}`);
  const day = Number(m[3]);
  const month = Number(m[2]);
  const dd = day < 10 ? `0${day}` : `${day}`;
  const mm = month < 3 ? `0${month}` : `${month}`;
  return `${place}, ngày ${dd} tháng ${mm} năm ${m[1]}`;
}

/** "Số … ngày …" as far as the register records the decision (old lists may not). */
function decisionText(e: RegisterEntryForCopy): string {
  const no = e.decisionNumber ? `Số ${e.decisionNumber}` : '';
  const on = e.decisionDate ? `ngày ${formatViDate(e.decisionDate)}` : '';
  return [no, on].filter(Boolean).join(' ');
}

/** The label–value rows of the register entry, in the order of the register. */
export function copyFields(e: RegisterEntryForCopy): [string, string][] {
  const rows: [string, string][] = [
    ['Họ và tên', e.holderName],
    ['Ngày sinh', formatViDate(e.dateOfBirth)],
    ['Nơi sinh', e.placeOfBirth],
    ['Giới tính', e.gender === null ? '' : e.gender === 'female' ? 'Nữ' : 'Nam'],
    ['Dân tộc', e.ethnicity],
    ['Trường / Hội đồng thi', e.school],
    ['Năm tốt nghiệp', String(e.year)],
  ];
  if (e.classification) rows.push(['Xếp loại', e.classification]);
  rows.push(
    ['Quyết định công nhận', decisionText(e)],
    ['Số hiệu văn bằng', e.serialNumber],
    ['Số vào sổ gốc cấp văn bằng', e.registerNumber],
    ['Đơn vị cấp văn bằng', e.issuingUnit],
  );
  return rows;
}

/**
 * The certified copy from the master register ("bản sao được cấp từ sổ gốc", Nghị định
 * 23/2015/NĐ-CP; Thông tư 21/2019/TT-BGDĐT) of one diploma as a one-page A4 PDF: the
 * heading of an administrative document, the copy number, the register data, the legal
 * effect, the place and date, the signer, and a QR code opening the public check.
 * PDF/A-2b-minded (pdfa.ts): embedded subset fonts, XMP, sRGB OutputIntent, no scripts.
 * Pure (no database, no clock when createdAt is given). Sign it afterwards with platform/signing.
 */
export async function renderCertifiedCopyPdf(data: CertifiedCopyData): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(await fontBytes('regular'), { subset: true }),
    doc.embedFont(await fontBytes('bold'), { subset: true }),
  ]);
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const w = new CopyWriter(page, regular, bold);
  const e = data.entry;

  if (data.demo) w.banner('DỮ LIỆU MẪU / DEMO — KHÔNG CÓ GIÁ TRỊ PHÁP LÝ');
  w.heading(
    [data.issuer.parent.toUpperCase(), data.issuer.unit.toUpperCase()],
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
  );
  w.line(`Số bản sao: ${data.copyNumber}${data.checkCode ? `     Mã kiểm tra: ${data.checkCode}` : ''}`, { size: 11 });
  w.gap(14);
  w.centered('BẢN SAO ĐƯỢC CẤP TỪ SỔ GỐC', 16, true);
  w.centered(e.diplomaType.toUpperCase(), 13, true);
  w.gap(14);
  for (const [label, value] of copyFields(e)) w.field(label, value);
  w.gap(10);
  w.paragraph(
    'Bản sao được cấp từ sổ gốc có giá trị sử dụng thay cho bản chính trong các giao dịch, trừ ' +
      'trường hợp pháp luật có quy định khác (khoản 1 Điều 3 Nghị định 23/2015/NĐ-CP).',
    10,
  );
  w.gap(18);
  drawQrBlock(page, regular, data.verificationUrl, w.y);
  w.closing(data);
  if (data.demo) w.footer('Tài liệu mẫu ký bằng chứng thư số thử nghiệm (DEMO).');
  else w.footer('Văn bản được ký số. Kiểm tra chữ ký số trong trình đọc PDF hoặc bằng mã QR.');

  applyPdfa(doc, {
    title: `Bản sao được cấp từ sổ gốc số ${data.copyNumber}`,
    author: data.issuer.unit,
    subject: `${e.diplomaType} — ${e.holderName} — số hiệu ${e.serialNumber}`,
    creatorTool: 'giaoducso',
    producer: 'giaoducso (pdf-lib)',
    createdAt: data.createdAt ?? new Date(),
    language: 'vi-VN',
  });
  return doc.save({ useObjectStreams: false });
}

const QR_WIDTH = 110;

/** The QR code with its caption at the left of the signature, its top at `top`. */
function drawQrBlock(page: PDFPage, font: PDFFont, url: string, top: number): void {
  // The quiet zone is white space: the symbol's edge lines up with the text margin.
  const matrix = qrMatrix(url);
  const x = PAGE.margin - (4 * QR_WIDTH) / (matrix.size + 8);
  const y = top - QR_WIDTH;
  drawQr(page, matrix, x, y, QR_WIDTH);
  let captionY = y - 2;
  for (const text of ['Quét mã để kiểm tra bản sao', ...wrapText(url, 225, (s) => font.widthOfTextAtSize(s, 7.5))]) {
    captionY -= 10;
    page.drawText(text, { x: PAGE.margin, y: captionY, size: 7.5, font, color: MUTED });
  }
}

class CopyWriter {
  readonly #page: PDFPage;
  readonly #regular: PDFFont;
  readonly #bold: PDFFont;
  #y = PAGE.height - PAGE.margin;

  get y(): number {
    return this.#y;
  }

  constructor(page: PDFPage, regular: PDFFont, bold: PDFFont) {
    this.#page = page;
    this.#regular = regular;
    this.#bold = bold;
  }

  #text(text: string, x: number, y: number, size: number, bold = false, color = INK) {
    this.#page.drawText(text.normalize('NFC'), { x, y, size, font: bold ? this.#bold : this.#regular, color });
  }

  #width(text: string, size: number, bold = false) {
    return (bold ? this.#bold : this.#regular).widthOfTextAtSize(text.normalize('NFC'), size);
  }

  gap(points: number) {
    this.#y -= points;
  }

  banner(text: string) {
    this.#text(text, (PAGE.width - this.#width(text, 10, true)) / 2, PAGE.height - 30, 10, true, RED);
  }

  /** Two centred columns (Nghị định 30/2020/NĐ-CP, Phụ lục I): issuing body left, motto right. */
  heading(left: readonly string[], right: readonly string[]) {
    const half = (PAGE.width - 2 * PAGE.margin) / 2;
    const size = 10.5;
    // Each column ends with a short rule under its last line: a third of the unit's name, the whole motto.
    const column = (lines: readonly string[], x0: number, boldFrom: number, rule: (w: number) => number) => {
      let y = this.#y;
      let last = 0;
      lines.forEach((line, i) => {
        const isBold = i >= boldFrom;
        last = this.#width(line, size, isBold);
        y -= 14;
        this.#text(line, x0 + (half - last) / 2, y, size, isBold);
      });
      const ruleWidth = rule(last);
      const from = x0 + (half - ruleWidth) / 2;
      this.#page.drawLine({
        start: { x: from, y: y - 4 },
        end: { x: from + ruleWidth, y: y - 4 },
        thickness: 0.6,
        color: INK,
      });
      return y;
    };
    const bottom = Math.min(
      column(left, PAGE.margin - 20, 1, (w) => w / 3),
      column(right, PAGE.margin + half + 10, 0, (w) => w),
    );
    this.#y = bottom - 28;
  }

  line(text: string, opts: { size: number; bold?: boolean }) {
    this.#y -= opts.size * 1.5;
    this.#text(text, PAGE.margin, this.#y, opts.size, opts.bold);
  }

  centered(text: string, size: number, bold: boolean) {
    for (const part of wrapText(text, PAGE.width - 2 * PAGE.margin, (s) => this.#width(s, size, bold))) {
      this.#y -= size * 1.45;
      this.#text(part, (PAGE.width - this.#width(part, size, bold)) / 2, this.#y, size, bold);
    }
  }

  field(label: string, value: string) {
    const size = 11.5;
    const valueWidth = PAGE.width - 2 * PAGE.margin - LABEL_WIDTH;
    const values = wrapText(value || '—', valueWidth, (s) => this.#width(s, size, true));
    values.forEach((v, i) => {
      this.#y -= size * 1.6;
      if (i === 0) this.#text(`${label}:`, PAGE.margin, this.#y, size, false, MUTED);
      this.#text(v, PAGE.margin + LABEL_WIDTH, this.#y, size, true);
    });
  }

  paragraph(text: string, size: number) {
    for (const part of wrapText(text, PAGE.width - 2 * PAGE.margin, (s) => this.#width(s, size))) {
      this.#y -= size * 1.45;
      this.#text(part, PAGE.margin, this.#y, size);
    }
  }

  /** Place and date, the signer's title, room for the signature, the name: a right column. */
  closing(data: CertifiedCopyData) {
    const x0 = PAGE.width / 2;
    const colWidth = PAGE.width - PAGE.margin - x0;
    const centre = (text: string, size: number, bold: boolean) => {
      this.#y -= size * 1.5;
      this.#text(text, x0 + (colWidth - this.#width(text, size, bold)) / 2, this.#y, size, bold);
    };
    centre(placeAndDate(data.place, data.issuedOn), 11, false);
    for (const t of data.signer.title) centre(t.toUpperCase(), 11.5, true);
    this.#y -= 56;
    centre(data.signer.name, 11.5, true);
  }

  footer(text: string) {
    this.#text(text, PAGE.margin, PAGE.margin - 24, 8, false, MUTED);
  }
}
