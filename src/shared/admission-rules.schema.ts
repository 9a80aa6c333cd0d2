import { z } from 'zod';
import { Text } from './common.schema.ts';

/**
 * Admission rounds (issue 3, item 1): configured by staff, validated here for server and web.
 * Messages of the cross-field rules are bilingual ("vi / en"), as the validation details show them.
 * Grades 1 and 6 are run by communes, grade 10 by the Sở (since 07/2025; Thông tư 30/2024/TT-BGDĐT).
 */
export const AdmissionLevel = z.union([z.literal(1), z.literal(6), z.literal(10)]);
export type AdmissionLevel = z.infer<typeof AdmissionLevel>;

export const RoundStatus = z.enum(['draft', 'open', 'closed_for_review', 'allocating', 'published', 'closed']);
export type RoundStatus = z.infer<typeof RoundStatus>;

export const RoundCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z0-9][A-Z0-9._-]{1,39}$/,
    'mã kỳ tuyển sinh: 2–40 chữ in hoa, số, . _ - / round code: 2–40 capitals, digits, . _ -',
  );

/** '2027-2028': two consecutive years. */
export const SchoolYear = z
  .string()
  .regex(/^\d{4}-\d{4}$/, 'năm học dạng 2027-2028 / school year like 2027-2028')
  .refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1, 'hai năm liên tiếp / two consecutive years');

/** Points and coefficients with at most two decimals (36,50). */
const Decimal2 = (min: number, max: number) =>
  z
    .number()
    .min(min)
    .max(max)
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'tối đa 2 chữ số thập phân / at most 2 decimals');

export const custom = (ctx: z.RefinementCtx, path: (string | number)[], message: string) =>
  ctx.addIssue({ code: 'custom', path, message });

// ── Timeline ──────────────────────────────────────────────────────────────────────────────
const Instant = z.iso.datetime({ offset: true });

/** Optional fields: `null` clears, absent keeps (in a PATCH) or means none (on create). */
export const TimelineShape = z.object({
  trialFrom: Instant.nullable().optional(),
  trialTo: Instant.nullable().optional(),
  registerFrom: Instant,
  registerTo: Instant,
  reviewTo: Instant,
  resultsAt: Instant,
  confirmTo: Instant,
  supplementaryFrom: Instant.nullable().optional(),
  supplementaryTo: Instant.nullable().optional(),
});
export type TimelineInput = z.infer<typeof TimelineShape>;

export const TimelineOut = z.object({
  trialFrom: z.string().nullable(),
  trialTo: z.string().nullable(),
  registerFrom: z.string(),
  registerTo: z.string(),
  reviewTo: z.string(),
  resultsAt: z.string(),
  confirmTo: z.string(),
  supplementaryFrom: z.string().nullable(),
  supplementaryTo: z.string().nullable(),
});
export type Timeline = z.infer<typeof TimelineOut>;

/**
 * The timeline must run in order: trial ≤ registration opens < closes ≤ review ends ≤ results
 * ≤ confirmation deadline ≤ supplementary round opens < closes. Trial and supplementary windows
 * are optional but come in pairs. Returns one problem per broken link, keyed by field.
 */
export function timelineProblems(t: TimelineInput): { path: keyof Timeline; message: string }[] {
  const out: { path: keyof Timeline; message: string }[] = [];
  const at = (v: string | null | undefined) => (v ? Date.parse(v) : null);
  for (const [from, to, what] of PAIRS)
    if ((t[from] == null) !== (t[to] == null))
      out.push({ path: to, message: `${what}: cần cả ngày bắt đầu và kết thúc / needs both start and end` });
  for (const [a, b, strict, message] of ORDER) {
    const x = at(t[a]);
    const y = at(t[b]);
    if (x !== null && y !== null && (strict ? x >= y : x > y)) out.push({ path: b, message });
  }
  return out;
}

const PAIRS: [keyof Timeline, keyof Timeline, string][] = [
  ['trialFrom', 'trialTo', 'Thời gian thử / trial window'],
  ['supplementaryFrom', 'supplementaryTo', 'Tuyển bổ sung / supplementary round'],
];

