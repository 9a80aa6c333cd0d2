import { officeKeyOf } from './districts.ts';
import type { SchoolFactory } from './school-factory.ts';
import type { DemoEvent, DemoSchool } from './types.ts';

/**
 * Synthetic school history before the 2025 reorganisation: merges, a split, a rename and
 * dissolutions, so the demo can show expired schools and their events. Schools that
 * closed before 2025 keep the district education office that managed them as parent;
 * communeKey is the current commune their site lies in. The decisions cited are
 * invented and marked "(minh họa)".
 */
export function buildSchoolHistory(make: SchoolFactory): { schools: DemoSchool[]; events: DemoEvent[] } {
  const schools: DemoSchool[] = [];
  const events: DemoEvent[] = [];

  // 1. Two primary schools and a lower-secondary school merged into a new TH&THCS (2020).
  const sonHa = { communeKey: 'xa-son-ha', parentKey: officeKeyOf('huyen-son-ha'), validTo: '2020-07-31' };
  const st1 = make({ ...sonHa, name: 'Trường Tiểu học số 1 Sơn Thượng', levels: ['tieu_hoc'] });
  const st2 = make({ ...sonHa, name: 'Trường Tiểu học số 2 Sơn Thượng', levels: ['tieu_hoc'] });
  const stThcs = make({ ...sonHa, name: 'Trường THCS Sơn Thượng', levels: ['thcs'] });
  const stMerged = make({
    name: 'Trường TH&THCS Sơn Thượng',
    communeKey: 'xa-son-ha',
    parentKey: 'vhxh-xa-son-ha',
    levels: ['tieu_hoc', 'thcs', 'lien_cap'],
    validFrom: '2020-08-01',
  });
  schools.push(st1, st2, stThcs, stMerged);
  events.push({
    kind: 'merged',
    effectiveDate: '2020-08-01',
    decisionRef: 'Quyết định 1142/QĐ-UBND của UBND huyện Sơn Hà (minh họa)',
    fromKeys: [st1.key, st2.key, stThcs.key],
    toKeys: [stMerged.key],
    note: 'Sáp nhập hai trường tiểu học và trường THCS thành trường liên cấp.',
  });

  // 2. A small primary school merged into a neighbouring one that survives (2021).
  const haMon = make({
    name: 'Trường Tiểu học Hà Mòn',
    communeKey: 'xa-dak-ha',
    parentKey: 'vhxh-xa-dak-ha',
    levels: ['tieu_hoc'],
  });
  const dakLa = make({
    name: 'Trường Tiểu học Đăk La',
    communeKey: 'xa-dak-ha',
    parentKey: officeKeyOf('huyen-dak-ha'),
    levels: ['tieu_hoc'],
    validTo: '2021-07-31',
  });
  schools.push(haMon, dakLa);
  events.push({
    kind: 'merged',
    effectiveDate: '2021-08-01',
    decisionRef: 'Quyết định 865/QĐ-UBND của UBND huyện Đăk Hà (minh họa)',
    fromKeys: [dakLa.key, haMon.key],
    toKeys: [haMon.key],
    note: 'Trường Tiểu học Đăk La sáp nhập vào Trường Tiểu học Hà Mòn.',
  });

  // 3. A combined school split into a primary and a lower-secondary school (2019).
  const mangCanh = make({
    name: 'Trường TH&THCS Măng Cành',
    communeKey: 'xa-kon-plong',
    parentKey: officeKeyOf('huyen-kon-plong'),
    levels: ['tieu_hoc', 'thcs', 'lien_cap'],
    validTo: '2019-07-31',
  });
  const mcParts = [
    make({
      name: 'Trường Tiểu học Măng Cành',
      levels: ['tieu_hoc'],
      communeKey: 'xa-kon-plong',
      parentKey: 'vhxh-xa-kon-plong',
      validFrom: '2019-08-01',
    }),
    make({
      name: 'Trường THCS Măng Cành',
      levels: ['thcs'],
      communeKey: 'xa-kon-plong',
      parentKey: 'vhxh-xa-kon-plong',
      validFrom: '2019-08-01',
    }),
  ];
  schools.push(mangCanh, ...mcParts);
  events.push({
    kind: 'split',
    effectiveDate: '2019-08-01',
    decisionRef: 'Quyết định 517/QĐ-UBND của UBND huyện Kon Plông (minh họa)',
    fromKeys: [mangCanh.key],
    toKeys: mcParts.map((s) => s.key),
    note: null,
  });

  // 4. A rename (2019): the school keeps its identity, its old name is kept as history.
  const kimDong = make({
    name: 'Trường Tiểu học Kim Đồng',
    communeKey: 'phuong-kon-tum',
    parentKey: 'vhxh-phuong-kon-tum',
    levels: ['tieu_hoc'],
    formerNames: [{ name: 'Trường Tiểu học Quyết Thắng', validFrom: null, validTo: '2019-08-31' }],
  });
  schools.push(kimDong);
  events.push({
    kind: 'renamed',
    effectiveDate: '2019-09-01',
    decisionRef: 'Quyết định 2031/QĐ-UBND của UBND thành phố Kon Tum (minh họa)',
    fromKeys: [kimDong.key],
    toKeys: [kimDong.key],
    note: 'Trước đây: Trường Tiểu học Quyết Thắng.',
  });

  // 5–6. Dissolutions: a private preschool (2022) and a very small primary school (2018).
  const hoaMai = make({
    name: 'Trường Mầm non tư thục Hoa Mai',
    communeKey: 'phuong-cam-thanh',
    parentKey: officeKeyOf('tp-quang-ngai'),
    levels: ['mam_non'],
    ownership: 'private',
    validTo: '2022-06-30',
  });
  const baKham = make({
    name: 'Trường Tiểu học Ba Khâm',
    communeKey: 'xa-ba-to',
    parentKey: officeKeyOf('huyen-ba-to'),
    levels: ['tieu_hoc'],
    validTo: '2018-08-14',
  });
  schools.push(hoaMai, baKham);
  events.push(
    {
      kind: 'dissolved',
      effectiveDate: '2022-07-01',
      decisionRef: 'Quyết định 3310/QĐ-UBND của UBND thành phố Quảng Ngãi (minh họa)',
      fromKeys: [hoaMai.key],
      toKeys: [],
      note: 'Giải thể theo đề nghị của nhà đầu tư.',
    },
    {
      kind: 'dissolved',
      effectiveDate: '2018-08-15',
      decisionRef: 'Quyết định 640/QĐ-UBND của UBND huyện Ba Tơ (minh họa)',
      fromKeys: [baKham.key],
      toKeys: [],
      note: 'Học sinh chuyển về Trường Tiểu học Ba Tơ.',
    },
  );

  return { schools, events };
}
