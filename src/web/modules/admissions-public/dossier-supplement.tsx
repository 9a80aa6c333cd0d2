import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { FieldError } from '../../ui/form-fields.tsx';
import { FileChoice, OtpGate, type TimelineEvent, useDocName, useOtpAction } from './dossier-shared.tsx';
import { type ChildIdentity, resubmitApplication, uploadSupplement } from './public-api.ts';

export function SupplementForm({
  code,
  child,
  request,
  onDone,
}: {
  code: string;
  child: ChildIdentity;
  request: TimelineEvent;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const gate = useOtpAction();
  const docName = useDocName();
  const documents = request.details?.documents ?? [];
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [uploaded, setUploaded] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!gate.otp) return gate.ask();
    const missing = documents.filter((d) => !files[d] && !uploaded[d]);
    if (missing.length)
      return errors.show(
        Object.fromEntries(
          missing.map((d) => [`sp-${d}`, t('admissionsPublic.supplement.missing', { doc: docName(d) })]),
        ),
      );
    setBusy(true);
    try {
      for (const d of documents) {
        const file = files[d];
        if (!file || uploaded[d]) continue;
        const a = await uploadSupplement(code, gate.otp.token, child, d, file);
        setUploaded((u) => ({ ...u, [d]: a.filename }));
      }
      await resubmitApplication(code, gate.otp.token, { ...child, note: note.trim() });
      errors.clear();
      onDone();
    } catch (error) {
      if (gate.expired(error)) return;
      const e = apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic'));
      errors.show({}, e.general);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="sp-title" className="card ap-supplement">
      <h2 id="sp-title">{t('admissionsPublic.supplement.title')}</h2>
      {request.reason && (
        <p>
          <strong>{t('admissionsPublic.supplement.why')}:</strong> {request.reason}
        </p>
      )}
      {request.details?.note && <p>{request.details.note}</p>}
      <OtpGate gate={gate} idPrefix="sp-otp">
        <form className="form" onSubmit={(e) => void send(e)} noValidate>
          <ErrorSummary {...errors} />
          {documents.map((d) => (
            <fieldset key={d} className="fieldset" id={`sp-${d}`} tabIndex={-1}>
              <legend>{docName(d)}</legend>
              {uploaded[d] ? (
                <p>{t('admissionsPublic.supplement.uploaded', { name: uploaded[d] })}</p>
              ) : (
                <FileChoice id={`sp-${d}`} onFile={(file) => setFiles((f) => ({ ...f, [d]: file }))} />
              )}
              <FieldError id={`sp-${d}`} error={errors.fields[`sp-${d}`]} />
            </fieldset>
          ))}
          <div className="field">
            <label htmlFor="sp-note">{t('admissionsPublic.supplement.note')}</label>
            <textarea id="sp-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('admissionsPublic.apply.working') : t('admissionsPublic.supplement.send')}
          </button>
        </form>
      </OtpGate>
    </section>
  );
}

export function EvidenceUpload({
  code,
  child,
  documents,
  headingLevel = 2,
}: {
  code: string;
  child: ChildIdentity;
  documents: string[];
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const gate = useOtpAction();
  const docName = useDocName();
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [uploaded, setUploaded] = useState<{ doc: string; name: string }[]>([]);
  // Remounts the file inputs once their files are sent, so that the same document can be added again.
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!gate.otp) return gate.ask();
    const chosen = documents.filter((d) => files[d]);
    if (!chosen.length) return errors.show({ [`ev-${documents[0]}`]: t('admissionsPublic.evidence.none') });
    setBusy(true);
    try {
      for (const d of chosen) {
        const a = await uploadSupplement(code, gate.otp.token, child, d, files[d]!);
        setUploaded((u) => [...u, { doc: d, name: a.filename }]);
        setFiles((f) => ({ ...f, [d]: null }));
      }
      errors.clear();
      setRound((r) => r + 1);
    } catch (error) {
      if (gate.expired(error)) return;
      errors.show({}, apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic')).general);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="ev-title" className="card ap-evidence">
      <Heading id="ev-title">{t('admissionsPublic.evidence.title')}</Heading>
      <p>{t('admissionsPublic.evidence.intro')}</p>
      <div role="status">
        {uploaded.length > 0 && (
          <>
            <p className="ap-evidence-done">{t('admissionsPublic.evidence.uploaded')}</p>
            <ul>
              {uploaded.map((u, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the same file may be sent twice
                <li key={i}>
                  {docName(u.doc)}: {u.name}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <OtpGate gate={gate} idPrefix="ev-otp">
        <form className="form" onSubmit={(e) => void send(e)} noValidate>
          <ErrorSummary {...errors} />
          {documents.map((d) => (
            <fieldset key={`${d}-${round}`} className="fieldset" id={`ev-${d}`} tabIndex={-1}>
              <legend>
                {docName(d)}
                {d === 'KHUYEN_KHICH' && ` (${t('admissionsPublic.wishes.optional')})`}
              </legend>
              <FileChoice id={`ev-${d}`} onFile={(file) => setFiles((f) => ({ ...f, [d]: file }))} />
              <FieldError id={`ev-${d}`} error={errors.fields[`ev-${d}`]} />
            </fieldset>
          ))}
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('admissionsPublic.apply.working') : t('admissionsPublic.evidence.send')}
          </button>
        </form>
      </OtpGate>
    </section>
  );
}

/** Withdrawal, behind a second, explicit confirmation and a reason. */
