import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { DateInput } from '../../ui/date-input.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { FieldError, TextField } from '../../ui/form-fields.tsx';
import { type DocumentPatchBody, type FileDetail, updateDocument, withdrawDocument } from './archive-api.ts';
import { messageIn } from './file-form.ts';
import { useArchiveFormErrors } from './form-errors.ts';

type Doc = NonNullable<FileDetail['documents']>[number];

/** The archivist's actions on one document of a file: edit its description, withdraw it. */
export function DocumentActions({ file, doc }: { file: FileDetail; doc: Doc }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const formId = `doc-edit-${doc.id}`;
  const closeEdit = (saved: boolean) => {
    setEditing(false);
    if (saved) setNotice(t('archive.doc.saved'));
    requestAnimationFrame(() => editButton.current?.focus());
  };
  return (
    <>
      <div aria-live="polite">{notice && <p className="alert alert-success">{notice}</p>}</div>
      <p className="arc-doc-actions">
        <button
          ref={editButton}
          type="button"
          className="button secondary"
          aria-label={`${t('archive.doc.edit')}: ${doc.title}`}
          aria-expanded={editing}
          aria-controls={editing ? formId : undefined}
          onClick={() => {
            setNotice(null);
            setEditing((v) => !v);
          }}
        >
          {t('archive.doc.edit')}
        </button>
        <button
          type="button"
          className="button secondary"
          aria-label={`${t('archive.doc.withdraw')}: ${doc.title}`}
          onClick={() => {
            setNotice(null);
            setWithdrawing(true);
          }}
        >
          {t('archive.doc.withdraw')}
        </button>
      </p>
      {editing && (
        <div id={formId}>
          <DocumentEditForm file={file} doc={doc} onDone={closeEdit} />
        </div>
      )}
      <WithdrawDialog file={file} doc={doc} open={withdrawing} onClose={() => setWithdrawing(false)} />
    </>
  );
}

const int = (text: string): number | string | null => {
  const v = text.trim();
  if (v === '') return null;
  return /^\d+$/.test(v) ? Number(v) : v;
};

