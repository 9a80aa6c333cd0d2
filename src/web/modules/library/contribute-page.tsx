import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RESOURCE_KINDS, type ResourceKind } from '../../../shared/library.schema.ts';
import { ApiError } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { useMe } from '../../lib/session.ts';
import { ErrorSummary, type FieldErrors } from '../../ui/error-summary.tsx';
import { FieldError, TextField } from '../../ui/form-fields.tsx';
import { createResource, takeStep, useResourceUpdate } from './contrib-api.ts';
import { FileUpload, type Uploaded } from './file-upload.tsx';
import { useLibraryFormErrors } from './form-errors.ts';
import { referenceQuery } from './library-api.ts';
import { MetadataFields } from './metadata-fields.tsx';
import { checkDraft, emptyDraft, FIELD_IDS as F, type MetadataDraft, metadataBody } from './metadata-form.ts';
import './library.css';

/** What the page that follows a save shows: a notice, or the error of a submission that did not go through. */
export interface SavedState {
  notice?: string;
  submitError?: string;
}

/**
 * /hoc-lieu/moi — a teacher contributes a resource: its kind, its content (a file uploaded with
 * resume, or a link), its metadata; saved as a draft or sent for review at once.
 */
export function ContributePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  usePageTitle(t('library.contribute.title'));
  const reference = useQuery(referenceQuery);
  const [kind, setKind] = useState<ResourceKind | ''>('');
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [url, setUrl] = useState('');
  const [draft, setDraft] = useState<MetadataDraft>(() => ({ ...emptyDraft(me.fullName), visibility: 'province' }));
  const [busy, setBusy] = useState(false);
  const errors = useLibraryFormErrors();
  const update = useResourceUpdate();

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const send = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'submit';
    const problems: FieldErrors = {};
    if (!kind) problems[F.kind] = t('library.contribute.kindRequired');
    const content =
      kind === 'link' ? (url.trim() ? { url: url.trim() } : null) : uploaded && { fileId: uploaded.fileId };
    if (send && kind && !content)
      problems[F.content] = t(kind === 'link' ? 'library.contribute.urlRequired' : 'library.contribute.fileRequired');
    for (const [id, key] of Object.entries(checkDraft(draft))) problems[id] = t(key);
    if (!kind || Object.keys(problems).length > 0) return errors.fromClient(problems);
    setBusy(true);
    errors.clear();
    try {
      const created = await createResource({ kind, ...metadataBody(draft), ...(content ? { version: content } : {}) });
      update(created);
      if (!send) {
        navigate(`/hoc-lieu/${created.id}/sua`, {
          state: { notice: t('library.contribute.saved') } satisfies SavedState,
        });
        return;
      }
      try {
        update(await takeStep(created.id, { action: 'submit', expectedVersion: created.version }));
        navigate('/hoc-lieu/cua-toi', {
          state: { notice: t('library.contribute.submitted', { title: created.title }) } satisfies SavedState,
        });
      } catch (error) {
        // Saved but not sent (e.g. a subject is missing): the edit page says what, and sends again.
        const message = error instanceof ApiError ? error.messageFor(i18n.resolvedLanguage) : t('error.generic');
        navigate(`/hoc-lieu/${created.id}/sua`, { state: { submitError: message } satisfies SavedState });
      }
    } catch (error) {
      errors.fromApi(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="lib-page lib-contrib">
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
      <h1>{t('library.contribute.title')}</h1>
      <p className="lead">{t('library.contribute.intro')}</p>
      <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
      <form className="form" noValidate onSubmit={(e) => void save(e)}>
        <fieldset
          id={F.kind}
          tabIndex={-1}
          className="fieldset"
          aria-describedby={errors.fields[F.kind] ? `${F.kind}-error` : undefined}
        >
          <legend>{t('library.form.kind')}</legend>
          <div className="lib-choices lib-kinds">
            {RESOURCE_KINDS.map((k) => (
              <div className="checkbox" key={k}>
                <input
                  id={`${F.kind}-${k}`}
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    setKind(k);
                    setUploaded(null);
                  }}
                />
                <label htmlFor={`${F.kind}-${k}`}>{t(`library.kinds.${k}`)}</label>
              </div>
            ))}
          </div>
          <FieldError id={F.kind} error={errors.fields[F.kind]} />
        </fieldset>

        <section className="lib-form-section" aria-labelledby="lib-content-title">
          <h2 id="lib-content-title">{t('library.contribute.content')}</h2>
          {kind === '' && <p className="hint">{t('library.contribute.chooseKindFirst')}</p>}
          {kind === 'link' && (
            <TextField
              id={F.content}
              type="url"
              inputMode="url"
              label={t('library.form.url')}
              hint={t('library.form.urlHint')}
              value={url}
              maxLength={2000}
              error={errors.fields[F.content]}
              onChange={(e) => setUrl(e.target.value)}
            />
          )}
          {kind !== '' && kind !== 'link' && (
            <FileUpload
              key={kind}
              id={F.content}
              kind={kind}
              label={t('library.upload.label')}
              error={errors.fields[F.content]}
              onChange={setUploaded}
            />
          )}
        </section>

        <section className="lib-form-section" aria-labelledby="lib-meta-title">
          <h2 id="lib-meta-title">{t('library.contribute.metadata')}</h2>
          <div className="form">
            <MetadataFields draft={draft} onChange={setDraft} reference={reference.data} errors={errors.fields} />
          </div>
        </section>

        <p className="hint">{t('library.contribute.reviewNote')}</p>
        <div className="actions">
          <button type="submit" className="button" name="intent" value="submit" disabled={busy}>
            {t('library.contribute.submit')}
          </button>
          <button type="submit" className="button secondary" name="intent" value="draft" disabled={busy}>
            {t('library.contribute.saveDraft')}
          </button>
        </div>
        <p className="form-status" role="status">
          {busy ? t('library.contribute.saving') : ''}
        </p>
      </form>
    </div>
  );
}
