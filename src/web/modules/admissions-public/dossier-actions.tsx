import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { FieldError } from '../../ui/form-fields.tsx';
import { OtpGate, useOtpAction } from './dossier-shared.tsx';
import {
  type ApplicationStatus,
  type ChildIdentity,
  confirmEnrolment,
  type PublicResult,
  withdrawApplication,
} from './public-api.ts';

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
