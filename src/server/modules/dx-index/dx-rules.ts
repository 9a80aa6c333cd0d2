import {
  type DxChoice,
  type DxCriteriaSet,
  type DxCriterion,
  DxDefinition,
  type DxGroupScore,
  dxScore,
} from '../../../shared/dx-index.schema.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import type { AnswerRow, CampaignRow } from './dx.repository.ts';

/** Rules of the index that need no database: the set's criteria, answer checks, deadlines, scores. */

export interface LoadedSet extends DxCriteriaSet {
  id: string;
  criteria: Map<string, DxCriterion>;
}

/** A criteria-set row parsed (definitions are immutable: callers may cache by id). */
export function loadSet(row: {
  id: string;
  code: string;
  title: string;
  decision: string;
  target: 'school' | 'authority';
  mandatory_rule: 'cap_level_1' | 'none';
  definition: unknown;
}): LoadedSet {
  const definition = DxDefinition.parse(row.definition);
  const criteria = new Map<string, DxCriterion>();
  for (const g of definition.groups) for (const c of g.criteria) criteria.set(c.code, c);
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    decision: row.decision,
    target: row.target,
    mandatoryRule: row.mandatory_rule,
    definition,
    criteria,
  };
}

/**
 * Problems of one choice against its criterion: an unknown criterion, an option not on its
 * scale, points on a criterion that takes an option (or the other way round), points above the
 * maximum or not in half points.
 */
export function checkChoice(set: LoadedSet, code: string, choice: DxChoice, path: string): ErrorDetail[] {
  const c = set.criteria.get(code);
  if (!c) return [{ path: `${path}.criterionCode`, message: 'không có tiêu chí này / no such criterion' }];
  if (c.kind === 'points') {
    if (choice.option !== null)
      return [{ path: `${path}.option`, message: 'tiêu chí chấm bằng điểm / this criterion takes points' }];
    if (choice.points !== null && (choice.points > c.maxPoints || Math.round(choice.points * 2) !== choice.points * 2))
      return [
        {
          path: `${path}.points`,
          message: `từ 0 đến ${c.maxPoints}, bước 0,5 / from 0 to ${c.maxPoints} in half points`,
        },
      ];
    return [];
  }
  if (choice.points !== null)
    return [{ path: `${path}.points`, message: 'tiêu chí chọn theo mức / this criterion takes an option' }];
  if (choice.option !== null && !c.options.some((o) => o.code === choice.option))
    return [{ path: `${path}.option`, message: 'lựa chọn không có trong thang / not an option of the scale' }];
  return [];
}

/** The school's choices and the final ones (the evaluator's where given, else the school's). */
export function choicesOf(answers: readonly AnswerRow[]): {
  self: Map<string, DxChoice>;
  final: Map<string, DxChoice>;
} {
  const self = new Map<string, DxChoice>();
  const final = new Map<string, DxChoice>();
  for (const a of answers) {
    const s = { option: a.self_option, points: a.self_points === null ? null : Number(a.self_points) };
    self.set(a.criterion_code, s);
    const evaluated = a.eval_option !== null || a.eval_points !== null;
    final.set(
      a.criterion_code,
      evaluated ? { option: a.eval_option, points: a.eval_points === null ? null : Number(a.eval_points) } : s,
    );
  }
  return { self, final };
}

export interface Scores {
  self: { teaching: DxGroupScore; governance: DxGroupScore };
  final: { teaching: DxGroupScore; governance: DxGroupScore };
  answered: number;
  unanswered: string[];
}

/** Both sides scored, and which criteria the school has not answered. */
export function scoresOf(set: LoadedSet, answers: readonly AnswerRow[]): Scores {
  const { self, final } = choicesOf(answers);
  const unanswered: string[] = [];
  for (const [code, c] of set.criteria) {
    const ch = self.get(code);
    const done = c.kind === 'points' ? ch?.points != null : ch?.option != null;
    if (!done) unanswered.push(code);
  }
  return {
    self: dxScore(set, self),
    final: dxScore(set, final),
    answered: set.criteria.size - unanswered.length,
    unanswered,
  };
}

/** The last day the school may submit: the campaign's, or a later one the evaluator gave. */
export function deadlineOf(campaign: Pick<CampaignRow, 'submit_by'>, reopenedUntil: string | null): string {
  return reopenedUntil && reopenedUntil > campaign.submit_by ? reopenedUntil : campaign.submit_by;
}
