/**
 * The SYNTHETIC admission rounds of the demo: which communes run grade-1 rounds, the grade-6 round
 * already published, the grade-10 round of the Sở. Schools are demo schools (demo/data); the
 * seats, priority groups and figures are invented. Timelines are in days relative to the day the
 * demo is loaded, so that the demo always shows a round open for registration.
 */

export type DemoRoundStatus = 'open' | 'closed_for_review' | 'published';

export interface DemoRoundSchool {
  key: string;
  classes: number;
  pupilsPerClass: number;
  specialised?: boolean;
}

export interface DemoRoundConfig {
  code: string;
  name: string;
  level: 1 | 6 | 10;
  runningUnitKey: string;
  /** Communes whose children apply (their code, from the residents). Grades 1/6: the running commune. */
  communeKeys: string[];
  schools: DemoRoundSchool[];
  /** Days from the load day: [trialFrom, trialTo] | null, registerFrom, registerTo, reviewTo, resultsAt, confirmTo. */
  days: {
    trial: [number, number] | null;
    register: [number, number];
    review: number;
    results: number;
    confirm: number;
  };
  status: DemoRoundStatus;
  /** Share of the cohort living there that applies. */
  share: number;
  /** Grades 1/6: this school gets exactly two seats fewer than its first wishes (over-subscribed). */
  overSubscribed?: string;
}

export const SCHOOL_YEAR = '2027-2028';

/** Grades 1/6 (ranks) and grade 10 (points), as a commune or the Sở might configure them. */
export const CATCHMENT_GROUPS = [
  {
    code: 'UT1',
    nameVi: 'Con liệt sĩ, con thương binh, con bệnh binh',
    nameEn: 'Children of fallen soldiers or war invalids',
    rank: 1,
    evidenceVi: 'Giấy chứng nhận của cơ quan có thẩm quyền',
  },
  {
    code: 'UT2',
    nameVi: 'Trẻ em thuộc hộ nghèo, hộ cận nghèo',
    nameEn: 'Children of poor or near-poor households',
    rank: 2,
    evidenceVi: 'Giấy chứng nhận hộ nghèo, hộ cận nghèo do UBND xã cấp',
  },
];

export const GRADE10_GROUPS = [
  {
    code: 'NHOM1',
    nameVi: 'Con liệt sĩ, con thương binh mất sức lao động từ 81% trở lên',
    nameEn: 'Group 1',
    points: 2,
  },
  { code: 'NHOM2', nameVi: 'Con thương binh mất sức lao động dưới 81%', nameEn: 'Group 2', points: 1.5 },
  {
    code: 'NHOM3',
    nameVi: 'Người dân tộc thiểu số; học sinh ở vùng có điều kiện kinh tế – xã hội đặc biệt khó khăn',
    nameEn: 'Group 3',
    points: 1,
  },
];

export const GRADE10_RULES = {
  method: 'exam' as const,
  subjects: [
    { code: 'toan', name: 'Toán', coefficient: 1 },
    { code: 'van', name: 'Ngữ văn', coefficient: 1 },
    { code: 'anh', name: 'Tiếng Anh', coefficient: 1 },
  ],
  wishCount: 3,
  wishOffsets: [0, 1, 2],
  specialisedFirst: true,
  maxBonusPoints: 0,
  tieBreakers: ['priority_points', 'subject:toan'],
  tieAtLastSeat: 'admit_all' as const,
};

const open = {
  trial: [-16, -10] as [number, number],
  register: [-9, 21] as [number, number],
  review: 30,
  results: 35,
  confirm: 42,
};

const grade1 = (
  code: string,
  commune: string,
  label: string,
  schools: DemoRoundSchool[],
  overSubscribed?: string,
): DemoRoundConfig => ({
  code,
  name: `Tuyển sinh lớp 1 năm học ${SCHOOL_YEAR} – ${label}`,
  level: 1,
  runningUnitKey: commune,
  communeKeys: [commune],
  schools,
  days: open,
  status: 'open',
  share: 0.75,
  ...(overSubscribed ? { overSubscribed } : {}),
});