/** Changes a document's description; only the fields changed are sent (and audited). */
function DocumentEditForm({ file, doc, onDone }: { file: FileDetail; doc: Doc; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const ids = useMemo(
    () => ({
      title: `de-${doc.id}-title`,
      docNumber: `de-${doc.id}-number`,
      docDate: `de-${doc.id}-date`,
      author: `de-${doc.id}-author`,
      pageCount: `de-${doc.id}-pages`,
    }),
    [doc.id],
  );
  const labels = useMemo(
    () => ({
      [ids.title]: 'archive.doc.title',
      [ids.docNumber]: 'archive.doc.number',
      [ids.docDate]: 'archive.doc.date',
      [ids.author]: 'archive.doc.author',
      [ids.pageCount]: 'archive.doc.pages',
    }),
    [ids],
  );
  const fieldOfPath = useMemo(
    () => (path: string) => {
      const head = path.split('.').filter((p) => p !== '' && p !== 'body')[0];
      return head && Object.hasOwn(ids, head) ? ids[head as keyof typeof ids] : null;
    },
    [ids],
  );
  const errors = useArchiveFormErrors(fieldOfPath, labels);
  const e = errors.fields;
  const [title, setTitle] = useState(doc.title);
  const [docNumber, setDocNumber] = useState(doc.docNumber ?? '');
  const [docDate, setDocDate] = useState<string | null>(doc.docDate ?? '');
  const [author, setAuthor] = useState(doc.author ?? '');
  const [pageCount, setPageCount] = useState(doc.pageCount === null ? '' : String(doc.pageCount));

  useEffect(() => document.getElementById(ids.title)?.focus(), [ids.title]);

  const changes = (): DocumentPatchBody => {
    const body: DocumentPatchBody = {};
    if (title !== doc.title) body.title = title;
    if ((docNumber.trim() || null) !== doc.docNumber) body.docNumber = docNumber.trim() || null;
    if ((docDate || null) !== doc.docDate) body.docDate = docDate || null;
    if ((author.trim() || null) !== doc.author) body.author = author.trim() || null;
    if (int(pageCount) !== doc.pageCount) body.pageCount = int(pageCount);
    return body;
  };

  const save = useMutation({
    mutationFn: (body: DocumentPatchBody) => updateDocument(file.id, doc.id, body),
    onSuccess: (saved) => {
      qc.setQueryData(['archive-file', saved.id], saved);
      onDone(true);
    },
    onError: (err) => errors.fromApi(err),
  });

  function submit(ev: FormEvent) {
    ev.preventDefault();
    const problems: Record<string, string> = {};
    if (docDate === null) problems[ids.docDate] = 'archive.form.badDate';
    if (!/^\d*$/.test(pageCount.trim())) problems[ids.pageCount] = 'archive.form.badNumber';
    if (Object.keys(problems).length) {
      errors.fromClient(problems);
      return;
    }
    const body = changes();
    if (Object.keys(body).length === 0) {
      onDone(false);
      return;
    }
    save.mutate(body);
  }

  return (
    <form className="arc-form arc-doc-edit" noValidate onSubmit={submit}>
      <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
      <div className="field">
        <label htmlFor={ids.title}>{t('archive.doc.title')}</label>
        <textarea
          id={ids.title}
          rows={2}
          maxLength={1000}
          value={title}
          aria-invalid={e[ids.title] ? true : undefined}
          aria-describedby={e[ids.title] ? `${ids.title}-error` : undefined}
          onChange={(ev) => setTitle(ev.target.value)}
        />
        <FieldError id={ids.title} error={e[ids.title]} />
      </div>
      <TextField
        id={ids.docNumber}
        label={t('archive.doc.number')}
        value={docNumber}
        maxLength={100}
        autoComplete="off"
        error={e[ids.docNumber]}
        onChange={(ev) => setDocNumber(ev.target.value)}
      />
      <DateInput
        id={ids.docDate}
        label={t('archive.doc.date')}
        defaultValue={doc.docDate}
        onValueChange={setDocDate}
        error={e[ids.docDate]}
      />
      <TextField
        id={ids.author}
        label={t('archive.doc.author')}
        value={author}
        maxLength={300}
        error={e[ids.author]}
        onChange={(ev) => setAuthor(ev.target.value)}
      />
      <TextField
        id={ids.pageCount}
        label={t('archive.doc.pages')}
        inputMode="numeric"
        value={pageCount}
        error={e[ids.pageCount]}
        onChange={(ev) => setPageCount(ev.target.value)}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('archive.form.saving') : t('archive.form.save')}
        </button>
        <button type="button" className="button secondary" onClick={() => onDone(false)}>
          {t('archive.form.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * Asks for the reason before withdrawing a document (archives never silently delete: it stays
 * recorded, marked "đã rút" for archivists, hidden from readers).
 */
function WithdrawDialog({
  file,
  doc,
  open,
  onClose,
}: {
  file: FileDetail;
  doc: Doc;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const lang = i18n.resolvedLanguage;
  const [error, setError] = useState<string | null>(null);
  const reasonId = `dw-${doc.id}-reason`;
  const withdraw = useMutation({
    mutationFn: (reason: string) => withdrawDocument(file.id, doc.id, reason),
    onSuccess: (saved) => {
      qc.setQueryData(['archive-file', saved.id], saved);
      onClose();
    },
    onError: (err) => {
      const first = err instanceof ApiError ? err.details?.[0]?.message : undefined;
      const text = first ? messageIn(first, lang) : err instanceof ApiError ? err.messageFor(lang) : t('error.generic');
      setError(`${t('archive.doc.withdrawReason')}: ${text}`);
      document.getElementById(reasonId)?.focus();
    },
  });
  return (
    <ConfirmDialog
      open={open}
      danger
      busy={withdraw.isPending}
      title={t('archive.doc.withdrawTitle', { title: doc.title })}
      confirmLabel={t('archive.doc.withdrawConfirm')}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onConfirm={(form) => {
        const reason = String(new FormData(form).get('reason') ?? '').trim();
        if (reason.length < 5) {
          setError(`${t('archive.doc.withdrawReason')}: ${t('archive.doc.reasonRequired')}`);
          document.getElementById(reasonId)?.focus();
          return;
        }
        setError(null);
        withdraw.mutate(reason);
      }}
    >
      <p>{t('archive.doc.withdrawIntro')}</p>
      <div className="field">
        <label htmlFor={reasonId}>{t('archive.doc.withdrawReason')}</label>
        <p id={`${reasonId}-hint`} className="hint field-hint">
          {t('archive.doc.withdrawReasonHint')}
        </p>
        <textarea
          id={reasonId}
          name="reason"
          rows={3}
          maxLength={2000}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${reasonId}-hint`, error ? `${reasonId}-error` : null].filter(Boolean).join(' ')}
        />
        <p id={`${reasonId}-error`} className="field-error" aria-live="polite">
          {error ?? ''}
        </p>
      </div>
    </ConfirmDialog>
  );
}
