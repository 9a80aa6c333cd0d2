import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { OutboxPage as OutboxData } from '../../../shared/dossiers.schema.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination, pageFromParams } from '../../ui/pagination.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { useOutbox } from './review-api.ts';
import './review.css';

type Entry = OutboxData['items'][number];

/** Where a message stands: sent, failed (and will be retried), or waiting to be sent. */
function deliveryState(e: Entry): 'sent' | 'failed' | 'pending' {
  if (e.sentAt) return 'sent';
  return e.error ? 'failed' : 'pending';
}

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * /outbox — the notifications the platform has written (issue 3: "in development an outbox
 * that staff can read in the UI"): channel, recipient as the API gives it, subject, delivery
 * state and time; a message's body opens in place. `?dossier=` narrows it to one dossier.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('admissionsReview.outbox.title'));
  const [params] = useSearchParams();
  const dossier = params.get('dossier');
  const dossierId = dossier && UUID.test(dossier) ? dossier : undefined;
  const outbox = useOutbox(pageFromParams(params), dossierId);
  const [openId, setOpenId] = useState<string | null>(null);
  const items = outbox.data?.items ?? [];
  return (
    <>
      <h1>{t('admissionsReview.outbox.title')}</h1>
      <p className="lead">{t('admissionsReview.outbox.lead')}</p>
      {dossierId && (
        <p>
          {t('admissionsReview.outbox.forDossier')} <Link to="/outbox">{t('admissionsReview.outbox.all')}</Link>
        </p>
      )}
      <p aria-live="polite" className="result-count">
        {outbox.data &&
          t('admissionsReview.outbox.count', { count: outbox.data.total, formatted: formatNumber(outbox.data.total) })}
      </p>
      {outbox.isPending && <Loading />}
      {outbox.isError && <ErrorAlert error={outbox.error} onRetry={() => void outbox.refetch()} />}
      {outbox.data && items.length === 0 && <p className="empty">{t('admissionsReview.outbox.empty')}</p>}
      {items.length > 0 && (
        <ScrollRegion labelledBy="outbox-caption">
          <table className="table table-stack">
            <caption id="outbox-caption" className="visually-hidden">
              {t('admissionsReview.outbox.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('admissionsReview.outbox.at')}</th>
                <th scope="col">{t('admissionsReview.outbox.channel')}</th>
                <th scope="col">{t('admissionsReview.outbox.recipient')}</th>
                <th scope="col">{t('admissionsReview.outbox.subject')}</th>
                <th scope="col">{t('admissionsReview.outbox.state')}</th>
                <th scope="col">{t('admissionsReview.outbox.body')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => {
                const open = openId === e.id;
                const bodyId = `outbox-body-${e.id}`;
                const state = deliveryState(e);
                const at = formatDateTime(e.createdAt);
                return (
                  <Fragment key={e.id}>
                    <tr>
                      <th scope="row" className="nowrap">
                        {at}
                      </th>
                      <td data-label={t('admissionsReview.outbox.channel')}>
                        {t(`admissionsReview.outbox.channel_${e.channel}`)}
                      </td>
                      <td data-label={t('admissionsReview.outbox.recipient')}>
                        <span className="review-break">{e.recipient}</span>
                      </td>
                      <td data-label={t('admissionsReview.outbox.subject')}>{e.subject ?? '—'}</td>
                      <td data-label={t('admissionsReview.outbox.state')}>
                        <span>
                          {t(`admissionsReview.outbox.state_${state}`)}
                          {state === 'sent' && e.sentAt && (
                            <span className="block small muted">{formatDateTime(e.sentAt)}</span>
                          )}
                          {state === 'failed' && (
                            <span className="block small muted">
                              {t('admissionsReview.outbox.attempts', { count: e.attempts })}
                            </span>
                          )}
                        </span>
                      </td>
                      <td data-label={t('admissionsReview.outbox.body')}>
                        <button
                          type="button"
                          className="link-button"
                          aria-expanded={open}
                          aria-controls={open ? bodyId : undefined}
                          onClick={() => setOpenId(open ? null : e.id)}
                        >
                          {open ? t('admissionsReview.outbox.hide') : t('admissionsReview.outbox.show')}
                          <span className="visually-hidden"> {t('admissionsReview.outbox.showFor', { time: at })}</span>
                        </button>
                      </td>
                    </tr>
                    {open && (
                      <tr id={bodyId} className="detail-row">
                        <td colSpan={6}>
                          <pre className="review-message">{e.body}</pre>
                          {e.error && (
                            <p className="small">
                              {t('admissionsReview.outbox.error')}: <code>{e.error}</code>
                            </p>
                          )}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {outbox.data && <Pagination page={outbox.data.page} pageSize={outbox.data.pageSize} total={outbox.data.total} />}
    </>
  );
}
