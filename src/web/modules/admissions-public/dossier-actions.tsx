import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { FieldError } from '../../ui/form-fields.tsx';
import { OtpStep } from './otp-step.tsx';
import {
  type ApplicationStatus,
  type ChildIdentity,
  confirmEnrolment,
  editApplication,
  type PublicResult,
  type PublicRound,
  resubmitApplication,
  uploadSupplement,
  withdrawApplication,
} from './public-api.ts';
import { currentOtp, type OtpSession, rememberOtp } from './storage.ts';

type TimelineEvent = ApplicationStatus['timeline']['events'][number];

/**
 * Runs an action that needs a verified contact: with a live token it runs at once; otherwise
 * the OTP step appears first and the action runs right after. An expired token (401) asks again.
 */
function useOtpAction() {
  const [otp, setOtp] = useState<OtpSession | null>(() => currentOtp());
  const [asking, setAsking] = useState(false);
  const verified = (s: OtpSession) => {
    rememberOtp(s);
    setOtp(s);
    setAsking(false);
  };
  const expired = (error: unknown) => {
    if (!(error instanceof ApiError && error.code === 'auth.required')) return false;
    rememberOtp(null);
    setOtp(null);
    setAsking(true);
    return true;
  };
  return { otp, asking, ask: () => setAsking(true), verified, expired };
}

function OtpGate({
  gate,
  idPrefix,
  children,
}: {
  gate: ReturnType<typeof useOtpAction>;
  idPrefix: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (gate.otp && !gate.asking) return <>{children}</>;
  return (
    <div className="ap-otp-gate">
      <p>{t('admissionsPublic.dossier.verifyFirst')}</p>
      <OtpStep idPrefix={idPrefix} onVerified={gate.verified} />
    </div>
  );
}

/** Names of the procedure's documents (seeded in 0004_dossiers.sql); unknown codes show as such. */
function useDocName() {
  const { t } = useTranslation();
  return (code: string) => t(`admissionsPublic.documents.${code}`, { defaultValue: code });
}

/** What the school asked for and why; upload (camera on phones) and send back. */
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
                <>
                  <label htmlFor={`sp-${d}-file`}>{t('admissionsPublic.supplement.file')}</label>
                  <input
                    id={`sp-${d}-file`}
                    type="file"
                    accept="image/*,application/pdf"
                    onChange={(e) => setFiles((f) => ({ ...f, [d]: e.target.files?.[0] ?? null }))}
                  />
                  <label htmlFor={`sp-${d}-camera`}>{t('admissionsPublic.supplement.camera')}</label>
                  <input
                    id={`sp-${d}-camera`}
                    type="file"
                    accept="image/*"
                    capture="environment"
                    onChange={(e) => setFiles((f) => ({ ...f, [d]: e.target.files?.[0] ?? null }))}
                  />
                  <p className="hint">{t('admissionsPublic.supplement.fileHint')}</p>
                </>
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

/** Changes the wishes before the registration deadline (the server keeps the previous version). */
export function EditWishes({
  code,
  child,
  status,
  round,
  onDone,
}: {
  code: string;
  child: ChildIdentity;
  status: ApplicationStatus;
  round: PublicRound;
  onDone: (next: ApplicationStatus) => void;
}) {
  const { t, i18n } = useTranslation();
  const gate = useOtpAction();
  const [open, setOpen] = useState(false);
  const [wishes, setWishes] = useState<string[]>(status.schoolWishes.map((w) => w.id));
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!gate.otp) return gate.ask();
    const chosen = wishes.filter(Boolean);
    if (!chosen.length) return errors.show({ 'ew-wish-0': t('admissionsPublic.errors.wishesEmpty') });
    if (new Set(chosen).size !== chosen.length)
      return errors.show({ 'ew-wish-1': t('admissionsPublic.errors.wishesDuplicate') });
    setBusy(true);
    try {
      const next = await editApplication(code, gate.otp.token, { ...child, wishes: chosen });
      errors.clear();
      setOpen(false);
      onDone(next);
    } catch (error) {
      if (gate.expired(error)) return;
      const e = apiErrors(
        error,
        i18n.resolvedLanguage,
        (p) => (p.includes('wishes') ? 'ew-wish-0' : null),
        t('error.generic'),
      );
      errors.show(e.fields, e.general);
    } finally {
      setBusy(false);
    }
  }

  if (!open)
    return (
      <p>
        <button type="button" className="button secondary" onClick={() => setOpen(true)}>
          {t('admissionsPublic.edit.open')}
        </button>
      </p>
    );
  return (
    <section aria-labelledby="ew-title" className="card">
      <h2 id="ew-title">{t('admissionsPublic.edit.title')}</h2>
      <OtpGate gate={gate} idPrefix="ew-otp">
        <form className="form" onSubmit={(e) => void save(e)} noValidate>
          <ErrorSummary {...errors} />
          {Array.from({ length: round.rules.wishCount }, (_, i) => `ew-wish-${i}`).map((id, i) => (
            <div className="field" key={id}>
              <label htmlFor={`ew-wish-${i}`}>{t('admissionsPublic.wishes.wish', { n: i + 1 })}</label>
              <select
                id={`ew-wish-${i}`}
                value={wishes[i] ?? ''}
                aria-invalid={errors.fields[`ew-wish-${i}`] ? true : undefined}
                onChange={(e) => {
                  const next = [...wishes];
                  next[i] = e.target.value;
                  setWishes(next);
                }}
              >
                <option value="">{t('admissionsPublic.wishes.choose')}</option>
                {round.schools.map((s) => (
                  <option key={s.schoolId} value={s.schoolId}>
                    {s.name}
                  </option>
                ))}
              </select>
              <FieldError id={`ew-wish-${i}`} error={errors.fields[`ew-wish-${i}`]} />
            </div>
          ))}
          <div className="ap-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('admissionsPublic.edit.save')}
            </button>
            <button type="button" className="button secondary" onClick={() => setOpen(false)}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      </OtpGate>
    </section>
  );
}

