import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { TextField } from '../../ui/form-fields.tsx';
import { type OtpChannel, requestCode, verifyCode } from './public-api.ts';
import type { OtpSession } from './storage.ts';

/** A Vietnamese mobile number (0xxxxxxxxx or +84…), spaces, dots and dashes ignored. */
export const PHONE = /^(0|\+84)\d{9,10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function cleanAddress(channel: OtpChannel, value: string): string {
  return channel === 'sms' ? value.replace(/[\s.-]/g, '') : value.trim();
}

export function addressProblem(channel: OtpChannel, value: string): 'empty' | 'phone' | 'email' | null {
  const v = cleanAddress(channel, value);
  if (!v) return 'empty';
  if (channel === 'sms') return PHONE.test(v) ? null : 'phone';
  return EMAIL.test(v) ? null : 'email';
}

interface Props {
  /** Prefix of the field ids (two OTP forms never share a page, but keep them apart anyway). */
  idPrefix: string;
  initial?: { channel: OtpChannel; address: string } | null;
  onVerified: (session: OtpSession) => void;
}

/**
 * Contact → one-time code → verified. Used by the application (step 1) and by the dossier page
 * before any change (edit, supplement, withdraw, confirm): the server accepts changes only with
 * a token of the contact the dossier was filed with.
 */
export function OtpStep({ idPrefix, initial, onVerified }: Props) {
  const { t, i18n } = useTranslation();
  const [channel, setChannel] = useState<OtpChannel>(initial?.channel ?? 'sms');
  const [address, setAddress] = useState(initial?.address ?? '');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const ids = { channel: `${idPrefix}-channel`, address: `${idPrefix}-address`, code: `${idPrefix}-code` };
  // A demo installation says so, with the fixed code it accepts (no phone receives one).
  const [demoCode, setDemoCode] = useState<string | null>(null);

  async function ask(event?: FormEvent) {
    event?.preventDefault();
    const problem = addressProblem(channel, address);
    if (problem) {
      errors.show({ [ids.address]: t(`admissionsPublic.otp.error.${problem}`) });
      return;
    }
    setBusy(true);
    try {
      const sent = await requestCode(channel, cleanAddress(channel, address));
      errors.clear();
      setSentTo(sent.maskedAddress);
      setDemoCode(sent.demo ? (sent.demoCode ?? '') : null);
      setCode('');
      requestAnimationFrame(() => document.getElementById(ids.code)?.focus());
    } catch (error) {
      const e = apiErrors(error, i18n.resolvedLanguage, (p) => (p.includes('address') ? ids.address : null), '');
      errors.show(e.fields, e.general);
    } finally {
      setBusy(false);
    }
  }

  async function verify(event: FormEvent) {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      errors.show({ [ids.code]: t('admissionsPublic.otp.error.code') });
      return;
    }
    setBusy(true);
    try {
      const clean = cleanAddress(channel, address);
      const verified = await verifyCode(channel, clean, digits);
      errors.clear();
      onVerified({ channel, address: clean, token: verified.token, expiresAt: verified.expiresAt });
    } catch (error) {
      const e = apiErrors(error, i18n.resolvedLanguage, (p) => (p.includes('code') ? ids.code : null), '');
      // otp.invalid has no field detail: it belongs to the code field.
      if (!Object.keys(e.fields).length && e.general) errors.show({ [ids.code]: e.general });
      else errors.show(e.fields, e.general);
    } finally {
      setBusy(false);
    }
  }

  if (sentTo)
    return (
      <form className="form" onSubmit={verify} noValidate>
        <ErrorSummary {...errors} />
        <p>{t('admissionsPublic.otp.sent', { address: sentTo })}</p>
        {demoCode !== null && (
          <p className="alert alert-info">{t('admissionsPublic.otp.demoHint', { code: demoCode })}</p>
        )}
        <TextField
          id={ids.code}
          label={t('admissionsPublic.otp.code')}
          hint={t('admissionsPublic.otp.codeHint')}
          error={errors.fields[ids.code]}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <div className="ap-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('admissionsPublic.otp.verifying') : t('admissionsPublic.otp.verify')}
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void ask()}>
            {t('admissionsPublic.otp.resend')}
          </button>
          <button type="button" className="link-button" onClick={() => setSentTo(null)}>
            {t('admissionsPublic.otp.changeAddress')}
          </button>
        </div>
      </form>
    );

  return (
    <form className="form" onSubmit={ask} noValidate>
      <ErrorSummary {...errors} />
      <fieldset className="fieldset" id={ids.channel}>
        <legend>{t('admissionsPublic.otp.channel')}</legend>
        <div className="radio-list">
          {(['sms', 'email'] as const).map((c) => (
            <label key={c} className="ap-radio">
              <input type="radio" name={ids.channel} value={c} checked={channel === c} onChange={() => setChannel(c)} />
              {t(`admissionsPublic.otp.${c}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        id={ids.address}
        label={t(channel === 'sms' ? 'admissionsPublic.otp.phone' : 'admissionsPublic.otp.emailAddress')}
        hint={t(channel === 'sms' ? 'admissionsPublic.otp.phoneHint' : 'admissionsPublic.otp.emailHint')}
        error={errors.fields[ids.address]}
        type={channel === 'sms' ? 'tel' : 'email'}
        inputMode={channel === 'sms' ? 'tel' : 'email'}
        autoComplete={channel === 'sms' ? 'tel' : 'email'}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('admissionsPublic.otp.sending') : t('admissionsPublic.otp.send')}
      </button>
    </form>
  );
}
