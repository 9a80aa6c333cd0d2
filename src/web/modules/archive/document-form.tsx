import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { tusUpload } from '../../lib/tus-client.ts';
import { DateInput } from '../../ui/date-input.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { FieldError, TextField } from '../../ui/form-fields.tsx';
import { addDocument, type FileDetail } from './archive-api.ts';
import { messageIn } from './file-form.ts';
import { useArchiveFormErrors } from './form-errors.ts';

const D = {
  title: 'doc-title',
  docNumber: 'doc-number',
  docDate: 'doc-date',
  author: 'doc-author',
  pageCount: 'doc-pages',
  storedFileId: 'doc-file',
} as const;
const LABELS: Record<string, string> = {
  [D.title]: 'archive.doc.title',
  [D.docNumber]: 'archive.doc.number',
  [D.docDate]: 'archive.doc.date',
  [D.author]: 'archive.doc.author',
  [D.pageCount]: 'archive.doc.pages',
  [D.storedFileId]: 'archive.doc.file',
};
function fieldOfPath(path: string): string | null {
  const head = path.split('.').filter((p) => p !== '' && p !== 'body')[0];
  return head && Object.hasOwn(D, head) ? D[head as keyof typeof D] : null;
}

/** What the archive's upload purpose takes (the server sniffs the bytes and decides). */
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.doc,.xls';

type Upload =
  | { step: 'idle' }
  | { step: 'sending'; percent: number }
  | { step: 'failed'; message: string }
  | { step: 'done'; fileId: string; name: string };

/**
 * Adds a document to a file (archivist): its number, date, author, pages, and its scan or
 * born-digital file, uploaded at once with tus (purpose `archive`, resumable) before the
 * document is saved. The saved file replaces the page's copy, so the new document shows at once.
 */
