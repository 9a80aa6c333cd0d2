import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/form-fields.tsx';
import { addVersion, useResourceUpdate, type VersionBody } from './contrib-api.ts';
import { FileUpload, type Uploaded } from './file-upload.tsx';
import { useLibraryFormErrors } from './form-errors.ts';
import type { ResourceDetail } from './library-api.ts';
import { FIELD_IDS } from './metadata-form.ts';

const NOTE_ID = 'lib-f-version-note';
/** Ids of its own, so that the metadata form's content field is not confused with this one. */
const CONTENT_ID = 'lib-f-version-content';

/**
 * "Phiên bản mới": a new file (uploaded with resume) or a new link, with a note of what changed.
 * On a published resource the new version is reviewed while readers keep the published one.
 */
export function NewVersion({ r, onDone }: { r: ResourceDetail; onDone: (number: number) => void }) {
  const { t } = useTranslation();
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [url, setUrl] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);
  const errors = useLibraryFormErrors();
  const update = useResourceUpdate();
  const link = r.kind === 'link';
  const contentError = errors.fields[FIELD_IDS.content] ?? errors.fields[CONTENT_ID];

  async function send(e: FormEvent) {
    e.preventDefault();
    const body: VersionBody | null = link
      ? url.trim()
        ? { url: url.trim() }
        : null
      : uploaded
        ? { fileId: uploaded.fileId }
        : null;
    if (!body)
      return errors.fromClient({
        [CONTENT_ID]: t(link ? 'library.contribute.urlRequired' : 'library.version.fileRequired'),
      });
    setBusy(true);
    errors.clear();
    try {
      const next = await addVersion(r.id, { ...body, ...(note.trim() ? { note: note.trim() } : {}) });
      update(next);
      setUploaded(null);
      setUrl('');
      setNote('');
      setRound((n) => n + 1);
      onDone(next.versions.reduce((max, v) => Math.max(max, v.number), 0));
    } catch (error) {
      errors.fromApi(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="lib-form-section" aria-labelledby="lib-version-title">
      <h2 id="lib-version-title">{t('library.version.title')}</h2>
      <p className="hint">
        {r.status === 'published' ? t('library.version.publishedHint') : t('library.version.hint')}
      </p>
      <form className="form" noValidate onSubmit={(e) => void send(e)}>
        {link ? (
          <TextField
            id={CONTENT_ID}
            type="url"
            inputMode="url"
            label={t('library.form.url')}
            value={url}
            maxLength={2000}
            error={contentError}
            onChange={(e) => setUrl(e.target.value)}
          />
        ) : (
          <FileUpload
            key={round}
            id={CONTENT_ID}
            kind={r.kind}
            label={t('library.version.file')}
            error={contentError}
            onChange={setUploaded}
          />
        )}
        <div className="field">
          <label htmlFor={NOTE_ID}>{t('library.version.note')}</label>
          <textarea id={NOTE_ID} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <div className="actions">
          <button type="submit" className="button secondary" disabled={busy}>
            {t('library.version.add')}
          </button>
        </div>
        <div aria-live="assertive" className="form-status">
          {errors.general && <p className="alert alert-error">{errors.general}</p>}
        </div>
      </form>
    </section>
  );
}
