import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { TextField } from '../../ui/form-fields.tsx';
import { type CopySession, type OtpChannel, requestCode, saveSession, verifyCode } from './copies-api.ts';

const PHONE = /^(0|\+84)\d{9,10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const clean = (channel: OtpChannel, v: string) => (channel === 'sms' ? v.replace(/[\s.-]/g, '') : v.trim());

/**
 * Phone or e-mail → one-time code → verified (no account). The session is kept in this tab
 * only; the request and its status are the verified contact's.
 */
export function ContactStep({ onVerified }: { onVerified: (s: CopySession) => void }) {
  const { t, i18n } = useTranslation();
  const [channel, setChannel] = useState<OtpChannel>('sms');
  const [address, setAddress] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [demoCode, setDemoCode] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();

  async function ask(event?: FormEvent) {
    event?.preventDefault();
    const v = clean(channel, address);
    if (!(channel === 'sms' ? PHONE : EMAIL).test(v)) {
      errors.show({ 'bs-address': t(channel === 'sms' ? 'diplomaCopies.otp.badPhone' : 'diplomaCopies.otp.badEmail') });
      return;
    }
    setBusy(true);
    try {
      const sent = await requestCode(channel, v);
      errors.clear();
      setSentTo(sent.maskedAddress);
      setDemoCode(sent.demo ? (sent.demoCode ?? '') : null);
      requestAnimationFrame(() => document.getElementById('bs-code')?.focus());
    } catch (error) {
      const e = apiErrors(error, i18n.resolvedLanguage, () => 'bs-address', '');
      errors.show(e.fields, e.general);
    } finally {
      setBusy(false);
    }
  }

  async function verify(event: FormEvent) {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      errors.show({ 'bs-code': t('diplomaCopies.otp.badCode') });
      return;
    }
    setBusy(true);
    try {
      const v = clean(channel, address);
      const ok = await verifyCode(channel, v, digits);
      const session = { channel, address: v, token: ok.token, expiresAt: ok.expiresAt };
      saveSession(session);
      errors.clear();
      onVerified(session);
    } catch (error) {
      const e = apiErrors(error, i18n.resolvedLanguage, () => 'bs-code', '');
      if (!Object.keys(e.fields).length && e.general) errors.show({ 'bs-code': e.general });
      else errors.show(e.fields, e.general);
    } finally {
      setBusy(false);
    }
  }

  if (sentTo)
    return (
      <form className="form card" onSubmit={(e) => void verify(e)} noValidate>
        <ErrorSummary {...errors} />
        <p>{t('diplomaCopies.otp.sent', { address: sentTo })}</p>
        {demoCode !== null && <p className="alert alert-info">{t('diplomaCopies.otp.demo', { code: demoCode })}</p>}
        <TextField
          id="bs-code"
          label={t('diplomaCopies.otp.code')}
          error={errors.fields['bs-code']}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <div className="bs-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('diplomaCopies.otp.verify')}
          </button>
          <button type="button" className="link-button" onClick={() => setSentTo(null)}>
            {t('diplomaCopies.otp.change')}
          </button>
        </div>
      </form>
    );

  return (
    <form className="form card" onSubmit={(e) => void ask(e)} noValidate>
      <ErrorSummary {...errors} />
      <fieldset className="fieldset">
        <legend>{t('diplomaCopies.otp.channel')}</legend>
        {(['sms', 'email'] as const).map((c) => (
          <label key={c} className="bs-radio">
            <input type="radio" name="bs-channel" checked={channel === c} onChange={() => setChannel(c)} />
            {t(`diplomaCopies.otp.${c}`)}
          </label>
        ))}
      </fieldset>
      <TextField
        id="bs-address"
        label={t(channel === 'sms' ? 'diplomaCopies.otp.phone' : 'diplomaCopies.otp.emailAddress')}
        error={errors.fields['bs-address']}
        type={channel === 'sms' ? 'tel' : 'email'}
        autoComplete={channel === 'sms' ? 'tel' : 'email'}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('diplomaCopies.otp.send')}
      </button>
    </form>
  );
}
