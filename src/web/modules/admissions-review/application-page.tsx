import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { ApplicationActions } from './application-actions.tsx';
import { ApplicationDocuments, ApplicationFacts } from './application-facts.tsx';
import { ApplicationAudit, ApplicationTimeline, ApplicationVersions } from './application-history.tsx';
import { useNeighbours } from './queue-neighbours.ts';
import { filtersFromParams, paramsFromFilters } from './queue-params.ts';
import { applicationPath, useApplication } from './review-api.ts';
import { DueDate, ReviewStateBadge } from './state-badge.tsx';
import './review.css';

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * /admissions/applications/:dossierId — one application for its reviewer: the child, residence,
 * priority, wishes, documents, state and deadline, the steps its state allows, the timeline,
 * edit history and audit trail; "previous / next" walk the queue the clerk came from (its
 * filters travel in this page's URL), and after a step the focus goes to "next".
 */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { dossierId = '' } = useParams();
  const [params] = useSearchParams();
  const app = useApplication(dossierId);
  const canReadOutbox = hasPermission(useMe(), 'notify.outbox.read');
  const round = params.get('round');
  const roundId = round && UUID.test(round) ? round : (app.data?.round.id ?? '');
  const filters = filtersFromParams(params);
  const neighbours = useNeighbours(roundId, filters, dossierId);
  usePageTitle(
    app.data
      ? t('admissionsReview.detail.titleOf', { code: app.data.dossierCode })
      : t('admissionsReview.detail.title'),
  );
  const [done, setDone] = useState<string | null>(null);
  const nextLink = useRef<HTMLAnchorElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // A new dossier (previous/next) starts without the last one's message.
  const [shownFor, setShownFor] = useState(dossierId);
  if (shownFor !== dossierId) {
    setShownFor(dossierId);
    setDone(null);
  }
  useEffect(() => {
    if (!done) return;
    (nextLink.current ?? heading.current)?.focus();
  }, [done]);

  const queueQuery = paramsFromFilters(filters).toString();
  const queueHref = roundId
    ? `/admissions/rounds/${roundId}/applications${queueQuery ? `?${queueQuery}` : ''}`
    : '/admissions/applications';
  const hrefAt = (id: string, page: number) => {
    const p = paramsFromFilters({ ...filters, page });
    if (roundId) p.set('round', roundId);
    return `/admissions/applications/${id}?${p.toString()}`;
  };

  return (
    <>
      <nav aria-label={t('admissionsReview.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/admissions/applications">{t('admissionsReview.rounds.title')}</Link>
          </li>
          <li>
            <Link to={queueHref}>{app.data?.round.name ?? t('admissionsReview.queue.title')}</Link>
          </li>
        </ol>
      </nav>
      <h1 ref={heading} tabIndex={-1}>
        {app.data
          ? t('admissionsReview.detail.titleOf', { code: app.data.dossierCode })
          : t('admissionsReview.detail.title')}
      </h1>
      <nav aria-label={t('admissionsReview.detail.queueNav')} className="review-walk">
        {neighbours.previous ? (
          <Link to={hrefAt(neighbours.previous.dossierId, neighbours.previousPage)} rel="prev">
            ← {t('admissionsReview.detail.previous')}
            <span className="visually-hidden"> {neighbours.previous.dossierCode}</span>
          </Link>
        ) : (
          <span aria-hidden="true" className="muted">
            ← {t('admissionsReview.detail.previous')}
          </span>
        )}
        <span>
          {neighbours.position !== null
            ? t('admissionsReview.detail.position', { position: neighbours.position, total: neighbours.total })
            : null}{' '}
          <Link to={queueHref}>{t('admissionsReview.detail.backToQueue')}</Link>
        </span>
        {neighbours.next ? (
          <Link ref={nextLink} to={hrefAt(neighbours.next.dossierId, neighbours.nextPage)} rel="next">
            {t('admissionsReview.detail.next')} →<span className="visually-hidden"> {neighbours.next.dossierCode}</span>
          </Link>
        ) : (
          <span aria-hidden="true" className="muted">
            {t('admissionsReview.detail.next')} →
          </span>
        )}
      </nav>
      <div aria-live="polite" className="form-status">
        {done && (
          <div className="alert alert-success">
            <p>{done}</p>
          </div>
        )}
      </div>
      {app.isPending && <Loading />}
      {app.isError && <ErrorAlert error={app.error} onRetry={() => void app.refetch()} />}
      {app.data && (
        <>
          <section className="card" aria-labelledby="status-title">
            <h2 id="status-title">{t('admissionsReview.detail.status')}</h2>
            <dl className="facts review-facts">
              <dt>{t('admissionsReview.detail.child')}</dt>
              <dd>
                <strong>{app.data.child.fullName}</strong>
              </dd>
              <dt>{t('admissionsReview.col.state')}</dt>
              <dd>
                <ReviewStateBadge state={app.data.state} />
              </dd>
              <dt>{t('admissionsReview.detail.receivedAt')}</dt>
              <dd>{formatDateTime(app.data.receivedAt) || '—'}</dd>
              <dt>{t('admissionsReview.col.due')}</dt>
              <dd>
                <DueDate state={app.data.state} dueAt={app.data.dueAt} />
              </dd>
            </dl>
            <p>
              <a href={`${applicationPath(dossierId)}/receipt.pdf`} target="_blank" rel="noopener">
                {t('admissionsReview.detail.receipt')}
                <span className="visually-hidden"> {t('admissionsReview.detail.opensNewTab')}</span>
              </a>
              {canReadOutbox && (
                <>
                  {' · '}
                  <Link to={`/outbox?dossier=${dossierId}`}>{t('admissionsReview.detail.messages')}</Link>
                </>
              )}
            </p>
            <h3>{t('admissionsReview.detail.actions')}</h3>
            <ApplicationActions
              app={app.data}
              onReload={() => void app.refetch()}
              onDone={(step) => setDone(t(`admissionsReview.action.done_${step}`, { code: app.data?.dossierCode }))}
            />
          </section>
          <ApplicationFacts app={app.data} />
          <ApplicationDocuments app={app.data} />
          <ApplicationTimeline app={app.data} />
          <ApplicationVersions app={app.data} />
          <ApplicationAudit app={app.data} />
        </>
      )}
    </>
  );
}
