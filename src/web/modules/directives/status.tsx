import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import type { DirectiveDetail, RecipientStatus } from './directives-api.ts';

/** A recipient's status in words (the colour only repeats it, WCAG 1.4.1); "answered late" says both. */
export function StatusBadge({ status, late }: { status: RecipientStatus; late: boolean }) {
  const { t } = useTranslation();
  const label = status === 'answered' && late ? t('directives.status.answeredLate') : t(`directives.status.${status}`);
  return <span className={`dir-badge dir-badge-${status}${late ? ' dir-badge-late' : ''}`}>{label}</span>;
}

/** "12/45 đã xem · 8 đã trả lời · 2 trễ hạn". */
export function CountsLine({ counts }: { counts: NonNullable<DirectiveDetail['counts']> }) {
  const { t } = useTranslation();
  const n = (v: number) => formatNumber(v);
  return (
    <p className="dir-meta">
      {t('directives.counts.line', {
        read: n(counts.read),
        answered: n(counts.answered),
        late: n(counts.late),
        total: n(counts.recipients),
      })}
    </p>
  );
}
