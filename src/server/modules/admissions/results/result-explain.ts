import type { Localized } from '../../../../shared/common.schema.ts';
import type { ResultOutcome } from '../../../platform/db/types-results.ts';
import { type CatchmentApplicantResult, formatCatchmentResult } from '../allocation/index.ts';
import { explainGrade10, type StoredGrade10 } from '../allocation-runs/grade10-results.ts';

/** An application of the round with its result in the final run (null: not in the run). */
export interface RunLine {
  wishes: readonly string[];
  inRun: boolean;
  schoolId: string | null;
  reason: string | null;
  explanation: unknown;
  /** Grade 10: the admitting wish as the run numbered it (NV chuyên listed apart). */
  wishNo?: number | null;
}

export interface PublishedLine {
  outcome: ResultOutcome;
  schoolId: string | null;
  wish: number | null;
  reason: string;
  explanation: Localized;
}

const NOT_CONSIDERED: Localized = {
  vi: 'Hồ sơ không tham gia xét tuyển (đã rút hoặc không được chấp thuận trước khi xét tuyển).',
  en: 'The application took no part in the allocation (withdrawn or refused before it).',
};

/**
 * What is published for one application: admitted to the run's school (with the rank of that
 * wish) or not, and the allocation's own explanation worded once in Vietnamese and English.
 * Grade 10 results are explained by formatExplanation, grades 1/6 by formatCatchmentResult.
 */
export function publishLine(level: number, line: RunLine): PublishedLine {
  if (!line.inRun)
    return {
      outcome: 'not_considered',
      schoolId: null,
      wish: null,
      reason: 'not_considered',
      explanation: NOT_CONSIDERED,
    };
  const admitted = line.schoolId !== null;
  const rank = admitted ? line.wishes.indexOf(line.schoolId as string) + 1 : 0;
  return {
    outcome: admitted ? 'admitted' : 'not_admitted',
    schoolId: line.schoolId,
    // Grade 10 numbers wishes itself (a specialised school's wish is listed apart); otherwise the
    // rank in the form. A school outside the wishes cannot come from the library; NV1 keeps the
    // row valid if it did.
    wish: admitted ? (line.wishNo ?? Math.max(rank, 1)) : null,
    reason: line.reason ?? (admitted ? 'admitted' : 'not_admitted'),
    explanation: explain(level, line.explanation),
  };
}

function explain(level: number, stored: unknown): Localized {
  if (level === 10) {
    // explainGrade10 also words an absent or disqualified candidate (left out of the run).
    const x = stored as StoredGrade10;
    return { vi: explainGrade10(x, 'vi'), en: explainGrade10(x, 'en') };
  }
  const x = stored as CatchmentApplicantResult;
  return { vi: formatCatchmentResult(x, 'vi'), en: formatCatchmentResult(x, 'en') };
}
