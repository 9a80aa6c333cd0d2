import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { fetchQueue } from './copies-api.ts';
import './copies.css';

const FILTERS = ['open', 'approved', 'rejected', 'all'] as const;

/** /ban-sao-van-bang/xu-ly — the Sở's queue of copy requests, nearest deadline first. */
export function QueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('diplomaCopies.queue.title'));
  const [state, setState] = useState<(typeof FILTERS)[number]>('open');
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['diploma-copy-queue', state, page], queryFn: () => fetchQueue(state, page) });

  return (
    <div className="bs-page">
      <h1>{t('diplomaCopies.queue.title')}</h1>
      <div className="field">
        <label htmlFor="bs-filter">{t('diplomaCopies.queue.filter')}</label>
        <select
          id="bs-filter"
          value={state}
          onChange={(e) => {
            setState(e.target.value as (typeof FILTERS)[number]);
            setPage(1);
          }}
        >
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`diplomaCopies.queue.${f}`)}
            </option>
          ))}
        </select>
      </div>
      {q.isPending && <Loading />}
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && q.data.items.length === 0 && <p>{t('status.noResults')}</p>}
      {q.data && q.data.items.length > 0 && (
        <ul className="bs-list">
          {q.data.items.map((i) => (
            <li key={i.dossierId} className={i.overdue ? 'bs-bad' : undefined}>
              <Link to={`/ban-sao-van-bang/xu-ly/${i.dossierId}`}>
                <strong>{i.code}</strong> — {i.holderName} ({i.graduationYear})
              </Link>
              <div className="small">
                {t(`diplomaCopies.state.${i.state}`)} · {t('diplomaCopies.receipt.due')}: {formatDateTime(i.dueAt)}
                {i.overdue && ` · ${t('diplomaCopies.queue.overdue')}`} · {i.copies}{' '}
                {t('diplomaCopies.fields.copiesShort')} · {t(`diplomaCopies.deliveryShort.${i.delivery}`)}
                {i.copyNumber && ` · ${t('diplomaCopies.copy.number')}: ${i.copyNumber}`}
              </div>
            </li>
          ))}
        </ul>
      )}
      {q.data && q.data.total > q.data.pageSize && (
        <div className="bs-actions">
          <button type="button" className="button secondary" disabled={page === 1} onClick={() => setPage(page - 1)}>
            {t('diplomaCopies.queue.previous')}
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={page * q.data.pageSize >= q.data.total}
            onClick={() => setPage(page + 1)}
          >
            {t('diplomaCopies.queue.next')}
          </button>
        </div>
      )}
    </div>
  );
}
