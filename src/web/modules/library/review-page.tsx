import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ModerationAction } from '../../../shared/library.schema.ts';
import { ApiError } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { NotFoundPage } from '../../ui/status-pages.tsx';
import { useResource } from './contrib-api.ts';
import { labeller, type ResourceDetail, referenceQuery } from './library-api.ts';
import { workingVersion } from './moderation.ts';
import { ModerationActions } from './moderation-actions.tsx';
import { Preview } from './preview.tsx';
import { ProposalTable } from './proposal-table.tsx';
import { ResourceFacts } from './resource-facts.tsx';
import { ResourceHistory } from './resource-history.tsx';
import { StatusBadge } from './status-badge.tsx';
import './library.css';

/**
 * /hoc-lieu/kiem-duyet/:id — the moderator's view of one resource: the version waiting for
 * review (previewed as readers would see it), its metadata and any proposed change of it, the
 * history of versions and steps, and the steps the moderator may take.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const resource = useResource(id);
  usePageTitle(resource.data ? t('library.review.titleOf', { title: resource.data.title }) : t('library.review.title'));
  if (resource.isPending) return <Loading />;
  if (resource.isError) {
    if (resource.error instanceof ApiError && resource.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={resource.error} onRetry={() => void resource.refetch()} />;
  }
  return <Review r={resource.data} onReload={() => void resource.refetch()} />;
}

function Review({ r, onReload }: { r: ResourceDetail; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const reference = useQuery(referenceQuery);
  const label = labeller(reference.data, i18n.resolvedLanguage, (k, o) => t(k, o));
  const [done, setDone] = useState<ModerationAction | null>(null);
  const working = workingVersion(r);
  return (
    <article className="lib-page lib-review">
      <nav aria-label={t('library.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/hoc-lieu/kiem-duyet">{t('library.queue.title')}</Link>
          </li>
        </ol>
      </nav>
      <p className="lib-kind">{label('kind', r.kind)}</p>
      <h1>{r.title}</h1>
      <p className="lib-status-line">
        <StatusBadge status={r.status} />
        {r.publishedVersionId && (
          <>
            {' '}
            <Link to={`/hoc-lieu/${r.id}`}>{t('library.edit.asReader')}</Link>
          </>
        )}
      </p>
      <div aria-live="polite" className="form-status">
        {done && <div className="alert alert-success">{t(`library.review.done_${done}`)}</div>}
      </div>
      <section aria-labelledby="lib-steps-title" className="lib-form-section">
        <h2 id="lib-steps-title">{t('library.review.steps')}</h2>
        <ModerationActions r={r} onDone={setDone} onReload={onReload} />
      </section>
      <section aria-labelledby="lib-preview-title">
        <h2 id="lib-preview-title">
          {working ? t('library.review.previewOf', { n: working.number }) : t('library.resource.preview')}
        </h2>
        {working?.note && <p className="small">{t('library.review.versionNote', { note: working.note })}</p>}
        {working?.url ? (
          <p>
            <a href={working.url} target="_blank" rel="noopener noreferrer">
              {t('library.resource.openLink')}
            </a>{' '}
            <span className="small muted lib-url">{working.url}</span>
          </p>
        ) : working ? (
          <Preview r={r} version={working.number} />
        ) : (
          <p className="muted">{t('library.history.noVersion')}</p>
        )}
      </section>
      <ProposalTable r={r} />
      <section aria-labelledby="lib-facts-title">
        <h2 id="lib-facts-title">{t('library.resource.details')}</h2>
        {r.description && <p>{r.description}</p>}
        <ResourceFacts r={r} usage={false} more />
      </section>
      <ResourceHistory r={r} />
    </article>
  );
}
