import { describe, expect, it } from 'vitest';
import { presentPrefill } from './population.presenter.ts';
import type { Resident } from './population-registry.ts';

const COMMUNE = '00000000-0000-4000-8000-000000000001';
const child: Resident = {
  personalId: '051221900002',
  fullName: 'Trần Gia Bảo',
  dateOfBirth: '2021-03-15',
  gender: 'male',
  ethnicity: 'kinh',
  permanentResidence: { communeId: COMMUNE, village: 'Thôn Trường Thọ', addressLine: 'Số 3 đường Lê Lợi' },
  currentResidence: { communeId: COMMUNE, village: 'Thôn Trường Thọ', addressLine: 'Số 3 đường Lê Lợi' },
  guardians: [
    { fullName: 'Trần Văn Phúc', relation: 'father', phone: '+84905100101' },
    { fullName: 'Lê Thị Thu Hà', relation: 'mother', phone: null },
  ],
};
const names = () => 'Xã Tịnh Khê';

describe('presentPrefill', () => {
  it('shows a stranger only name, birth, gender, commune and village', () => {
    const p = presentPrefill(child, { channel: 'sms', address: '+84912000000' }, names, true);
    expect(p.disclosure).toBe('basic');
    expect(p.guardians).toEqual([]);
    expect(p.permanentResidence).toEqual({
      communeId: COMMUNE,
      communeName: 'Xã Tịnh Khê',
      village: 'Thôn Trường Thọ',
      addressLine: null,
    });
    expect(JSON.stringify(p)).not.toContain('kinh');
  });

  it("adds the house address and guardians' names when the verified phone is a guardian's", () => {
    const p = presentPrefill(child, { channel: 'sms', address: '+84905100101' }, names, false);
    expect(p.disclosure).toBe('guardian');
    expect(p.currentResidence.addressLine).toBe('Số 3 đường Lê Lợi');
    expect(p.guardians).toEqual([
      { fullName: 'Trần Văn Phúc', relation: 'father', isVerifiedContact: true },
      { fullName: 'Lê Thị Thu Hà', relation: 'mother', isVerifiedContact: false },
    ]);
  });

  it('never returns a phone number', () => {
    const p = presentPrefill(child, { channel: 'sms', address: '+84905100101' }, names, false);
    expect(JSON.stringify(p)).not.toMatch(/905100101/);
  });

  it('does not treat an e-mail as matching a guardian', () => {
    const p = presentPrefill(child, { channel: 'email', address: '+84905100101' }, names, false);
    expect(p.disclosure).toBe('basic');
  });
});
