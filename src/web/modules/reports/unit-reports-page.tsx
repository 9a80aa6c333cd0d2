import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { periodLabel } from '../../../shared/reports.schema.ts';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import { displayStatus } from './entry-model.ts';
import { DeadlineLine, ReportStatusBadge } from './report-status.tsx';
import { todayInVietnam } from './report-values.ts';
import { listInbox, PAGE_SIZE } from './reports-api.ts';
import './reports.css';

/** /bao-cao — "Báo cáo của đơn vị": the reports the caller's units are expected to send. */
export function UnitReportsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('reports.unit.title'));
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const today = todayInVietnam();
  const inbox = useQuery({
    queryKey: ['report-inbox', page],
    queryFn: ({ signal }) => listInbox({ page }, signal),
  });
  return (
    <div className="rp-page">
      <h1>{t('reports.unit.title')}</h1>
      <p className="lead">{t('reports.unit.lead')}</p>
      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.items.length === 0 ? (
        <p className="empty">{t('reports.unit.none')}</p>
      ) : (
        <>
          <ul className="rp-list">
            {inbox.data.items.map((s) => {
              const status = displayStatus(s, today);
              const action =
                status === 'not_started' ? 'start' : status === 'draft' || status === 'returned' ? 'continue' : 'view';
              return (
                <li key={s.id} className="rp-card">
                  <h2>
                    <Link to={`/bao-cao/nhap/${s.id}`}>{s.formTitle}</Link>
                  </h2>
                  <p className="rp-meta">
                    {s.unitName} · {t('reports.period')}:{' '}
                    <span className="nowrap">{periodLabel(s.periodType, s.periodKey, i18n.language)}</span>
                  </p>
                  <p>
                    <ReportStatusBadge status={status} />
                  </p>
                  {status === 'scheduled' ? (
                    <p className="rp-meta">{t('reports.deadline.opens', { date: formatDate(s.opensOn) })}</p>
                  ) : (
                    <DeadlineLine s={s} today={today} />
                  )}
                  {s.status === 'returned' && s.returnedReason && (
                    <p className="rp-reason">
                      <strong>{t('reports.entry.returned')}</strong> {s.returnedReason}
                    </p>
                  )}
                  {s.open && action !== 'view' && (
                    <p>
                      <Link className="button" to={`/bao-cao/nhap/${s.id}`}>
                        {t(`reports.unit.${action}`)}
                        <span className="visually-hidden">: {s.formTitle}</span>
                      </Link>
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} total={inbox.data.total} />
        </>
      )}
    </div>
  );
}
