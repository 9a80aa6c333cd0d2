import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { fontBytes } from './fonts.ts';
import { wrapText } from './pdf-layout.ts';

/** One line of the two-column heading of an administrative document. */
export interface PdfHeaderLine {
  text: string;
  bold?: boolean;
}

/**
 * The heading of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * the issuing body on the left, the national motto on the right.
 */
export interface PdfHeader {
  left: readonly PdfHeaderLine[];
  right: readonly PdfHeaderLine[];
}

export interface PdfField {
  label: string;
  value: string;
}

export type PdfBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; size?: number; bold?: boolean }
  | { kind: 'fields'; rows: readonly PdfField[] }
  | { kind: 'space'; height: number };

export interface PdfSpec {
  /** Document title (PDF metadata). */
  title: string;
  subject?: string;
  author?: string;
  /** Creation time in the metadata; fixed in tests for a reproducible file. */
  createdAt?: Date;
  header?: PdfHeader;
  blocks: readonly PdfBlock[];
  /** Small print at the bottom of every page, before "Trang i/n". */
  footer?: string;
}

/** A4 in points, 2 cm margins. */
const PAGE = { width: 595.28, height: 841.89, margin: 56.7 };
const BODY = 11;
const LEADING = 1.45;
const LABEL_WIDTH = 170;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);

/**
 * Renders a simple document (heading, title, label–value rows, paragraphs) to PDF bytes with
 * embedded, subsetted fonts that cover Vietnamese (fonts.ts). Modules build the blocks; this
 * file knows nothing of admissions, diplomas or lesson plans.
 */
export async function renderPdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(await fontBytes('regular'), { subset: true }),
    doc.embedFont(await fontBytes('bold'), { subset: true }),
  ]);
  const nfc = (s: string) => s.normalize('NFC');
  doc.setTitle(nfc(spec.title), { showInWindowTitleBar: true });
  if (spec.subject) doc.setSubject(nfc(spec.subject));
  if (spec.author) doc.setAuthor(nfc(spec.author));
  doc.setLanguage('vi-VN');
  doc.setProducer('giaoducso');
  doc.setCreator('giaoducso');
  const at = spec.createdAt ?? new Date();
  doc.setCreationDate(at);
  doc.setModificationDate(at);

  const w = new Writer(doc, regular, bold);
  if (spec.header) w.header(spec.header);
  for (const b of spec.blocks) w.block(b);
  w.footers(spec.footer);
  return doc.save();
}

class Writer {
  readonly #doc: PDFDocument;
  readonly #regular: PDFFont;
  readonly #bold: PDFFont;
  #page: PDFPage;
  #y = 0;

  constructor(doc: PDFDocument, regular: PDFFont, bold: PDFFont) {
    this.#doc = doc;
    this.#regular = regular;
    this.#bold = bold;
    this.#page = this.#newPage();
  }

  #newPage(): PDFPage {
    const page = this.#doc.addPage([PAGE.width, PAGE.height]);
    this.#y = PAGE.height - PAGE.margin;
    this.#page = page;
    return page;
  }

  /** Moves down one line of `size`, starting a page when the bottom margin is reached. */
  #advance(size: number): number {
    const step = size * LEADING;
    if (this.#y - step < PAGE.margin + 24) this.#newPage();
    this.#y -= step;
    return this.#y;
  }

  #font(bold: boolean | undefined) {
    return bold ? this.#bold : this.#regular;
  }

  #lines(text: string, width: number, size: number, bold?: boolean) {
    const font = this.#font(bold);
    return wrapText(text, width, (s) => font.widthOfTextAtSize(s, size));
  }

  header(h: PdfHeader): void {
    const size = 10;
    const half = (PAGE.width - 2 * PAGE.margin) / 2;
    const top = this.#y;
    const column = (lines: readonly PdfHeaderLine[], left: number) => {
      let y = top;
      for (const line of lines) {
        const font = this.#font(line.bold);
        for (const text of this.#lines(line.text, half - 8, size, line.bold)) {
          y -= size * LEADING;
          const width = font.widthOfTextAtSize(text, size);
          this.#page.drawText(text, { x: left + (half - width) / 2, y, size, font, color: INK });
        }
      }
      return y;
    };
    const bottom = Math.min(column(h.left, PAGE.margin), column(h.right, PAGE.margin + half));
    this.#y = bottom - 18;
  }

  block(b: PdfBlock): void {
    const width = PAGE.width - 2 * PAGE.margin;
    if (b.kind === 'space') {
      this.#y -= b.height;
      return;
    }
    if (b.kind === 'title' || b.kind === 'heading') {
      const size = b.kind === 'title' ? 16 : 12.5;
      this.#y -= b.kind === 'title' ? 6 : 8;
      for (const text of this.#lines(b.text, width, size, true)) {
        const y = this.#advance(size);
        const x = b.kind === 'title' ? (PAGE.width - this.#bold.widthOfTextAtSize(text, size)) / 2 : PAGE.margin;
        this.#page.drawText(text, { x, y, size, font: this.#bold, color: INK });
      }
      this.#y -= 6;
      return;
    }
    if (b.kind === 'paragraph') {
      const size = b.size ?? BODY;
      for (const text of this.#lines(b.text, width, size, b.bold))
        this.#page.drawText(text, {
          x: PAGE.margin,
          y: this.#advance(size),
          size,
          font: this.#font(b.bold),
          color: INK,
        });
      this.#y -= 4;
      return;
    }
    for (const row of b.rows) {
      const labels = this.#lines(row.label, LABEL_WIDTH - 10, BODY);
      const values = this.#lines(row.value || '—', width - LABEL_WIDTH, BODY, true);
      for (let i = 0; i < Math.max(labels.length, values.length); i++) {
        const y = this.#advance(BODY);
        const label = labels[i];
        const value = values[i];
        if (label) this.#page.drawText(label, { x: PAGE.margin, y, size: BODY, font: this.#regular, color: MUTED });
        if (value)
          this.#page.drawText(value, { x: PAGE.margin + LABEL_WIDTH, y, size: BODY, font: this.#bold, color: INK });
      }
      this.#y -= 3;
    }
  }

  /** The footer and "Trang i/n" on every page, once the number of pages is known. */
  footers(footer: string | undefined): void {
    const pages = this.#doc.getPages();
    const size = 8.5;
    pages.forEach((page, i) => {
      const number = `Trang ${i + 1}/${pages.length}`;
      const nw = this.#regular.widthOfTextAtSize(number, size);
      page.drawText(number, { x: PAGE.width - PAGE.margin - nw, y: PAGE.margin - 14, size, font: this.#regular });
      if (!footer) return;
      const lines = this.#lines(footer, PAGE.width - 2 * PAGE.margin - nw - 16, size);
      lines.forEach((text, j) => {
        page.drawText(text, {
          x: PAGE.margin,
          y: PAGE.margin - 14 + (lines.length - 1 - j) * size * 1.3,
          size,
          font: this.#regular,
          color: MUTED,
        });
      });
    });
  }
}
