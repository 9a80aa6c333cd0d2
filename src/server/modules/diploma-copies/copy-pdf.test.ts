import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
// jsqr is CommonJS with `exports.default`: under NodeNext the default import is the module object.
import jsQR from 'jsqr';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../platform/pdf/pdf-text.ts';
import { createSigning, type Signing } from '../../platform/signing/signing.ts';
import { buildCopyData } from './copy-pdf.fixture.ts';
import { copyFields, formatViDate, placeAndDate, renderCertifiedCopyPdf } from './copy-pdf.ts';
import { SRGB_ICC } from './pdfa.ts';
import { qrMatrix } from './qr-draw.ts';

let pdf: Uint8Array;

beforeAll(async () => {
  pdf = await renderCertifiedCopyPdf(buildCopyData());
});

/** The decoded content streams of the first page. */
async function pageContent(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const node = doc.getPages()[0]!.node;
  const contents = doc.context.lookup(node.get(PDFName.of('Contents')));
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  return streams
    .map((s) =>
      Buffer.from(s instanceof PDFRawStream ? decodePDFRawStream(s).decode() : (s as PDFStream).getContents()).toString(
        'latin1',
      ),
    )
    .join('\n');
}

/** Paints the page's small filled rectangles (the QR modules) into a bitmap and decodes it with jsQR. */
function decodeQr(content: string): string | undefined {
  const rects = [...content.matchAll(/(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+) re/g)]
    .map((m) => m.slice(1, 5).map(Number) as [number, number, number, number])
    .filter(([, , , h]) => h < 5);
  const minX = Math.min(...rects.map((r) => r[0]));
  const minY = Math.min(...rects.map((r) => r[1]));
  const maxX = Math.max(...rects.map((r) => r[0] + r[2]));
  const maxY = Math.max(...rects.map((r) => r[1] + r[3]));
  const scale = 4;
  const pad = 40;
  const width = Math.ceil((maxX - minX) * scale) + 2 * pad;
  const height = Math.ceil((maxY - minY) * scale) + 2 * pad;
  const pixels = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const [x, y, w, h] of rects) {
    const x0 = Math.round((x - minX) * scale) + pad;
    const x1 = Math.round((x + w - minX) * scale) + pad;
    // PDF y grows upwards, image rows downwards.
    const y0 = Math.round((maxY - (y + h)) * scale) + pad;
    const y1 = Math.round((maxY - y) * scale) + pad;
    for (let row = y0; row < y1; row++)
      for (let col = x0; col < x1; col++) pixels.fill(0, (row * width + col) * 4, (row * width + col) * 4 + 3);
  }
  return jsQR.default(pixels, width, height)?.data;
}

