import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime, formatVnd } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { TextField } from '../../ui/form-fields.tsx';
import { ContactStep } from './contact-step.tsx';
import { type CopySession, type CopyStatus, fetchCopyPdf, fetchStatus, loadSession } from './copies-api.ts';
import './copies.css';

const CODE = /^[A-Z][A-Z0-9]{0,7}-\d{4}-\d{1,9}$/;

/** The path and query of an absolute verification URL (the page is on this site). */
export function localPath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

/**
 * /ban-sao-van-bang/tra-cuu — the citizen follows a request by its code with the contact that
 * filed it (one-time code), reads the steps and any reason, and downloads the signed copy.
 */
export function StatusPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('diplomaCopies.status.title'));
  const [params] = useSearchParams();
  const [session, setSession] = useState<CopySession | null>(loadSession);
  const [code, setCode] = useState(params.get('ma') ?? '');
  const [status, setStatus] = useState<CopyStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [pdfUrl, setPdfUrl] = useState<string | null>(null);
  const errors = useFormErrors();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';

  useEffect(() => () => (pdfUrl ? URL.revokeObjectURL(pdfUrl) : undefined), [pdfUrl]);

  async function look(event?: FormEvent) {
    event?.preventDefault();
    if (!session) return;
    const c = code.trim().toUpperCase();
    if (!CODE.test(c)) return errors.show({ 'bs-lookup-code': t('diplomaCopies.errors.code') });
    setBusy(true);
    try {
      setStatus(await fetchStatus(session.token, c));
      errors.clear();
    } catch (error) {
      setStatus(null);
      const e = apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic'));
      errors.show({ 'bs-lookup-code': e.general ?? t('error.generic') });
    } finally {
      setBusy(false);
    }
  }

  async function download() {
    if (!session || !status) return;
    try {
      const blob = await fetchCopyPdf(session.token, status.code);
      setPdfUrl(URL.createObjectURL(blob));
    } catch (error) {
      const e = apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic'));
      errors.show({}, e.general);
    }
  }

  return (
    <div className="narrow bs-page">
      <h1>{t('diplomaCopies.status.title')}</h1>
      {!session && <ContactStep onVerified={setSession} />}
      {session && (
        <form className="form card" onSubmit={(e) => void look(e)} noValidate>
          <ErrorSummary {...errors} />
          <TextField
            id="bs-lookup-code"
            label={t('diplomaCopies.receipt.code')}
            hint={t('diplomaCopies.status.codeHint')}
            error={errors.fields['bs-lookup-code']}
            autoCapitalize="characters"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" className="button" disabled={busy}>
            {t('diplomaCopies.status.look')}
          </button>
        </form>
      )}
      <div aria-live="polite">
        {status && (
          <section className="card" aria-labelledby="bs-status-title">
            <h2 id="bs-status-title">
              {status.code}: <span data-testid="status-state">{t(`diplomaCopies.state.${status.state}`)}</span>
            </h2>
            <dl className="bs-facts">
              <dt>{t('diplomaCopies.fields.holderName')}</dt>
              <dd>{status.holderName}</dd>
              <dt>{t('diplomaCopies.receipt.due')}</dt>
              <dd>{formatDateTime(status.dueAt)}</dd>
              <dt>{t('diplomaCopies.fields.copies')}</dt>
              <dd>{status.copies}</dd>
              <dt>{t('diplomaCopies.fields.delivery')}</dt>
              <dd>
                {t(`diplomaCopies.deliveryShort.${status.delivery}`)}
                {status.deliveryStatus && ` — ${t(`diplomaCopies.deliveryStatus.${status.deliveryStatus}`)}`}
              </dd>
              <dt>{t('diplomaCopies.fee.total')}</dt>
              <dd>{formatVnd(status.fee.totalVnd)}</dd>
            </dl>
            <h3>{t('diplomaCopies.status.steps')}</h3>
            <ol>
              {status.timeline.events.map((e) => (
                <li key={`${e.at}-${e.action}`}>
                  {formatDateTime(e.at)} — {t(`diplomaCopies.state.${e.toState}`)} ({e.byLabel[lang]})
                  {e.reason && <p>{e.reason}</p>}
                </li>
              ))}
            </ol>
            {status.copy && (
              <div className="card bs-ok">
                <p>{t('diplomaCopies.status.issued', { number: status.copy.copyNumber })}</p>
                <div className="bs-actions">
                  {!pdfUrl && (
                    <button type="button" className="button" onClick={() => void download()}>
                      {t('diplomaCopies.status.prepare')}
                    </button>
                  )}
                  {pdfUrl && (
                    <a
                      className="button"
                      href={pdfUrl}
                      download={`ban-sao-${status.copy.copyNumber.replaceAll('/', '-')}.pdf`}
                    >
                      {t('diplomaCopies.status.download')}
                    </a>
                  )}
                  <Link to={localPath(status.copy.verificationUrl)}>{t('diplomaCopies.status.check')}</Link>
                </div>
              </div>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