/** [earlier, later, strictly, message]: each link of the chain. */
const ORDER: [keyof Timeline, keyof Timeline, boolean, string][] = [
  ['trialFrom', 'trialTo', true, 'Thử: kết thúc sau khi bắt đầu / trial must end after it starts'],
  ['trialTo', 'registerFrom', false, 'Đăng ký mở sau khi hết thời gian thử / registration opens after the trial'],
  ['registerFrom', 'registerTo', true, 'Hạn đăng ký sau ngày mở / registration must close after it opens'],
  ['registerTo', 'reviewTo', false, 'Xét duyệt xong sau hạn đăng ký / review ends after registration closes'],
  ['reviewTo', 'resultsAt', false, 'Công bố kết quả sau khi xét duyệt / results come after the review'],
  ['resultsAt', 'confirmTo', false, 'Hạn xác nhận sau khi công bố / confirmation deadline after the results'],
  ['confirmTo', 'supplementaryFrom', false, 'Tuyển bổ sung sau hạn xác nhận / supplementary round after confirmation'],
  [
    'supplementaryFrom',
    'supplementaryTo',
    true,
    'Bổ sung: kết thúc sau khi bắt đầu / supplementary round must end after it starts',
  ],
];

export const Timeline = TimelineShape.superRefine((t, ctx) => {
  for (const p of timelineProblems(t)) custom(ctx, [p.path], p.message);
});

// ── Rules ─────────────────────────────────────────────────────────────────────────────────
export const SubjectCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,19}$/, 'mã môn: chữ thường, số, _ / subject code: lowercase, digits, _');

/** Coefficients are whole numbers (maths ×2), as the allocation library weighs them. */
export const ExamSubject = z.object({
  code: SubjectCode,
  name: Text(1, 100),
  coefficient: z.number().int().min(1).max(5),
});

/**
 * Ordered tie-breakers for equal totals at a school's last seat, from a fixed vocabulary that the
 * allocation library implements: higher priority points, higher bonus points, higher score in
 * one exam subject (`subject:<code>`, a subject of the round).
 */
export const TieBreaker = z
  .string()
  .regex(
    /^(priority_points|bonus_points|subject:[a-z][a-z0-9_]{0,19})$/,
    'tiêu chí: priority_points, bonus_points, subject:<mã> / tie-breaker: priority_points, bonus_points, subject:<code>',
  );

/** Grade 10 by entrance exam: Σ subject × coefficient + priority + bonus, ranked wishes (NV). */
export const ExamRules = z
  .object({
    method: z.literal('exam'),
    subjects: z.array(ExamSubject).min(1).max(6),
    wishCount: z.number().int().min(1).max(5),
    /** Extra points over a school's cut-off needed for wish k (Hanoi: [0, 1, 2]); all 0 = plain preference. */
    wishOffsets: z.array(Decimal2(0, 10)).min(1).max(5),
    /** Specialised (chuyên) schools are allocated before the others. */
    specialisedFirst: z.boolean(),
    /** Most bonus points one applicant may add; 0 where the regulation in force grants none. */
    maxBonusPoints: Decimal2(0, 5),
    tieBreakers: z.array(TieBreaker).max(6),
    /** Several applicants tied for the last seat: admit them all, or none of them. */
    tieAtLastSeat: z.enum(['admit_all', 'admit_none']),
  })
  .superRefine((r, ctx) => {
    const codes = r.subjects.map((s) => s.code);
    codes.forEach((c, i) => {
      if (codes.indexOf(c) !== i) custom(ctx, ['subjects', i, 'code'], 'mã môn bị trùng / duplicate subject code');
    });
    if (r.wishOffsets.length !== r.wishCount)
      custom(
        ctx,
        ['wishOffsets'],
        `cần đúng ${r.wishCount} mức cộng thêm / needs exactly ${r.wishCount} offsets (one per wish)`,
      );
    if (r.wishOffsets[0] !== undefined && r.wishOffsets[0] !== 0)
      custom(
        ctx,
        ['wishOffsets', 0],
        'NV1 xét đúng điểm chuẩn: mức cộng phải là 0 / wish 1 is held to the cut-off itself: offset must be 0',
      );
    r.wishOffsets.forEach((o, i) => {
      if (i > 0 && o < r.wishOffsets[i - 1]!)
        custom(
          ctx,
          ['wishOffsets', i],
          'mức cộng không được giảm dần / offsets must not decrease from one wish to the next',
        );
    });
    r.tieBreakers.forEach((t, i) => {
      if (r.tieBreakers.indexOf(t) !== i) custom(ctx, ['tieBreakers', i], 'tiêu chí bị trùng / duplicate tie-breaker');
      if (t.startsWith('subject:') && !codes.includes(t.slice(8)))
        custom(ctx, ['tieBreakers', i], 'môn không có trong kỳ thi / not a subject of this round');
    });
  });