/** Withdrawal, behind a second, explicit confirmation and a reason. */
export function Withdraw({
  code,
  child,
  onDone,
}: {
  code: string;
  child: ChildIdentity;
  onDone: (next: ApplicationStatus) => void;
}) {
  const { t, i18n } = useTranslation();
  const gate = useOtpAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();

  async function withdraw(event: FormEvent) {
    event.preventDefault();
    if (!gate.otp) return gate.ask();
    if (!reason.trim()) return errors.show({ 'wd-reason': t('admissionsPublic.errors.withdrawReason') });
    setBusy(true);
    try {
      const next = await withdrawApplication(code, gate.otp.token, { ...child, reason: reason.trim() });
      setOpen(false);
      onDone(next);
    } catch (error) {
      if (gate.expired(error)) return;
      errors.show({}, apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic')).general);
    } finally {
      setBusy(false);
    }
  }

  if (!open)
    return (
      <p>
        <button type="button" className="link-button ap-danger" onClick={() => setOpen(true)}>
          {t('admissionsPublic.withdraw.open')}
        </button>
      </p>
    );
  return (
    <section aria-labelledby="wd-title" className="card ap-withdraw">
      <h2 id="wd-title">{t('admissionsPublic.withdraw.title')}</h2>
      <p>{t('admissionsPublic.withdraw.warning')}</p>
      <OtpGate gate={gate} idPrefix="wd-otp">
        <form className="form" onSubmit={(e) => void withdraw(e)} noValidate>
          <ErrorSummary {...errors} />
          <div className="field">
            <label htmlFor="wd-reason">{t('admissionsPublic.withdraw.reason')}</label>
            <textarea
              id="wd-reason"
              rows={3}
              maxLength={2000}
              value={reason}
              aria-invalid={errors.fields['wd-reason'] ? true : undefined}
              aria-describedby={errors.fields['wd-reason'] ? 'wd-reason-error' : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
            <FieldError id="wd-reason" error={errors.fields['wd-reason']} />
          </div>
          <div className="ap-actions">
            <button type="submit" className="button ap-button-danger" disabled={busy}>
              {t('admissionsPublic.withdraw.confirm')}
            </button>
            <button type="button" className="button secondary" onClick={() => setOpen(false)}>
              {t('admissionsPublic.withdraw.keep')}
            </button>
          </div>
        </form>
      </OtpGate>
    </section>
  );
}

/** "Xác nhận nhập học" before the deadline (engineer B's endpoint). */
export function ConfirmEnrolment({
  code,
  child,
  result,
  onDone,
}: {
  code: string;
  child: ChildIdentity;
  result: PublicResult;
  onDone: (next: PublicResult) => void;
}) {
  const { t, i18n } = useTranslation();
  const gate = useOtpAction();
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!gate.otp) return gate.ask();
    setBusy(true);
    try {
      onDone(await confirmEnrolment(code, gate.otp.token, child));
    } catch (error) {
      if (gate.expired(error)) return;
      errors.show({}, apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic')).general);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="ce-title" className="card">
      <h2 id="ce-title">{t('admissionsPublic.result.confirmTitle')}</h2>
      <p>
        {t('admissionsPublic.result.confirmIntro', { school: result.school?.name ?? '', date: result.confirmToText })}
      </p>
      <OtpGate gate={gate} idPrefix="ce-otp">
        <form onSubmit={(e) => void confirm(e)} noValidate>
          <ErrorSummary {...errors} />
          <button type="submit" className="button" disabled={busy}>
            {t('admissionsPublic.result.confirmButton')}
          </button>
        </form>
      </OtpGate>
    </section>
  );
}
