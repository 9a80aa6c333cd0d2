import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { wrapText } from './pdf-layout.ts';
import { extractPdfText } from './pdf-text.ts';
import { renderPdf } from './pdf-writer.ts';

const monospace = (s: string) => s.length;

describe('wrapText', () => {
  it('breaks at spaces and keeps lines within the width', () => {
    expect(wrapText('Nguyễn Thị Ánh Tuyết sinh ngày 01/02/2021', 12, monospace)).toEqual([
      'Nguyễn Thị',
      'Ánh Tuyết',
      'sinh ngày',
      '01/02/2021',
    ]);
  });

  it('cuts a word longer than the line and keeps explicit line breaks', () => {
    expect(wrapText('abcdefghij\nxy', 4, monospace)).toEqual(['abcd', 'efgh', 'ij', 'xy']);
    expect(wrapText('', 10, monospace)).toEqual(['']);
  });

  it('composes decomposed Vietnamese into NFC', () => {
    const decomposed = 'Đắk Hà'.normalize('NFD');
    expect(wrapText(decomposed, 50, monospace)).toEqual(['Đắk Hà'.normalize('NFC')]);
  });
});

describe('renderPdf', () => {
  it('writes a PDF whose text reads back in Vietnamese', async () => {
    const bytes = await renderPdf({
      title: 'Phiếu tiếp nhận hồ sơ',
      createdAt: new Date('2026-06-01T02:00:00Z'),
      header: {
        left: [{ text: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO QUẢNG NGÃI' }],
        right: [{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true }],
      },
      blocks: [
        { kind: 'title', text: 'Phiếu tiếp nhận hồ sơ' },
        { kind: 'fields', rows: [{ label: 'Họ và tên', value: 'Nguyễn Thị Ánh Tuyết' }] },
        { kind: 'paragraph', text: 'Xã Đắk Hà, tỉnh Quảng Ngãi'.normalize('NFD') },
      ],
      footer: 'Dữ liệu minh họa',
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Phiếu tiếp nhận hồ sơ');
    const text = (await extractPdfText(bytes)).join('\n');
    for (const s of ['Phiếu tiếp nhận hồ sơ', 'Nguyễn Thị Ánh Tuyết', 'Xã Đắk Hà, tỉnh Quảng Ngãi', 'Trang 1/1'])
      expect(text).toContain(s);
    expect(text).not.toContain('\uFFFD');
    // Subsetted: only the glyphs used, far below the 200 KB of the two fonts.
    expect(bytes.length).toBeLessThan(60_000);
  });

  it('continues on a new page when the text runs past the bottom', async () => {
    const bytes = await renderPdf({
      title: 't',
      blocks: Array.from({ length: 80 }, (_, i) => ({ kind: 'paragraph' as const, text: `Dòng ${i + 1}` })),
    });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(1);
    expect((await extractPdfText(bytes)).join('\n')).toContain('Dòng 80');
  });
});

describe('wrapText with a lead-in', () => {
  it('narrows only the first line', () => {
    expect(wrapText('aaa bbb ccc', 7, monospace, 3)).toEqual(['aaa', 'bbb ccc']);
  });

  it('starts on the next line when the first word does not fit beside the lead', () => {
    expect(wrapText('abcdef gh', 9, monospace, 3)).toEqual(['', 'abcdef gh']);
  });
});

describe('renderPdf sub-headings, lead-ins and tables', () => {
  const step = (i: number) => [{ text: `Bước ${i}`, bold: true }, `Nội dung bước ${i} `.repeat(i === 2 ? 250 : 3)];

  it('writes every cell of a table and repeats its headings on the next page', async () => {
    const bytes = await renderPdf({
      title: 't',
      blocks: [
        { kind: 'heading', level: 2, text: 'Hoạt động 2.1: Tìm hiểu lực ma sát' },
        { kind: 'paragraph', lead: 'a) Mục tiêu:', text: 'Nêu được khái niệm lực ma sát.', indent: 14 },
        { kind: 'paragraph', text: 'Môn học: Khoa học tự nhiên; lớp: 6', align: 'center' },
        {
          kind: 'table',
          columns: [
            { header: 'Bước', width: 3 },
            { header: 'Hoạt động của giáo viên và học sinh', width: 7 },
          ],
          rows: [1, 2, 3].map(step),
        },
      ],
    });
    const lines = await extractPdfText(bytes);
    const text = lines.join('\n');
    for (const s of ['Hoạt động 2.1: Tìm hiểu lực ma sát', 'a) Mục tiêu:', 'Nêu được khái niệm lực ma sát.', 'Bước 3'])
      expect(text).toContain(s);
    // The long second row runs over a page: the headings are drawn again above its rest.
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(2);
    expect(lines.filter((l) => l === 'Hoạt động của giáo viên và học sinh')).toHaveLength(2);
    expect(text).not.toContain('\uFFFD');
  });
});
