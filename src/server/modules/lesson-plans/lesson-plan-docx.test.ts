import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SAMPLE_LESSON_PLAN_RESOURCE_IDS, sampleLessonPlan } from './lesson-plan.fixture.ts';
import { adaptLessonPlan } from './lesson-plan.ts';
import { renderLessonPlanDocx } from './lesson-plan-docx.ts';

/** One file of a zip archive, through its central directory (PKWARE APPNOTE 4.3.12, 4.3.7). */
function zipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + skip;
  }
  throw new Error(`${name} not in the archive`);
}

/** The text of the document's runs, XML entities decoded. */
const runsOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
    m[1]!.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&'),
  );

describe('renderLessonPlanDocx', () => {
  it('writes the CV 5512 frame with the Vietnamese text exactly, in NFC', async () => {
    const docx = await renderLessonPlanDocx(sampleLessonPlan(), {
      resources: [{ id: SAMPLE_LESSON_PLAN_RESOURCE_IDS[1], title: 'Mô phỏng “Lực ma sát”' }],
    });
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const xml = zipEntry(docx, 'word/document.xml');
    for (const s of [
      'KẾ HOẠCH BÀI DẠY',
      'Nguyễn Thị Ánh Tuyết',
      'Hồ Văn Ửng',
      'I. MỤC TIÊU',
      'II. THIẾT BỊ DẠY HỌC VÀ HỌC LIỆU',
      'III. TIẾN TRÌNH DẠY HỌC',
      'Năng lực giải quyết vấn đề và sáng tạo',
      'Năng lực tự chủ và tự học',
      'Hoạt động 2: Hình thành kiến thức mới',
      'Hoạt động 2.1: Tìm hiểu lực ma sát trượt và lực ma sát nghỉ (30 phút)',
      'Hoạt động 4: Vận dụng: Ma sát và an toàn giao thông (10 phút)',
      'Bước 4: Kết luận, nhận định',
      'Môn học: Khoa học tự nhiên; lớp: 6',
      'Thời gian thực hiện: 2 tiết',
      'Mô phỏng “Lực ma sát”',
    ])
      expect(xml).toContain(s.normalize('NFC'));
    expect(xml).not.toContain('Nguyễn Thị Ánh Tuyết'.normalize('NFD'));
    const runs = runsOf(xml);
    expect(runs).toContain('TRƯỜNG TH&THCS SƠN THƯỢNG');
    expect(runs.filter((r) => /^[a-d]\) (Mục tiêu|Nội dung|Sản phẩm|Tổ chức thực hiện):/.test(r))).toHaveLength(4 * 5);
    // Two lines typed by the teacher stay two paragraphs.
    expect(runs).toContain('Phiếu học tập số 1 đã hoàn thành.');
    const styles = zipEntry(docx, 'word/styles.xml');
    expect(styles).toContain('Times New Roman');
  });

  it('prints the attribution of an adapted plan and the textbook series', async () => {
    const source = sampleLessonPlan();
    source.header.series = { code: 'kntt', name: 'Kết nối tri thức với cuộc sống' };
    const plan = adaptLessonPlan({ id: '0b9f8e36-5f0e-4a55-8f3e-6f1d2c3b4a59', plan: source }, { name: 'Y Bhăm Êban' });
    const runs = runsOf(zipEntry(await renderLessonPlanDocx(plan), 'word/document.xml'));
    expect(runs).toContain('(Phỏng theo kế hoạch bài dạy “Bài 5: Lực ma sát” của Nguyễn Thị Ánh Tuyết, Hồ Văn Ửng)');
    expect(runs).toContain('Bộ sách: Kết nối tri thức với cuộc sống');
    expect(runs).toContain('Y Bhăm Êban');
    expect(runs).not.toContain('Hồ Văn Ửng');
    expect(runs.some((r) => r.includes('Học liệu số đính kèm'))).toBe(false);
  });
});
