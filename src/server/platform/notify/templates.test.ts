import { describe, expect, it } from 'vitest';
import { DossierAction } from '../../../shared/dossiers.schema.ts';
import { fold, formatDay, renderTemplate } from './templates.ts';

const data = {
  code: 'TS1-2026-000123',
  procedureName: { vi: 'Tuyển sinh vào lớp 1', en: 'Admission to grade 1' },
  link: 'https://dichvucong.example.vn/ho-so/TS1-2026-000123',
};

describe('renderTemplate', () => {
  it.each(DossierAction.options)('has a Vietnamese and an English text for %s', (action) => {
    for (const locale of ['vi', 'en'] as const) {
      const r = renderTemplate(`dossier.${action}`, { ...data, state: 'in_review' }, locale);
      expect(r.subject).toContain('TS1-2026-000123');
      expect(r.body).toContain('TS1-2026-000123');
      expect(r.body).toContain(data.link);
      expect(r.sms).toContain(data.link);
    }
  });

  it('tells the applicant what to supplement and why, with the new state', () => {
    const r = renderTemplate(
      'dossier.request_supplement',
      {
        ...data,
        state: 'supplement_requested',
        reason: 'Ảnh giấy khai sinh bị mờ',
        documents: [{ vi: 'Bản sao giấy khai sinh', en: 'Copy of the birth certificate' }],
      },
      'vi',
    );
    expect(r.subject).toBe('Hồ sơ TS1-2026-000123: Yêu cầu bổ sung');
    expect(r.body).toContain('Lý do: Ảnh giấy khai sinh bị mờ');
    expect(r.body).toContain('Giấy tờ cần bổ sung: Bản sao giấy khai sinh.');
    expect(r.body).toContain('Trường/Đơn vị xử lý');
    expect(r.sms).toBe(
      `Ho so TS1-2026-000123: Yeu cau bo sung. Ly do: Anh giay khai sinh bi mo. Giay to can bo sung: Ban sao giay khai sinh. Tra cuu ho so: ${data.link}`,
    );
  });

  it('gives the due day on receipt', () => {
    const r = renderTemplate(
      'dossier.submit',
      { ...data, state: 'submitted', dueAt: '2026-02-25T16:59:59.999Z' },
      'en',
    );
    expect(r.body).toContain('Processing deadline: 25/02/2026.');
  });
});

describe('helpers', () => {
  it('folds Vietnamese to ASCII, đ included', () => {
    expect(fold('Đăk Hà, Tịnh Khê — Sở GDĐT')).toBe('Dak Ha, Tinh Khe — So GDDT');
  });
  it('formats the Vietnamese day of an instant', () => {
    expect(formatDay('2026-03-09T17:30:00Z')).toBe('10/03/2026');
  });
});
