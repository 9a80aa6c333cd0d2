import { useTranslation } from 'react-i18next';
import type { DossierState } from '../../../shared/dossiers.schema.ts';
import { formatDate } from '../../lib/format.ts';
import { isOverdue } from './labels.ts';

/** A dossier's state in words, with a colour that is never the only cue (the word carries it). */
export function StateBadge({ state }: { state: DossierState }) {
  const { t } = useTranslation();
  return <span className={`review-state review-state-${state}`}>{t(`admissionsReview.state.${state}`)}</span>;
}

/** The deadline dd/mm/yyyy and, past it while the school holds the dossier, "Quá hạn". */
export function DueDate({ state, dueAt }: { state: DossierState; dueAt: string | null }) {
  const { t } = useTranslation();
  if (!dueAt) return <span>—</span>;
  const late = isOverdue(state, dueAt);
  return (
    <span>
      {formatDate(dueAt)}
      {late && <span className="review-overdue"> {t('admissionsReview.overdue')}</span>}
    </span>
  );
}
