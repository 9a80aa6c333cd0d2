import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Loading } from '../../ui/loading.tsx';
import { NotFoundPage } from '../../ui/status-pages.tsx';
import { patchResource, takeStep, useResource, useResourceUpdate } from './contrib-api.ts';
import type { SavedState } from './contribute-page.tsx';
import { useLibraryFormErrors } from './form-errors.ts';
import { type ResourceDetail, referenceQuery } from './library-api.ts';
import { MetadataFields } from './metadata-fields.tsx';
import { checkDraft, draftFrom, type MetadataDraft, metadataBody, proposalOf } from './metadata-form.ts';
import { allowedSteps, contributorCanEdit, lastComment, openReturn } from './moderation.ts';
import { NewVersion } from './new-version.tsx';
import { ResourceHistory } from './resource-history.tsx';
import { StatusBadge } from './status-badge.tsx';
import './library.css';

/**
 * /hoc-lieu/:id/sua — the contributor's page of one resource: the moderator's comment when it
 * was returned, the metadata form, a new version (file or link), and "send for review". While it
 * waits for review it is read-only; a published one can still be changed, and the change is
 * reviewed before readers see it.
 */
export function EditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const resource = useResource(id);
  usePageTitle(resource.data ? t('library.edit.titleOf', { title: resource.data.title }) : t('library.edit.title'));
  if (resource.isPending) return <Loading />;
  if (resource.isError) {
    if (resource.error instanceof ApiError && resource.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={resource.error} onRetry={() => void resource.refetch()} />;
  }
  return <EditResource key={resource.data.id} r={resource.data} />;
}

function EditResource({ r }: { r: ResourceDetail }) {
  const { t } = useTranslation();
  const location = useLocation();
  const arrived = (location.state ?? {}) as SavedState;
  const reference = useQuery(referenceQuery);
  const [draft, setDraft] = useState<MetadataDraft>(() => draftFrom(r));
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(arrived.notice ?? null);
  const errors = useLibraryFormErrors();
  const update = useResourceUpdate();
  const returned = openReturn(r);
  const editable = contributorCanEdit(r.status);
  const takenDown = r.status === 'taken_down' ? lastComment(r.transitions, ['take_down']) : null;

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const send = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'submit';
    const problems = Object.fromEntries(Object.entries(checkDraft(draft)).map(([id, key]) => [id, t(key)]));
    if (Object.keys(problems).length > 0) return errors.fromClient(problems);
    setBusy(true);
    setNotice(null);
    errors.clear();
    try {
      let current = r;
      if (JSON.stringify(draft) !== JSON.stringify(draftFrom(r))) {
        current = await patchResource(r.id, { expectedVersion: r.version, ...metadataBody(draft) });
        update(current);
      }
      if (send && allowedSteps(current, 'contributor').includes('submit')) {
        current = await takeStep(r.id, { action: 'submit', expectedVersion: current.version });
        update(current);
        setNotice(t('library.edit.submitted'));
      } else setNotice(t('library.edit.saved'));
      setDraft(draftFrom(current));
    } catch (error) {
      errors.fromApi(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="lib-page lib-edit">
      <nav aria-label={t('library.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/hoc-lieu">{t('library.search.title')}</Link>
          </li>
          <li>
            <Link to="/hoc-lieu/cua-toi">{t('library.mine.title')}</Link>
          </li>
        </ol>
      </nav>
      <h1>{t('library.edit.titleOf', { title: r.title })}</h1>
      <p className="lib-status-line">
        <span className="lib-kind">{t(`library.kinds.${r.kind}`)}</span> <StatusBadge status={r.status} />
        {r.publishedVersionId && (
          <>
            {' '}
            <Link to={`/hoc-lieu/${r.id}`}>{t('library.edit.asReader')}</Link>
          </>
        )}
      </p>
      <div aria-live="polite" className="form-status">
        {notice && <div className="alert alert-success">{notice}</div>}
      </div>
      {arrived.submitError && r.status === 'draft' && (
        <div className="alert alert-error" role="alert">
          <p>{t('library.edit.notSent')}</p>
          <p>{arrived.submitError}</p>
        </div>
      )}
      {returned && (
        <section className="lib-return" aria-labelledby="lib-return-title">
          <h2 id="lib-return-title">{t('library.edit.returnedTitle')}</h2>
          <blockquote className="lib-comment">{returned.comment}</blockquote>
          <p className="small">
            {t('library.edit.returnedBy', { name: returned.actorName ?? '', at: formatDateTime(returned.at) })}
          </p>
          <p>{t('library.edit.returnedHelp')}</p>
        </section>
      )}
      {(r.status === 'submitted' || r.status === 'in_review') && <p className="notice">{t('library.edit.waiting')}</p>}
      {takenDown && (
        <div className="alert alert-error">
          <p>{t('library.edit.takenDown')}</p>
          <blockquote className="lib-comment">{takenDown.comment}</blockquote>
        </div>
      )}
      {r.status === 'published' && <p className="notice">{t('library.edit.publishedNote')}</p>}
      {proposalOf(r) && <p className="notice">{t('library.edit.proposalPending')}</p>}

      {editable && (
        <>
          <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
          <form className="form" noValidate onSubmit={(e) => void save(e)} aria-labelledby="lib-meta-title">
            <h2 id="lib-meta-title">{t('library.contribute.metadata')}</h2>
            <MetadataFields draft={draft} onChange={setDraft} reference={reference.data} errors={errors.fields} />
            <div className="actions">
              <button type="submit" className="button" name="intent" value="submit" disabled={busy}>
                {r.status === 'returned' ? t('library.edit.saveAndResubmit') : t('library.edit.saveAndSubmit')}
              </button>
              <button type="submit" className="button secondary" name="intent" value="save" disabled={busy}>
                {t('library.edit.save')}
              </button>
            </div>
          </form>
          <NewVersion r={r} onDone={(n) => setNotice(t('library.edit.versionAdded', { n }))} />
        </>
      )}
      <ResourceHistory r={r} />
    </div>
  );
}
