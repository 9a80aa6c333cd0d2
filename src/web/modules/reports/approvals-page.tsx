import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { periodLabel, SUBMISSION_STATUSES, type SubmissionStatus } from '../../../shared/reports.schema.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import { DeadlineLine, SubmissionBadge } from './report-status.tsx';
import { todayInVietnam } from './report-values.ts';
import { listReview, PAGE_SIZE } from './reports-api.ts';
import './reports.css';

/** Filters of the queue: waiting first; the others to follow up (returned) or reopen (not sent). */
const TABS: readonly SubmissionStatus[] = ['completed', 'returned', 'approved', 'draft', 'not_started'];

/** /bao-cao/duyet — reports of the units the caller approves for (the level above), waiting first. */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('reports.review.title'));
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const raw = params.get('trang-thai');
  const status: SubmissionStatus = SUBMISSION_STATUSES.includes(raw as SubmissionStatus)
    ? (raw as SubmissionStatus)
    : 'completed';
  const today = todayInVietnam();
  const list = useQuery({
    queryKey: ['report-review', status, page],
    queryFn: ({ signal }) => listReview({ page, status }, signal),
  });
  return (
    <div className="rp-page">
      <h1>{t('reports.review.title')}</h1>
      <nav aria-label={t('reports.review.filter')}>
        <ul className="rp-actions" style={{ listStyle: 'none', padding: 0 }}>
          {TABS.map((s) => (
            <li key={s}>
              <Link
                to={s === 'completed' ? '/bao-cao/duyet' : `/bao-cao/duyet?trang-thai=${s}`}
                className={s === status ? 'button' : 'button secondary'}
                aria-current={s === status ? 'page' : undefined}
              >
                {t(`reports.review.tab.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="empty">{t('reports.review.none')}</p>
      ) : (
        <>
          <p className="result-count">{t('reports.review.count', { count: list.data.total })}</p>
          <ul className="rp-list">
            {list.data.items.map((s) => (
              <li key={s.id} className="rp-card">
                <h2>
                  <Link to={`/bao-cao/ban-nop/${s.id}`}>
                    {s.unitName} — {s.formTitle}
                  </Link>
                </h2>
                <p className="rp-meta">
                  {t('reports.period')}:{' '}
                  <span className="nowrap">{periodLabel(s.periodType, s.periodKey, i18n.language)}</span>
                  {s.completedAt
                    ? ` · ${t('reports.review.completedAt', { time: formatDateTime(s.completedAt) })}`
                    : ''}
                </p>
                <p>
                  <SubmissionBadge s={s} today={today} />
                </p>
                <DeadlineLine s={s} today={today} />
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} />
        </>
      )}
    </div>
  );
}
