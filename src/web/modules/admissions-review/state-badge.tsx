import { useTranslation } from 'react-i18next';
import type { DossierState } from '../../../shared/dossiers.schema.ts';
import { formatDate } from '../../lib/format.ts';
import { StateBadge } from '../../ui/state-badge.tsx';
import { isOverdue } from './labels.ts';

/** A dossier's state in the words of the school's staff. */
export function ReviewStateBadge({ state }: { state: DossierState }) {
  const { t } = useTranslation();
  return <StateBadge state={state} label={t(`admissionsReview.state.${state}`)} />;
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
