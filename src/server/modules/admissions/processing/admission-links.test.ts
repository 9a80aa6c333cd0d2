import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../platform/notify/notify.ts';
import { admissionLinkRewrite } from './admission-links.ts';

const message = (code: string, link: string): Notification => ({
  to: { phone: '0905000000' },
  template: 'dossier.request_supplement',
  locale: 'vi',
  data: { code, procedureName: { vi: 'Tuyển sinh vào lớp 1', en: 'Grade 1' }, state: 'supplement_requested', link },
});

describe('admissionLinkRewrite', () => {
  const rewrite = admissionLinkRewrite('https://tuyensinh.example.vn');

  it('sends the parent of an admission application to /tuyen-sinh/ho-so/<code>', () => {
    const n = rewrite(message('TS1-2026-000042', 'https://x/tra-cuu-ho-so?ma=TS1-2026-000042'));
    expect(n.data.link).toBe('https://tuyensinh.example.vn/tuyen-sinh/ho-so/TS1-2026-000042');
  });

  it('leaves other procedures and staff links alone', () => {
    const other = message('BSVB-2026-000001', 'https://x/tra-cuu-ho-so?ma=BSVB-2026-000001');
    expect(rewrite(other)).toBe(other);
    const staff = message('TS10-2026-000001', 'https://x/admissions/applications/abc');
    expect(rewrite(staff)).toBe(staff);
  });
});
