import { useTranslation } from 'react-i18next';
import type { SubmissionSummary } from '../../../shared/reports.schema.ts';
import { formatDate } from '../../lib/format.ts';
import { type DisplayStatus, displayStatus } from './entry-model.ts';
import { daysLeft } from './report-values.ts';

/** A report's status as a badge: the words carry it, the colour only repeats it (WCAG 1.4.1). */
export function ReportStatusBadge({ status }: { status: DisplayStatus }) {
  const { t } = useTranslation();
  const tone = status === 'not_started' || status === 'scheduled' ? '' : ` rp-status-${status}`;
  return <span className={`rp-status${tone}`}>{t(`reports.status.${status}`)}</span>;
}

/** The badge of a report as its unit sees it today. */
export function SubmissionBadge({ s, today }: { s: SubmissionSummary; today: string }) {
  return <ReportStatusBadge status={displayStatus(s, today)} />;
}

/**
 * "Hạn nộp 31/05/2026 · còn 3 ngày", or the lateness in red: not sent and past the deadline,
 * or sent after it.
 */
export function DeadlineLine({ s, today }: { s: SubmissionSummary; today: string }) {
  const { t } = useTranslation();
  const left = daysLeft(today, s.closesOn);
  const done = s.status === 'completed' || s.status === 'approved';
  let tail: { text: string; late: boolean } | null = null;
  if (done && s.onTime === false) tail = { text: t('reports.deadline.sentLate'), late: true };
  else if (!done && left < 0) tail = { text: t('reports.deadline.overdue', { count: -left }), late: true };
  else if (!done && left === 0) tail = { text: t('reports.deadline.today'), late: false };
  else if (!done) tail = { text: t('reports.deadline.left', { count: left }), late: false };
  return (
    <p className="rp-meta">
      {t('reports.deadline.closes', { date: formatDate(s.closesOn) })}
      {tail && (
        <>
          {' · '}
          <span className={tail.late ? 'rp-late' : undefined}>{tail.text}</span>
        </>
      )}
    </p>
  );
}
