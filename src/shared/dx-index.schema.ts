import { z } from 'zod';
import { IsoDate, Paging, pageOf, Text, Uuid } from './common.schema.ts';

/**
 * The school digital-transformation index (Quyết định 4725/QĐ-BGDĐT, 30/12/2022): a criteria set
 * of two groups, each out of 100 points; a school self-assesses with evidence, the principal
 * submits, the level above evaluates and recognises, the Sở publishes.
 */

export const DX_GROUPS = ['teaching', 'governance'] as const;
export const DxGroupCode = z.enum(DX_GROUPS);
export type DxGroupCode = z.infer<typeof DxGroupCode>;

export const DX_STATES = ['draft', 'submitted', 'returned', 'recognised'] as const;
export const DxState = z.enum(DX_STATES);
export type DxState = z.infer<typeof DxState>;

export const DxLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type DxLevel = z.infer<typeof DxLevel>;

export const MANDATORY_RULES = ['cap_level_1', 'none'] as const;
export type MandatoryRule = (typeof MANDATORY_RULES)[number];

/** One choice of a criterion (e.g. a tier "≥ 70% of teachers") and the points it gives. */
export const DxOption = z.object({
  code: z.string().regex(/^[a-z0-9_]{1,20}$/),
  label: z.string(),
  points: z.number(),
});
export type DxOption = z.infer<typeof DxOption>;

/**
 * A criterion: `mandatory` (an điều kiện bắt buộc: met / not met, no points), `options` (one
 * choice from a scale), or `points` (0..maxPoints entered directly).
 */
export const DxCriterion = z.object({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9._-]{0,19}$/),
  title: z.string(),
  description: z.string(),
  kind: z.enum(['mandatory', 'options', 'points']),
  maxPoints: z.number().min(0),
  options: z.array(DxOption),
  evidence: z.string(),
  /** Set when the detail could not be confirmed from a published source (shown to users). */
  unconfirmed: z.boolean(),
});
export type DxCriterion = z.infer<typeof DxCriterion>;

export const DxGroup = z.object({
  code: DxGroupCode,
  title: z.string(),
  maxPoints: z.number(),
  criteria: z.array(DxCriterion),
});
export type DxGroup = z.infer<typeof DxGroup>;

export const DxDefinition = z.object({ groups: z.array(DxGroup).length(2), note: z.string() });
export type DxDefinition = z.infer<typeof DxDefinition>;

export const DxCriteriaSet = z.object({
  code: z.string(),
  title: z.string(),
  decision: z.string(),
  target: z.enum(['school', 'authority']),
  mandatoryRule: z.enum(MANDATORY_RULES),
  definition: DxDefinition,
});
export type DxCriteriaSet = z.infer<typeof DxCriteriaSet>;

export const DxCriteriaSetList = z.object({
  items: z.array(
    z.object({ code: z.string(), title: z.string(), decision: z.string(), target: z.enum(['school', 'authority']) }),
  ),
});

// ── campaigns ──

export const DxCampaign = z.object({
  id: Uuid,
  year: z.number().int(),
  criteriaSetCode: z.string(),
  opensOn: IsoDate,
  submitBy: IsoDate,
  evaluateBy: IsoDate,
  publishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type DxCampaign = z.infer<typeof DxCampaign>;
/** canManage: the caller sets up and publishes campaigns (the Sở: dx.evaluate over the province). */
export const DxCampaignList = z.object({ items: z.array(DxCampaign), canManage: z.boolean() });

export const DxCampaignInput = z.object({
  year: z.number().int().min(2022).max(2100),
  criteriaSetCode: z.string().min(1).max(40),
  opensOn: IsoDate,
  submitBy: IsoDate,
  evaluateBy: IsoDate,
});
export type DxCampaignInput = z.infer<typeof DxCampaignInput>;
export const DxCampaignPatch = z.object({
  opensOn: IsoDate,
  submitBy: IsoDate,
  evaluateBy: IsoDate,
  version: z.number().int(),
});
export type DxCampaignPatch = z.infer<typeof DxCampaignPatch>;

export const YearParams = z.object({ year: z.coerce.number().int().min(2022).max(2100) });
export const SchoolParams = z.object({ year: z.coerce.number().int().min(2022).max(2100), schoolId: Uuid });
export const EvidenceParams = SchoolParams.extend({ fileId: Uuid });

// ── the school's self-assessment ──

/** An evidence link: http(s) only (it is rendered as a link for the evaluator). */
const Link = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s]+$/i, 'địa chỉ liên kết http(s) không hợp lệ / not a valid http(s) link');

