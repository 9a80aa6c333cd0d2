import { z } from 'zod';
import { Paging, pageOf, Text } from './common.schema.ts';

/**
 * Grade-10 entrance exam scores (issue 3, item 4), per application of a round: one mark per subject
 * of the round's rules, priority and bonus points, the exam registration number (số báo danh),
 * absent / disqualified flags. Cross-field rules (subjects of the round, priority points of its
 * groups, the bonus cap) are checked by the server against the round (exam-score-rules.ts).
 */

/** Số báo danh: letters and digits, as printed on the exam card (stored upper-case). */
export const RegistrationNo = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z0-9][A-Z0-9._-]{0,19}$/,
    'số báo danh: 1–20 chữ, số, . _ - / registration number: 1–20 letters, digits, . _ -',
  );

/** True when `v` has at most two decimals (8,25), tolerant of binary floating point. */
export const hasTwoDecimals = (v: number): boolean => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

const Points = (max: number) =>
  z.number().min(0).max(max).refine(hasTwoDecimals, 'tối đa 2 chữ số thập phân / at most 2 decimals');

/** A mark on the 10-point scale with at most two decimals. */
export const Mark = Points(10);

/** PUT …/exam-scores/:dossierId: one record set or corrected, with the reason kept in the audit trail. */
export const ExamScoreCorrection = z.object({
  registrationNo: RegistrationNo,
  /** { subject code: mark }: every subject of the round unless absent or disqualified. */
  marks: z.record(z.string(), Mark),
  priorityPoints: Points(5).default(0),
  bonusPoints: Points(5).default(0),
  absent: z.boolean().default(false),
  disqualified: z.boolean().default(false),
  reason: Text(3, 500),
  /** The version read (absent when creating a record): 409 resource.stale if it moved. */
  expectedVersion: z.number().int().min(1).optional(),
});
export type ExamScoreCorrection = z.infer<typeof ExamScoreCorrection>;

export const ExamScore = z.object({
  dossierId: z.uuid(),
  dossierCode: z.string(),
  childName: z.string(),
  registrationNo: z.string().nullable(),
  marks: z.record(z.string(), z.number()),
  priorityPoints: z.number(),
  bonusPoints: z.number(),
  absent: z.boolean(),
  disqualified: z.boolean(),
  /** Σ mark × coefficient + priority + bonus, with two decimals; null without (complete) marks. */
  total: z.number().nullable(),
  /** null: no score recorded yet for this application. */
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type ExamScore = z.infer<typeof ExamScore>;

export const ExamScoreQuery = Paging.extend({
  /** Dossier code, child's name or registration number, without accents. */
  q: z.string().trim().max(100).optional(),
  /** Only applications without a score record. */
  missing: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const ExamScorePage = pageOf(ExamScore).extend({
  /** Applications taking part in the allocation that have no score record yet. */
  missing: z.number().int(),
});
export type ExamScorePage = z.infer<typeof ExamScorePage>;

/** The report of an import: all or nothing; `errors` non-empty means nothing was written. */
export const ExamScoreImportReport = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
});
export type ExamScoreImportReport = z.infer<typeof ExamScoreImportReport>;
