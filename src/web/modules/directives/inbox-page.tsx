import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import { getInbox, getSent, PAGE_SIZE } from './directives-api.ts';
import { CountsLine, StatusBadge } from './status.tsx';
import './directives.css';

const STATUSES = ['new', 'read', 'answered', 'late'] as const;

/**
 * /chi-dao — directives addressed to the user's units (unread first), and, for units that issue
 * them, a "sent by my unit" tab with each directive's read/answered/late counts.
 */
export function DirectivesInboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const canIssue = hasPermission(me, 'directives.issue');
  const canRespond = hasPermission(me, 'directives.respond');
  const tab = params.get('tab') === 'sent' && canIssue ? 'sent' : canRespond ? 'inbox' : 'sent';
  usePageTitle(t('directives.title'));
  const choose = (next: 'inbox' | 'sent') => setParams(next === 'sent' ? { tab: 'sent' } : {});
  return (
    <div className="dir-page">
      <h1>{t('directives.title')}</h1>
      <p className="lead">{t('directives.lead')}</p>
      {canIssue && (
        <p className="actions">
          <Link className="button" to="/chi-dao/moi">
            {t('directives.new.nav')}
          </Link>
        </p>
      )}
      {canIssue && canRespond && (
        <nav className="dir-tabs" aria-label={t('directives.tabs')}>
          <button type="button" aria-pressed={tab === 'inbox'} onClick={() => choose('inbox')}>
            {t('directives.inbox.tab')}
          </button>
          <button type="button" aria-pressed={tab === 'sent'} onClick={() => choose('sent')}>
            {t('directives.sent.tab')}
          </button>
        </nav>
      )}
      {tab === 'inbox' ? <Inbox /> : <Sent />}
    </div>
  );
}

function Inbox() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const status = STATUSES.find((s) => s === params.get('status'));
  const q = useQuery({
    queryKey: ['directives-inbox', status, page],
    queryFn: ({ signal }) => getInbox({ status, page }, signal),
  });
  return (
    <section aria-labelledby="dir-inbox-h">
      <h2 id="dir-inbox-h">{t('directives.inbox.title')}</h2>
      <div className="field dir-filter">
        <label htmlFor="dir-status">{t('directives.inbox.filter')}</label>
        <select
          id="dir-status"
          value={status ?? ''}
          onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
        >
          <option value="">{t('directives.inbox.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`directives.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <p className="empty">{t('directives.inbox.empty')}</p>
      ) : (
        <>
          <p className="result-count">{t('directives.count', { count: q.data.total })}</p>
          <ul className="dir-list">
            {q.data.items.map((d) => (
              <li key={`${d.id}:${d.unitId}`} className={`dir-card${d.status === 'new' ? ' dir-unread' : ''}`}>
                <h3>
                  <Link to={`/chi-dao/${d.id}`}>{d.title}</Link>
                </h3>
                <p className="dir-meta">
                  {[d.number, d.docDate ? formatDate(d.docDate) : null, d.issuerUnitName].filter(Boolean).join(' · ')}
                </p>
                <p className="dir-meta">
                  <StatusBadge status={d.status} late={d.late} />{' '}
                  {d.deadline
                    ? t('directives.deadlineOn', { date: formatDate(d.deadline) })
                    : t('directives.noDeadline')}
                  {' · '}
                  {t(`directives.kind.${d.responseKind}`)}
                </p>
                <p className="dir-meta small">{t('directives.toUnit', { unit: d.unitName })}</p>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} total={q.data.total} />
        </>
      )}
    </section>
  );
}

function Sent() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = useQuery({ queryKey: ['directives-sent', page], queryFn: ({ signal }) => getSent({ page }, signal) });
  return (
    <section aria-labelledby="dir-sent-h">
      <h2 id="dir-sent-h">{t('directives.sent.title')}</h2>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <p className="empty">{t('directives.sent.empty')}</p>
      ) : (
        <>
          <ul className="dir-list">
            {q.data.items.map((d) => (
              <li key={d.id} className="dir-card">
                <h3>
                  <Link to={`/chi-dao/${d.id}`}>{d.title}</Link>
                </h3>
                <p className="dir-meta">
                  {[d.number, d.docDate ? formatDate(d.docDate) : null, d.issuerUnitName].filter(Boolean).join(' · ')}
                </p>
                <p className="dir-meta">
                  <span className={`dir-state dir-state-${d.state}`}>{t(`directives.state.${d.state}`)}</span>{' '}
                  {d.deadline && t('directives.deadlineOn', { date: formatDate(d.deadline) })}
                </p>
                {d.state !== 'draft' && <CountsLine counts={d.counts} />}
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} total={q.data.total} />
        </>
      )}
    </section>
  );
}
