import type { CertifiedCopyData } from './copy-pdf.ts';

/** A certified copy of a synthetic diploma (no real person), for tests and previews. */
export function buildCopyData(over: Partial<CertifiedCopyData> = {}): CertifiedCopyData {
  return {
    entry: {
      diplomaType: 'Bằng tốt nghiệp trung học phổ thông',
      holderName: 'Nguyễn Thị Ánh Tuyết',
      dateOfBirth: '2000-02-05',
      placeOfBirth: 'Xã Đắk Hà, huyện Đắk Hà, tỉnh Kon Tum',
      gender: 'female',
      ethnicity: 'Xơ Đăng',
      school: 'Trường THPT Nguyễn Trãi, tỉnh Kon Tum',
      year: 2018,
      classification: 'Khá',
      decisionNumber: '1234/QĐ-SGDĐT',
      decisionDate: '2018-07-16',
      registerNumber: 'KT-2018-004217',
      serialNumber: 'B0123456',
      issuingUnit: 'Sở Giáo dục và Đào tạo tỉnh Kon Tum',
    },
    copyNumber: '12/2026/BS',
    issuer: { parent: 'Ủy ban nhân dân tỉnh Quảng Ngãi', unit: 'Sở Giáo dục và Đào tạo' },
    place: 'Quảng Ngãi',
    issuedOn: '2026-02-05',
    signer: { title: ['KT. Giám đốc', 'Phó Giám đốc'], name: 'Trần Văn Mẫu' },
    verificationUrl: 'https://giaoducso.example.vn/van-bang/kiem-tra?so-hieu=B0123456&ban-sao=12%2F2026%2FBS',
    demo: true,
    createdAt: new Date('2026-02-05T02:30:00Z'),
    ...over,
  };
}