describe('renderCertifiedCopyPdf', () => {
  it('writes the register data, copy number, issuer, date and signer as readable Vietnamese', async () => {
    const lines = await extractPdfText(pdf);
    for (const s of [
      'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
      'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số bản sao: 12/2026/BS',
      'BẢN SAO ĐƯỢC CẤP TỪ SỔ GỐC',
      'BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG',
      'Nguyễn Thị Ánh Tuyết',
      '05/02/2000',
      'Xã Đắk Hà, huyện Đắk Hà, tỉnh Kon Tum',
      'Nữ',
      'Xơ Đăng',
      'Trường THPT Nguyễn Trãi, tỉnh Kon Tum',
      'Khá',
      'Số 1234/QĐ-SGDĐT ngày 16/07/2018',
      'B0123456',
      'KT-2018-004217',
      'Sở Giáo dục và Đào tạo tỉnh Kon Tum',
      'Quảng Ngãi, ngày 05 tháng 02 năm 2026',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Trần Văn Mẫu',
      'DỮ LIỆU MẪU / DEMO — KHÔNG CÓ GIÁ TRỊ PHÁP LÝ',
    ])
      expect(lines).toContain(s);
    expect(lines.join('\n')).not.toContain('\uFFFD');
  });

  it('leaves out the classification when the year had none, and the demo banner for real copies', async () => {
    const data = buildCopyData({ demo: false });
    const lines = await extractPdfText(
      await renderCertifiedCopyPdf({ ...data, entry: { ...data.entry, classification: null } }),
    );
    expect(lines).not.toContain('Xếp loại:');
    expect(lines.join()).not.toContain('DEMO');
  });

  it('draws a QR code that decodes to the verification URL', async () => {
    expect(decodeQr(await pageContent(pdf))).toBe(buildCopyData().verificationUrl);
  });

  it('is one A4 page with PDF/A-2b metadata, an sRGB output intent and a file identifier', async () => {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPages()[0]!.getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(doc.getTitle()).toBe('Bản sao được cấp từ sổ gốc số 12/2026/BS');
    const metadata = doc.catalog.lookup(PDFName.of('Metadata'), PDFStream);
    expect(metadata.dict.has(PDFName.of('Filter'))).toBe(false);
    const xmp = new TextDecoder().decode((metadata as PDFRawStream).getContents());
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Bản sao được cấp từ sổ gốc số 12/2026/BS</rdf:li>');
    expect(xmp).toContain('<xmp:CreateDate>2026-02-05T02:30:00Z</xmp:CreateDate>');
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    const intent = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0);
    expect(String(intent)).toContain('/S /GTS_PDFA1');
    const text = Buffer.from(pdf).toString('latin1');
    expect(text).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/);
    expect(text).not.toMatch(/\/JavaScript|\/JS\b|\/Encrypt|\/OpenAction/);
    // Fonts are embedded (FontFile2), never one of the 14 standard fonts.
    expect(text).toContain('/FontFile2');
    expect(SRGB_ICC.length).toBe(480);
    expect(Buffer.from(SRGB_ICC.subarray(36, 40)).toString('latin1')).toBe('acsp');
  });
});

describe('signing the copy', () => {
  let dir: string;
  let signing: Signing;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'copy-sign-'));
    signing = await createSigning({ NODE_ENV: 'test', DATA_DIR: dir });
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('signs the rendered copy and the signature verifies, keeping the PDF/A identifier and metadata', async () => {
    const signed = await signing.signer.sign(pdf, { reason: 'Cấp bản sao từ sổ gốc', location: 'Quảng Ngãi' });
    const [report] = await signing.verify(signed);
    expect(report).toMatchObject({ valid: true, problems: [] });
    const text = Buffer.from(signed).toString('latin1');
    expect(text).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/);
    expect(text).toContain('/OutputIntents');
    expect(await extractPdfText(signed)).toContain('Nguyễn Thị Ánh Tuyết');
  });
});

describe('copy formatting rules', () => {
  it('writes days below 10 and January, February with a leading zero (Nghị định 30/2020/NĐ-CP)', () => {
    expect(placeAndDate('Quảng Ngãi', '2026-02-05')).toBe('Quảng Ngãi, ngày 05 tháng 02 năm 2026');
    expect(placeAndDate('Quảng Ngãi', '2026-11-24')).toBe('Quảng Ngãi, ngày 24 tháng 11 năm 2026');
    expect(placeAndDate('Quảng Ngãi', '2026-03-09')).toBe('Quảng Ngãi, ngày 09 tháng 3 năm 2026');
  });

  it('shows ISO dates as dd/mm/yyyy and keeps a year-only birth date as recorded', () => {
    expect(formatViDate('1985-12-01')).toBe('01/12/1985');
    expect(formatViDate('1985')).toBe('1985');
    expect(copyFields(buildCopyData().entry).map(([l]) => l)).toContain('Số vào sổ gốc cấp văn bằng');
  });

  it('encodes the URL in a QR symbol with error correction M', () => {
    const m = qrMatrix(buildCopyData().verificationUrl);
    expect(m.size).toBeGreaterThanOrEqual(21);
    // The three finder patterns: dark 7×7 corners.
    expect([m.dark[0]![0], m.dark[0]![m.size - 1], m.dark[m.size - 1]![0]]).toEqual([true, true, true]);
  });
});
