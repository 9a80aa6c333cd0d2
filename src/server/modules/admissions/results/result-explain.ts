import type { Localized } from '../../../../shared/common.schema.ts';
import type { ResultOutcome } from '../../../platform/db/types-results.ts';
import {
  type CatchmentApplicantResult,
  formatCatchmentResult,
  formatExplanation,
  type Grade10ApplicantResult,
} from '../allocation/index.ts';

/** An application of the round with its result in the final run (null: not in the run). */
export interface RunLine {
  wishes: readonly string[];
  inRun: boolean;
  schoolId: string | null;
  reason: string | null;
  explanation: unknown;
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
    // A school outside the wishes cannot come from the library; NV1 keeps the row valid if it did.
    wish: admitted ? Math.max(rank, 1) : null,
    reason: line.reason ?? (admitted ? 'admitted' : 'not_admitted'),
    explanation: explain(level, line.explanation),
  };
}

function explain(level: number, stored: unknown): Localized {
  if (level === 10) {
    const x = stored as Grade10ApplicantResult;
    return { vi: formatExplanation(x, 'vi'), en: formatExplanation(x, 'en') };
  }
  const x = stored as CatchmentApplicantResult;
  return { vi: formatCatchmentResult(x, 'vi'), en: formatCatchmentResult(x, 'en') };
}
