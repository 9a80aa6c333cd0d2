import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../platform/pdf/pdf-text.ts';
import { SAMPLE_LESSON_PLAN_RESOURCE_IDS, sampleLessonPlan } from './lesson-plan.fixture.ts';
import { adaptLessonPlan, newLessonPlan } from './lesson-plan.ts';
import { renderLessonPlanPdf } from './lesson-plan-pdf.ts';

const at = new Date('2026-09-07T01:00:00Z');

describe('renderLessonPlanPdf', () => {
  it('writes the plan with its Vietnamese text readable back', async () => {
    const bytes = await renderLessonPlanPdf(sampleLessonPlan(), {
      createdAt: at,
      resources: [{ id: SAMPLE_LESSON_PLAN_RESOURCE_IDS[0], title: 'Video “Ma sát quanh ta”' }],
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe('Kế hoạch bài dạy: Bài 5: Lực ma sát');
    expect(doc.getAuthor()).toBe('Nguyễn Thị Ánh Tuyết, Hồ Văn Ửng');
    const lines = await extractPdfText(bytes);
    for (const s of [
      'KẾ HOẠCH BÀI DẠY',
      'TRƯỜNG TH&THCS SƠN THƯỢNG',
      'Nguyễn Thị Ánh Tuyết',
      'Hồ Văn Ửng',
      'TÊN BÀI DẠY: Bài 5: Lực ma sát',
      'I. MỤC TIÊU',
      '- Năng lực giải quyết vấn đề và sáng tạo:',
      'II. THIẾT BỊ DẠY HỌC VÀ HỌC LIỆU',
      '- Video “Ma sát quanh ta”',
      'III. TIẾN TRÌNH DẠY HỌC',
      'Hoạt động 2: Hình thành kiến thức mới',
      'Hoạt động 2.2: Tìm hiểu tác dụng của lực ma sát (25 phút)',
      'Hoạt động 3: Luyện tập (15 phút)',
      'Hoạt động của giáo viên và học sinh',
    ])
      expect(lines).toContain(s);
    expect(lines.filter((l) => l === 'd) Tổ chức thực hiện:')).toHaveLength(5);
    expect(lines.filter((l) => l.startsWith('Bước 4: Kết luận'))).toHaveLength(5);
    expect(lines.join('\n')).not.toContain('\uFFFD');
    expect(lines).toContain(`Trang ${doc.getPageCount()}/${doc.getPageCount()}`);
  });

  it('prints a new plan with placeholders and an adapted plan with its attribution', async () => {
    const fresh = newLessonPlan({
      school: 'Trường THPT Ba Gia',
      subject: { code: 'vat_li', name: 'Vật lí' },
      grade: 10,
      title: 'Bài 1: Làm quen với Vật lí',
      periods: 1,
      teachers: ['Đinh Thị Hơ Nhí'],
    });
    const adapted = adaptLessonPlan(
      { id: '0b9f8e36-5f0e-4a55-8f3e-6f1d2c3b4a59', plan: fresh },
      { name: 'Y Bhăm Êban', school: 'Trường THPT Sơn Mỹ' },
    );
    const lines = await extractPdfText(await renderLessonPlanPdf(adapted, { createdAt: at }));
    expect(lines).toContain('(Phỏng theo kế hoạch bài dạy “Bài 1: Làm quen với Vật lí” của Đinh Thị Hơ Nhí)');
    expect(lines).toContain('Hoạt động 1: Xác định vấn đề/nhiệm vụ học tập/Mở đầu');
    expect(lines).toContain('Y Bhăm Êban');
    expect(lines).not.toContain('Đinh Thị Hơ Nhí');
    expect(lines.filter((l) => l === '…').length).toBeGreaterThan(20);
  });
});