export const DEMO_ROUNDS: readonly DemoRoundConfig[] = [
  grade1(
    'DEMO-TS1-TINHKHE',
    'xa-tinh-khe',
    'xã Tịnh Khê',
    [
      { key: 'truong-tieu-hoc-so-1-tinh-khe', classes: 1, pupilsPerClass: 10 },
      { key: 'truong-tieu-hoc-so-2-tinh-khe', classes: 1, pupilsPerClass: 30 },
    ],
    'truong-tieu-hoc-so-1-tinh-khe',
  ),
  grade1('DEMO-TS1-DAKHA', 'xa-dak-ha', 'xã Đăk Hà', [
    { key: 'truong-tieu-hoc-dak-ha', classes: 1, pupilsPerClass: 25 },
    { key: 'truong-ptdtbt-th-thcs-dak-ha', classes: 1, pupilsPerClass: 20 },
    { key: 'truong-tieu-hoc-ha-mon', classes: 1, pupilsPerClass: 15 },
  ]),
  grade1('DEMO-TS1-KONTUM', 'phuong-kon-tum', 'phường Kon Tum', [
    { key: 'truong-tieu-hoc-be-van-dan', classes: 1, pupilsPerClass: 20 },
    { key: 'truong-tieu-hoc-nguyen-viet-xuan', classes: 1, pupilsPerClass: 20 },
    { key: 'truong-tieu-hoc-kim-dong', classes: 1, pupilsPerClass: 15 },
  ]),
  grade1('DEMO-TS1-CAMTHANH', 'phuong-cam-thanh', 'phường Cẩm Thành', [
    { key: 'truong-tieu-hoc-vo-thi-sau', classes: 1, pupilsPerClass: 25 },
    { key: 'truong-tieu-hoc-tran-quoc-toan', classes: 1, pupilsPerClass: 25 },
  ]),
  grade1('DEMO-TS1-BATO', 'xa-ba-to', 'xã Ba Tơ', [
    { key: 'truong-tieu-hoc-ba-to', classes: 1, pupilsPerClass: 20 },
    { key: 'truong-ptdtbt-th-thcs-ba-to', classes: 1, pupilsPerClass: 15 },
  ]),
  {
    code: 'DEMO-TS6-KONTUM',
    name: `Tuyển sinh lớp 6 năm học ${SCHOOL_YEAR} – phường Kon Tum`,
    level: 6,
    runningUnitKey: 'phuong-kon-tum',
    communeKeys: ['phuong-kon-tum'],
    schools: [
      { key: 'truong-thcs-kon-tum', classes: 1, pupilsPerClass: 15 },
      { key: 'truong-thcs-phan-chu-trinh', classes: 1, pupilsPerClass: 12 },
    ],
    days: { trial: null, register: [-60, -45], review: -35, results: -25, confirm: 10 },
    status: 'published',
    share: 0.85,
  },
  {
    code: 'DEMO-TS10-QUANGNGAI',
    name: `Tuyển sinh lớp 10 THPT năm học ${SCHOOL_YEAR} – tỉnh Quảng Ngãi`,
    level: 10,
    runningUnitKey: 'so-gddt',
    communeKeys: ['phuong-cam-thanh', 'phuong-nghia-lo', 'xa-tinh-khe', 'xa-son-tinh', 'phuong-kon-tum', 'xa-dak-ha'],
    schools: [
      { key: 'truong-thpt-chuyen-le-khiet', classes: 2, pupilsPerClass: 10, specialised: true },
      { key: 'truong-thpt-tran-quoc-tuan', classes: 1, pupilsPerClass: 30 },
      { key: 'truong-thpt-son-my', classes: 1, pupilsPerClass: 25 },
      { key: 'truong-thpt-so-1-son-tinh', classes: 1, pupilsPerClass: 25 },
      { key: 'truong-thpt-chuyen-nguyen-tat-thanh', classes: 1, pupilsPerClass: 12, specialised: true },
      { key: 'truong-thpt-kon-tum', classes: 1, pupilsPerClass: 30 },
      { key: 'truong-thpt-tran-hung-dao', classes: 1, pupilsPerClass: 25 },
    ],
    days: { trial: null, register: [-25, -3], review: 10, results: 20, confirm: 30 },
    status: 'closed_for_review',
    share: 0.6,
  },
];
