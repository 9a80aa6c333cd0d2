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

/** A table column: its heading (optional) and its share of the text width (a weight). */
export interface PdfTableColumn {
  header?: string;
  width: number;
}

export type PdfTableCell = string | { text: string; bold?: boolean };

export type PdfBlock =
  | { kind: 'title'; text: string }
  /** Level 1 (default) is a section heading, 2 and 3 smaller sub-headings; kept with what follows. */
  | { kind: 'heading'; text: string; level?: 1 | 2 | 3 }
  /**
   * `lead` is a bold lead-in on the first line ("a) Mục tiêu:"), `indent` a left indent in
   * points, `align` centres every line.
   */
  | {
      kind: 'paragraph';
      text: string;
      size?: number;
      bold?: boolean;
      lead?: string;
      indent?: number;
      align?: 'left' | 'center';
    }
  | { kind: 'fields'; rows: readonly PdfField[] }
  /** A ruled table; a row taller than the rest of the page continues on the next, under the headings again. */
  | { kind: 'table'; columns: readonly PdfTableColumn[]; rows: readonly (readonly PdfTableCell[])[]; size?: number }
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
const SHADE = rgb(0.93, 0.93, 0.93);
const HEADING_SIZES = [12.5, 11.5, 11] as const;

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
      const size = b.kind === 'title' ? 16 : HEADING_SIZES[(b.level ?? 1) - 1]!;
      this.#y -= b.kind === 'title' ? 6 : 8;
      const lines = this.#lines(b.text, width, size, true);
      // Keep a heading with the first lines of what follows it.
      if (b.kind === 'heading' && this.#room() < (lines.length * size + 2 * BODY) * LEADING) this.#newPage();
      for (const text of lines) {
        const y = this.#advance(size);
        const x = b.kind === 'title' ? (PAGE.width - this.#bold.widthOfTextAtSize(text, size)) / 2 : PAGE.margin;
        this.#page.drawText(text, { x, y, size, font: this.#bold, color: INK });
      }
      this.#y -= b.kind === 'title' || (b.level ?? 1) === 1 ? 6 : 2;
      return;
    }
    if (b.kind === 'paragraph') {
      this.#paragraph(b, width);
      return;
    }
    if (b.kind === 'table') {
      this.#table(b, width);
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

  /** Height left above the bottom margin of the page. */
  #room(): number {
    return this.#y - (PAGE.margin + 24);
  }

  #paragraph(b: Extract<PdfBlock, { kind: 'paragraph' }>, fullWidth: number): void {
    const size = b.size ?? BODY;
    const left = PAGE.margin + (b.indent ?? 0);
    const width = fullWidth - (b.indent ?? 0);
    const font = this.#font(b.bold);
    const lead = b.lead ? b.lead.normalize('NFC') : '';
    const leadWidth = lead ? this.#bold.widthOfTextAtSize(`${lead} `, size) : 0;
    const lines = wrapText(b.text, width, (s) => font.widthOfTextAtSize(s, size), width - leadWidth);
    lines.forEach((text, i) => {
      const y = this.#advance(size);
      let x = left;
      if (i === 0 && lead) {
        this.#page.drawText(lead, { x, y, size, font: this.#bold, color: INK });
        x += leadWidth;
      }
      if (b.align === 'center') x = PAGE.margin + (fullWidth - font.widthOfTextAtSize(text, size)) / 2;
      if (text) this.#page.drawText(text, { x, y, size, font, color: INK });
    });
    this.#y -= 4;
  }

  #table(b: Extract<PdfBlock, { kind: 'table' }>, width: number): void {
    const size = b.size ?? BODY;
    const line = size * LEADING;
    const pad = 4;
    const total = b.columns.reduce((sum, c) => sum + c.width, 0);
    const widths = b.columns.map((c) => (width * c.width) / total);
    const xs = widths.map((_, i) => PAGE.margin + widths.slice(0, i).reduce((a, w) => a + w, 0));
    const wrap = (cells: readonly PdfTableCell[]) =>
      widths.map((w, i) => {
        const cell = cells[i] ?? '';
        const { text, bold } = typeof cell === 'string' ? { text: cell, bold: false } : cell;
        return { bold: bold ?? false, lines: this.#lines(text, w - 2 * pad, size, bold) };
      });
    const head = b.columns.some((c) => c.header)
      ? wrap(b.columns.map((c) => ({ text: c.header ?? '', bold: true })))
      : null;

    /** Draws lines [from, to) of a row's cells at the current position, ruled and padded. */
    const drawPart = (cells: ReturnType<typeof wrap>, from: number, to: number, shade: boolean) => {
      const top = this.#y;
      const height = (to - from) * line + 2 * pad;
      cells.forEach((cell, i) => {
        this.#page.drawRectangle({
          x: xs[i]!,
          y: top - height,
          width: widths[i]!,
          height,
          borderColor: MUTED,
          borderWidth: 0.5,
          color: shade ? SHADE : undefined,
        });
        cell.lines.slice(from, to).forEach((text, k) => {
          const y = top - pad - k * line - size * 1.05;
          this.#page.drawText(text, { x: xs[i]! + pad, y, size, font: this.#font(cell.bold), color: INK });
        });
      });
      this.#y = top - height;
    };
    const drawHead = () => {
      if (head) drawPart(head, 0, Math.max(...head.map((c) => c.lines.length)), true);
    };
    const usable = PAGE.height - 2 * PAGE.margin - 24;

    const heightOf = (cells: ReturnType<typeof wrap>) => Math.max(...cells.map((c) => c.lines.length)) * line + 2 * pad;
    this.#y -= 2;
    // The headings do not stay alone at the bottom of a page.
    const first = b.rows[0] ? heightOf(wrap(b.rows[0])) : 0;
    const start = (head ? heightOf(head) : 0) + first;
    if (start > this.#room() && start <= usable) this.#newPage();
    drawHead();
    for (const row of b.rows) {
      const cells = wrap(row);
      const count = Math.max(...cells.map((c) => c.lines.length));
      // A row that fits on a page is not split: it moves to the next page whole.
      if (heightOf(cells) > this.#room() && heightOf(cells) <= usable) {
        this.#newPage();
        drawHead();
      }
      for (let from = 0; from < count; ) {
        const fit = Math.floor((this.#room() - 2 * pad) / line);
        if (fit < 1) {
          this.#newPage();
          drawHead();
          continue;
        }
        const to = Math.min(count, from + fit);
        drawPart(cells, from, to, false);
        from = to;
      }
    }
    this.#y -= 6;
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
