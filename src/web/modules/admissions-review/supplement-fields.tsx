import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  code: string;
  documents: { code: string; name: string }[];
}

/**
 * What a supplement request asks for: the missing documents (the procedure's kinds), why, and
 * a free note; below, a preview of the message the parent receives (Nghị định 61/2018/NĐ-CP:
 * a request for more papers says once and completely what is missing and why).
 * The server needs a document or a note: until one is given the note field is invalid.
 */
export function SupplementFields({ code, documents }: Props) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const missing = chosen.length === 0 && note.trim() === '';

  useEffect(() => {
    noteRef.current?.setCustomValidity(missing ? t('admissionsReview.supplement.needOne') : '');
  }, [missing, t]);

  const names = documents.filter((d) => chosen.includes(d.code)).map((d) => d.name);
  return (
    <>
      {documents.length > 0 && (
        <fieldset className="fieldset">
          <legend>{t('admissionsReview.supplement.documents')}</legend>
          {documents.map((d) => (
            <div className="checkbox" key={d.code}>
              <input
                id={`doc-${d.code}`}
                type="checkbox"
                name="documents"
                value={d.code}
                checked={chosen.includes(d.code)}
                onChange={(e) =>
                  setChosen((prev) => (e.target.checked ? [...prev, d.code] : prev.filter((c) => c !== d.code)))
                }
              />
              <label htmlFor={`doc-${d.code}`}>{d.name}</label>
            </div>
          ))}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor="supplement-reason">{t('admissionsReview.supplement.reason')}</label>
        <textarea
          id="supplement-reason"
          name="reason"
          required
          minLength={5}
          maxLength={2000}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby="supplement-reason-hint"
        />
        <p id="supplement-reason-hint" className="hint">
          {t('admissionsReview.supplement.reasonHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="supplement-note">{t('admissionsReview.supplement.note')}</label>
        <textarea
          ref={noteRef}
          id="supplement-note"
          name="note"
          maxLength={2000}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby="supplement-note-hint"
        />
        <p id="supplement-note-hint" className="hint">
          {t('admissionsReview.supplement.noteHint')}
        </p>
      </div>
      <section className="review-preview" aria-labelledby="preview-title">
        <h3 id="preview-title">{t('admissionsReview.supplement.preview')}</h3>
        <p>{t('admissionsReview.supplement.previewIntro', { code })}</p>
        {names.length > 0 && (
          <>
            <p>{t('admissionsReview.supplement.previewDocuments')}</p>
            <ul>
              {names.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </>
        )}
        {note.trim() && <p>{note.trim()}</p>}
        <p>
          {t('admissionsReview.supplement.previewReason')}{' '}
          {reason.trim() || <em>{t('admissionsReview.supplement.previewNoReason')}</em>}
        </p>
        <p>{t('admissionsReview.supplement.previewHow', { path: `/tuyen-sinh/ho-so/${code}` })}</p>
      </section>
    </>
  );
}
