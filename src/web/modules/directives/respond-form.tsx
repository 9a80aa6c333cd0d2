import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { TextArea } from '../../ui/form-fields.tsx';
import { type DirectiveDetail, fileUrl, type MyRecipient, messageIn, respond } from './directives-api.ts';
import { AnswerHistory } from './history.tsx';
import { StatusBadge } from './status.tsx';
import { type Uploaded, UploadField } from './upload-field.tsx';

/**
 * One of the user's recipient units: its status, who read it, its current answer, and the form
 * to answer or amend (confirmation; text; text + report files) while the directive allows it.
 */
export function RespondSection({ directive: d, mine: m }: { directive: DirectiveDetail; mine: MyRecipient }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage;
  const qc = useQueryClient();
  const base = `dir-${m.unitId.slice(0, 8)}`;
  const ids = { text: `${base}-text`, files: `${base}-files` };
  const [text, setText] = useState(m.response?.text ?? '');
  const [files, setFiles] = useState<Uploaded[]>(
    m.response?.files.map((f) => ({ fileId: f.id, name: f.filename })) ?? [],
  );
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const send = useMutation({
    mutationFn: () => respond(d.id, { unitId: m.unitId, text, fileIds: files.map((f) => f.fileId) }),
    onSuccess: () => {
      errors.clear();
      void qc.invalidateQueries({ queryKey: ['directive', d.id] });
      void qc.invalidateQueries({ queryKey: ['directives-inbox'] });
    },
    onError: (err) => {
      const fieldOf = (p: string) => (p === 'body.text' ? ids.text : p.startsWith('body.fileIds') ? ids.files : null);
      const { fields, general } = apiErrors(err, lang, fieldOf, t('error.generic'));
      const named = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, messageIn(v, lang)]));
      errors.show(named, general === null ? null : messageIn(general, lang));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (d.responseKind !== 'confirm' && !text.trim()) {
      errors.show({ [ids.text]: t('directives.answer.needText') }, null);
      return;
    }
    if (d.responseKind === 'report' && files.length === 0) {
      errors.show({ [ids.files]: t('directives.answer.needFile') }, null);
      return;
    }
    send.mutate();
  };
  const r = m.response;
  return (
    <section aria-labelledby={`${base}-h`} className="dir-mine card">
      <h2 id={`${base}-h`}>{t('directives.answer.title', { unit: m.unitName })}</h2>
      <p>
        <StatusBadge status={m.status} late={m.late} />
      </p>
      {m.firstReadAt && (
        <p className="dir-meta">
          {t('directives.readBy', { at: formatDateTime(m.firstReadAt), name: m.firstReadByName ?? '' })}
        </p>
      )}
      {r && (
        <div className="dir-current">
          <h3>{t('directives.answer.current')}</h3>
          <p className="dir-answer">{r.text || t('directives.confirmed')}</p>
          {r.files.map((f) => (
            <a key={f.id} className="block" href={fileUrl(d.id, f.id)}>
              {f.filename}
            </a>
          ))}
          <p className="dir-meta">
            {formatDateTime(r.answeredAt)} · {r.answeredByName}
            {r.version > 1 && ` · ${t('directives.version', { n: r.version })}`}
          </p>
          {r.version > 1 && <AnswerHistory directiveId={d.id} unitId={m.unitId} />}
        </div>
      )}
      {send.isSuccess && (
        <p role="status" className="alert alert-success">
          {t('directives.answer.sent')}
        </p>
      )}
      {m.canAnswer ? (
        <form className="form" onSubmit={submit} noValidate>
          <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
          {d.responseKind !== 'confirm' && (
            <TextArea
              id={ids.text}
              label={t('directives.answer.text')}
              rows={5}
              maxLength={10000}
              value={text}
              error={errors.fields[ids.text]}
              onChange={(e) => setText(e.target.value)}
            />
          )}
          {d.responseKind === 'report' && (
            <UploadField
              id={ids.files}
              label={t('directives.answer.files')}
              hint={t('directives.upload.hint')}
              files={files}
              onChange={setFiles}
              onBusy={setBusy}
              error={errors.fields[ids.files]}
            />
          )}
          <button type="submit" className="button" disabled={send.isPending || busy}>
            {d.responseKind === 'confirm'
              ? t('directives.answer.confirm')
              : r
                ? t('directives.answer.amend')
                : t('directives.answer.send')}
          </button>
        </form>
      ) : (
        d.responseKind !== 'none' && !r && <p className="dir-meta">{t('directives.answer.closed')}</p>
      )}
    </section>
  );
}
