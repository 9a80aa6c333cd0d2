import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { decideRequest, listRequests, type ReadRequest } from './archive-api.ts';
import './archive.css';

/** /luu-tru/yeu-cau — the caller's read requests and, for archivists, those waiting for a decision. */
export function ReadRequestsPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('archive.requests.title'));
  return (
    <div className="arc-page">
      <h1>{t('archive.requests.title')}</h1>
      {hasPermission(me, 'archive.manage') && <RequestList scope="to_decide" />}
      <RequestList scope="mine" />
    </div>
  );
}

function RequestList({ scope }: { scope: 'mine' | 'to_decide' }) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['archive-requests', scope],
    queryFn: ({ signal }) => listRequests(scope, signal),
  });
  const headingId = `arc-req-${scope}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`archive.requests.${scope === 'mine' ? 'mine' : 'toDecide'}`)}</h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{t('archive.requests.none')}</p>
      ) : (
        <ul className="arc-list">
          {list.data.items.map((r) => (
            <li key={r.id} className="arc-card">
              <p>
                <Link to={`/luu-tru/ho-so/${r.fileId}`}>
                  {r.fileCode} — {r.fileTitle}
                </Link>
              </p>
              <p className="arc-meta">
                {r.requesterName} · {formatDateTime(r.createdAt)} · {t(`archive.requests.state.${r.state}`)}
                {r.validUntil ? ` · ${t('archive.requests.until', { date: formatDate(r.validUntil) })}` : ''}
              </p>
              <p>{r.purpose}</p>
              {r.decisionReason && <p className="arc-meta">{r.decisionReason}</p>}
              {scope === 'to_decide' && <Decision request={r} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Approve (with a last day of reading) or refuse, with a reason either way. */
function Decision({ request }: { request: ReadRequest }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const decide = useMutation({
    mutationFn: (approve: boolean) =>
      decideRequest(request.id, { approve, reason, ...(approve ? { validUntil: until } : {}) }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['archive-requests'] }),
  });
  const prefix = `arc-d-${request.id}`;
  const submit = (e: FormEvent, approve: boolean) => {
    e.preventDefault();
    decide.mutate(approve);
  };
  return (
    <form className="arc-form" onSubmit={(e) => submit(e, true)}>
      <label htmlFor={`${prefix}-reason`}>{t('archive.requests.reason')}</label>
      <textarea
        id={`${prefix}-reason`}
        required
        minLength={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <label htmlFor={`${prefix}-until`}>{t('archive.requests.validUntil')}</label>
      <input id={`${prefix}-until`} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
      {decide.isError && <ErrorAlert error={decide.error} />}
      <div>
        <button type="submit" className="button" disabled={decide.isPending}>
          {t('archive.requests.approve')}
        </button>{' '}
        <button
          type="button"
          className="button secondary"
          disabled={decide.isPending || reason.trim().length < 2}
          onClick={(e) => submit(e, false)}
        >
          {t('archive.requests.reject')}
        </button>
      </div>
    </form>
  );
}