export const DxAnswerInput = z.object({
  criterionCode: z.string().min(1).max(20),
  option: z.string().max(20).nullable().default(null),
  points: z.number().min(0).max(100).nullable().default(null),
  evidenceText: z
    .string()
    .max(4000)
    .transform((s) => s.normalize('NFC').trim())
    .nullable()
    .default(null),
  evidenceLinks: z.array(Link).max(10).default([]),
});
export type DxAnswerInput = z.input<typeof DxAnswerInput>;

export const DxSaveInput = z.object({ answers: z.array(DxAnswerInput).max(100), version: z.number().int() });
export type DxSaveInput = z.input<typeof DxSaveInput>;

export const DxEvidenceAdd = z.object({ criterionCode: z.string().min(1).max(20), storedFileId: Uuid });

export const DxEvidenceFile = z.object({ id: Uuid, filename: z.string(), addedAt: z.string() });

export const DxAnswerView = z.object({
  criterionCode: z.string(),
  option: z.string().nullable(),
  points: z.number().nullable(),
  evidenceText: z.string().nullable(),
  evidenceLinks: z.array(z.string()),
  files: z.array(DxEvidenceFile),
  evalOption: z.string().nullable(),
  evalPoints: z.number().nullable(),
  evalComment: z.string().nullable(),
  evidenceRequest: z.string().nullable(),
});
export type DxAnswerView = z.infer<typeof DxAnswerView>;

export const DxGroupScore = z.object({ total: z.number(), mandatoryMet: z.boolean(), level: DxLevel });
export type DxGroupScore = z.infer<typeof DxGroupScore>;

export const DxAssessmentView = z.object({
  id: Uuid.nullable(),
  year: z.number().int(),
  schoolId: Uuid,
  schoolName: z.string(),
  communeName: z.string().nullable(),
  state: DxState,
  deadline: IsoDate,
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canEvaluate: z.boolean(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  recognisedAt: z.string().nullable(),
  published: z.boolean(),
  self: z.object({ teaching: DxGroupScore, governance: DxGroupScore }),
  final: z.object({ teaching: DxGroupScore, governance: DxGroupScore }),
  answers: z.array(DxAnswerView),
  version: z.number().int(),
  criteriaSet: DxCriteriaSet,
});
export type DxAssessmentView = z.infer<typeof DxAssessmentView>;

export const DxMySchools = z.object({
  items: z.array(z.object({ id: Uuid, name: z.string(), canSubmit: z.boolean() })),
});

// ── evaluation ──

export const DxEvaluationInput = z.object({
  answers: z
    .array(
      z.object({
        criterionCode: z.string().min(1).max(20),
        option: z.string().max(20).nullable().default(null),
        points: z.number().min(0).max(100).nullable().default(null),
        comment: z
          .string()
          .max(2000)
          .transform((s) => s.normalize('NFC').trim())
          .nullable()
          .default(null),
      }),
    )
    .max(100),
  version: z.number().int(),
});
export type DxEvaluationInput = z.input<typeof DxEvaluationInput>;

export const DxReturnInput = z.object({
  reason: Text(2, 2000),
  requests: z
    .array(z.object({ criterionCode: z.string().min(1).max(20), comment: Text(2, 2000) }))
    .min(1)
    .max(100),
  resubmitBy: IsoDate.nullable().default(null),
  version: z.number().int(),
});
export type DxReturnInput = z.input<typeof DxReturnInput>;

export const DxVersionInput = z.object({ version: z.number().int() });
export const DxReopenInput = z.object({ until: IsoDate, version: z.number().int() });

// ── lists, results, rankings ──

export const DxListQuery = Paging.extend({
  state: DxState.optional(),
  communeId: Uuid.optional(),
  level: z.coerce.number().int().min(1).max(3).optional(),
  group: DxGroupCode.optional(),
  q: z.string().max(100).optional(),
});
export type DxListQuery = z.infer<typeof DxListQuery>;

export const DxResultRow = z.object({
  schoolId: Uuid,
  schoolName: z.string(),
  communeId: Uuid.nullable(),
  communeName: z.string().nullable(),
  state: DxState.nullable(),
  teaching: z.number().nullable(),
  governance: z.number().nullable(),
  levelTeaching: DxLevel.nullable(),
  levelGovernance: DxLevel.nullable(),
  submittedAt: z.string().nullable(),
  rank: z.number().int().nullable(),
});
export type DxResultRow = z.infer<typeof DxResultRow>;
export const DxResultPage = pageOf(DxResultRow);
export type DxResultPage = z.infer<typeof DxResultPage>;

export const DxLevelCounts = z.object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int() });
export const DxCommuneRow = z.object({
  unitId: Uuid,
  name: z.string(),
  schools: z.number().int(),
  assessed: z.number().int(),
  recognised: z.number().int(),
  avgTeaching: z.number().nullable(),
  avgGovernance: z.number().nullable(),
  teaching: DxLevelCounts,
  governance: DxLevelCounts,
  rank: z.number().int().nullable(),
});
export type DxCommuneRow = z.infer<typeof DxCommuneRow>;
export const DxRanking = z.object({
  year: z.number().int(),
  published: z.boolean(),
  schools: z.number().int(),
  assessed: z.number().int(),
  recognised: z.number().int(),
  teaching: DxLevelCounts,
  governance: DxLevelCounts,
  communes: z.array(DxCommuneRow),
});
export type DxRanking = z.infer<typeof DxRanking>;