/** Grades 1 and 6: by residence catchment, then priority groups, then (optionally) a lottery. */
export const CatchmentRules = z.object({
  method: z.literal('catchment'),
  wishCount: z.number().int().min(1).max(2),
  /** Remaining seats go to out-of-catchment applicants by a lottery whose seed is published first. */
  lotteryForOutOfCatchment: z.boolean(),
});

export const AdmissionRules = z.discriminatedUnion('method', [ExamRules, CatchmentRules]);
export type AdmissionRules = z.infer<typeof AdmissionRules>;

/** Grade 10: points (+2, +1.5, +1 by group, Thông tư 30/2024/TT-BGDĐT). Grades 1/6: a rank (1 = first). */
export const PriorityGroup = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9_.-]{1,30}$/, 'mã nhóm: chữ, số, _ . - / group code: letters, digits, _ . -'),
    nameVi: Text(2, 200),
    nameEn: Text(2, 200).nullable().default(null),
    points: Decimal2(0.25, 5).nullable().default(null),
    rank: z.number().int().min(1).max(20).nullable().default(null),
    /** The document that proves membership (e.g. a certificate issued by the commune). */
    evidenceVi: Text(1, 300).nullable().default(null),
    evidenceEn: Text(1, 300).nullable().default(null),
  })
  .superRefine((g, ctx) => {
    if ((g.points === null) === (g.rank === null))
      custom(
        ctx,
        ['points'],
        'cần điểm cộng (lớp 10) hoặc thứ tự ưu tiên (lớp 1, 6) / give points (grade 10) or a rank (grades 1, 6)',
      );
  });
export type PriorityGroup = z.infer<typeof PriorityGroup>;

export const PriorityGroups = z
  .array(PriorityGroup)
  .max(30)
  .superRefine((gs, ctx) => {
    gs.forEach((g, i) => {
      if (gs.findIndex((x) => x.code === g.code) !== i)
        custom(ctx, [i, 'code'], 'mã nhóm bị trùng / duplicate group code');
    });
  });

/** Rules and priority groups must fit the level: exam and points for 10, catchment and ranks for 1/6. */
export function levelProblems(
  level: AdmissionLevel,
  v: { rules?: AdmissionRules | undefined; priorityGroups?: PriorityGroup[] | undefined },
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const exam = level === 10;
  if (v.rules && (v.rules.method === 'exam') !== exam)
    out.push({
      path: 'rules.method',
      message: exam
        ? 'Lớp 10 tuyển theo điểm thi (exam) / grade 10 admits by exam scores (exam)'
        : 'Lớp 1, 6 tuyển theo địa bàn cư trú (catchment) / grades 1 and 6 admit by residence (catchment)',
    });
  v.priorityGroups?.forEach((g, i) => {
    if (exam && g.points === null)
      out.push({
        path: `priorityGroups.${i}.points`,
        message: 'Lớp 10: nhóm ưu tiên cộng điểm / grade 10: a group adds points',
      });
    if (!exam && g.rank === null)
      out.push({
        path: `priorityGroups.${i}.rank`,
        message: 'Lớp 1, 6: nhóm ưu tiên theo thứ tự / grades 1 and 6: a group has a rank',
      });
  });
  return out;
}
