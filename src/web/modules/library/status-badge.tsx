import { useTranslation } from 'react-i18next';
import type { ResourceStatus } from '../../../shared/library.schema.ts';

/** A resource's moderation status as a badge: the words carry it, the colour only repeats it (WCAG 1.4.1). */
export function StatusBadge({ status }: { status: ResourceStatus }) {
  const { t } = useTranslation();
  return <span className={`state-badge lib-status lib-status-${status}`}>{t(`library.status.${status}`)}</span>;
}