export const DxPublicYears = z.object({
  items: z.array(z.object({ year: z.number().int(), publishedAt: z.string() })),
});

// ── the level rule (pure; the server stores its result, the web shows it live) ──

/**
 * The level of a group from its total (QĐ 4725/QĐ-BGDĐT, part on levels): Mức 1 "chưa đáp ứng"
 * below 50, Mức 2 "đáp ứng cơ bản" from 50 to 75, Mức 3 "đáp ứng tốt" above 75. With the
 * `cap_level_1` rule an unmet mandatory condition of the group keeps it at Mức 1 whatever its
 * points (see the note on MANDATORY_RULE in the criteria-set data: our reading, not confirmed).
 */
export function dxLevelOf(total: number, mandatoryMet: boolean, rule: MandatoryRule): DxLevel {
  if (rule === 'cap_level_1' && !mandatoryMet) return 1;
  if (total < 50) return 1;
  if (total <= 75) return 2;
  return 3;
}

/** One side of an answer: the option chosen or the points entered. */
export interface DxChoice {
  option: string | null;
  points: number | null;
}

/**
 * Points a choice gives on a criterion: the option's points, the points entered (capped at the
 * criterion's maximum), 0 for a mandatory condition or nothing chosen.
 */
export function dxPointsOf(c: DxCriterion, choice: DxChoice | undefined): number {
  if (!choice) return 0;
  if (c.kind === 'mandatory') return 0;
  if (c.kind === 'options') return c.options.find((o) => o.code === choice.option)?.points ?? 0;
  return Math.min(c.maxPoints, Math.max(0, choice.points ?? 0));
}

/** Whether a choice answers the criterion at all. */
export function dxIsAnswered(c: DxCriterion, choice: DxChoice | undefined): boolean {
  if (!choice) return false;
  if (c.kind === 'points') return choice.points !== null;
  return choice.option !== null && c.options.some((o) => o.code === choice.option);
}

/** A group's total, whether all its mandatory conditions are met, and its level. */
export function dxScoreGroup(
  group: DxGroup,
  choices: ReadonlyMap<string, DxChoice>,
  rule: MandatoryRule,
): DxGroupScore {
  let total = 0;
  let mandatoryMet = true;
  for (const c of group.criteria) {
    const choice = choices.get(c.code);
    total += dxPointsOf(c, choice);
    if (c.kind === 'mandatory' && choice?.option !== 'met') mandatoryMet = false;
  }
  total = Math.round(total * 10) / 10;
  return { total, mandatoryMet, level: dxLevelOf(total, mandatoryMet, rule) };
}

/** Both groups of a definition scored. */
export function dxScore(
  set: Pick<DxCriteriaSet, 'definition' | 'mandatoryRule'>,
  choices: ReadonlyMap<string, DxChoice>,
): { teaching: DxGroupScore; governance: DxGroupScore } {
  const g = (code: DxGroupCode) => set.definition.groups.find((x) => x.code === code)!;
  return {
    teaching: dxScoreGroup(g('teaching'), choices, set.mandatoryRule),
    governance: dxScoreGroup(g('governance'), choices, set.mandatoryRule),
  };
}