export function DocumentForm({ file }: { file: FileDetail }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();
  const csrf = session.data?.csrfToken;
  const lang = i18n.resolvedLanguage;
  const [title, setTitle] = useState('');
  const [docNumber, setDocNumber] = useState('');
  const [docDate, setDocDate] = useState<string | null>('');
  const [author, setAuthor] = useState('');
  const [pageCount, setPageCount] = useState('');
  const [upload, setUpload] = useState<Upload>({ step: 'idle' });
  const [formKey, setFormKey] = useState(0);
  const [added, setAdded] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  const errors = useArchiveFormErrors(fieldOfPath, LABELS);
  const e = errors.fields;

  useEffect(() => () => controller.current?.abort(), []);

  async function start(f: File | null) {
    controller.current?.abort();
    if (!f) {
      setUpload({ step: 'idle' });
      return;
    }
    const c = new AbortController();
    controller.current = c;
    setUpload({ step: 'sending', percent: 0 });
    try {
      const result = await tusUpload({
        endpoint: '/api/uploads',
        file: f,
        metadata: { purpose: 'archive', filename: f.name, filetype: f.type },
        signal: c.signal,
        headers: () => ({ ...(csrf ? { 'x-csrf-token': csrf } : {}), 'accept-language': lang === 'en' ? 'en' : 'vi' }),
        onProgress: (sent, total) =>
          setUpload({ step: 'sending', percent: Math.floor((sent / Math.max(1, total)) * 100) }),
      });
      setUpload({ step: 'done', fileId: result.fileId, name: f.name });
    } catch (err) {
      if (c.signal.aborted) return;
      setUpload({
        step: 'failed',
        message: err instanceof ApiError ? messageIn(err.messageFor(lang), lang) : t('error.generic'),
      });
    }
  }

  const save = useMutation({
    mutationFn: () =>
      addDocument(file.id, {
        title,
        docNumber: docNumber.trim() || null,
        docDate: docDate || null,
        author: author.trim() || null,
        pageCount: pageCount.trim() === '' ? null : /^\d+$/.test(pageCount.trim()) ? Number(pageCount) : pageCount,
        storedFileId: upload.step === 'done' ? upload.fileId : null,
      }),
    onSuccess: (saved) => {
      qc.setQueryData(['archive-file', saved.id], saved);
      setAdded(title);
      setTitle('');
      setDocNumber('');
      setDocDate('');
      setAuthor('');
      setPageCount('');
      setUpload({ step: 'idle' });
      setFormKey((k) => k + 1);
      errors.clear();
    },
    onError: (err) => errors.fromApi(err),
  });

  function submit(ev: FormEvent) {
    ev.preventDefault();
    setAdded(null);
    if (docDate === null) {
      errors.fromClient({ [D.docDate]: 'archive.form.badDate' });
      return;
    }
    if (upload.step === 'sending') {
      errors.fromClient({ [D.storedFileId]: 'archive.doc.waitUpload' });
      return;
    }
    save.mutate();
  }

  const uploadDescribed = [
    `${D.storedFileId}-hint`,
    `${D.storedFileId}-status`,
    e[D.storedFileId] ? `${D.storedFileId}-error` : null,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <section aria-labelledby="arc-add-doc" className="arc-add-doc">
      <h2 id="arc-add-doc">{t('archive.doc.add')}</h2>
      {added && (
        <p role="status" className="alert alert-success">
          {t('archive.doc.added', { title: added })}
        </p>
      )}
      <form key={formKey} className="arc-form" noValidate onSubmit={submit}>
        <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
        <div className="field">
          <label htmlFor={D.title}>{t('archive.doc.title')}</label>
          <textarea
            id={D.title}
            rows={2}
            maxLength={1000}
            value={title}
            aria-invalid={e[D.title] ? true : undefined}
            aria-describedby={e[D.title] ? `${D.title}-error` : undefined}
            onChange={(ev) => setTitle(ev.target.value)}
          />
          <FieldError id={D.title} error={e[D.title]} />
        </div>
        <TextField
          id={D.docNumber}
          label={t('archive.doc.number')}
          hint={t('archive.doc.numberHint')}
          value={docNumber}
          maxLength={100}
          autoComplete="off"
          error={e[D.docNumber]}
          onChange={(ev) => setDocNumber(ev.target.value)}
        />
        <DateInput id={D.docDate} label={t('archive.doc.date')} onValueChange={setDocDate} error={e[D.docDate]} />
        <TextField
          id={D.author}
          label={t('archive.doc.author')}
          value={author}
          maxLength={300}
          error={e[D.author]}
          onChange={(ev) => setAuthor(ev.target.value)}
        />
        <TextField
          id={D.pageCount}
          label={t('archive.doc.pages')}
          inputMode="numeric"
          value={pageCount}
          error={e[D.pageCount]}
          onChange={(ev) => setPageCount(ev.target.value)}
        />
        <div className="field">
          <label htmlFor={D.storedFileId}>{t('archive.doc.file')}</label>
          <p id={`${D.storedFileId}-hint`} className="hint field-hint">
            {t('archive.doc.fileHint')}
          </p>
          <input
            id={D.storedFileId}
            type="file"
            accept={ACCEPT}
            aria-describedby={uploadDescribed}
            aria-invalid={e[D.storedFileId] || upload.step === 'failed' ? true : undefined}
            onChange={(ev) => void start(ev.target.files?.[0] ?? null)}
          />
          {upload.step === 'sending' && (
            <progress
              className="arc-progress"
              max={100}
              value={upload.percent}
              aria-labelledby={`${D.storedFileId}-status`}
            />
          )}
          <p id={`${D.storedFileId}-status`} aria-live="polite" className="arc-meta">
            {upload.step === 'sending' && t('archive.doc.sending', { percent: upload.percent })}
            {upload.step === 'done' && t('archive.doc.uploaded', { name: upload.name })}
          </p>
          {upload.step === 'failed' && (
            <p className="field-error" role="alert">
              {upload.message}
            </p>
          )}
          <FieldError id={D.storedFileId} error={e[D.storedFileId]} />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending || upload.step === 'sending'}>
            {save.isPending ? t('archive.form.saving') : t('archive.doc.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
