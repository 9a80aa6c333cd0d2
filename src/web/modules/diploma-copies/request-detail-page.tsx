import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatPartialDate } from '../../../shared/diplomas.schema.ts';
import { formatDateTime, formatVnd } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { FieldError } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import {
  type CopyRequestDetail,
  fetchCandidates,
  fetchDetail,
  issueCopy,
  markDelivery,
  rejectRequest,
} from './copies-api.ts';
import { localPath } from './status-page.tsx';
import './copies.css';

const DECIDABLE = ['submitted', 'in_review', 'resubmitted'];
const NEXT: Record<string, Record<string, 'picked_up' | 'posted' | 'delivered'>> = {
  pickup: { ready_for_pickup: 'picked_up' },
  post: { none: 'posted', posted: 'delivered' },
};

/**
 * /ban-sao-van-bang/xu-ly/:id — one request: the form, the proof, candidates from the master
 * register (best first); issue the copy from the chosen entry, or refuse with a reason; then
 * the pickup or postal steps.
 */
export function RequestDetailPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('diplomaCopies.detail.title'));
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const detail = useQuery({ queryKey: ['diploma-copy', id], queryFn: () => fetchDetail(id) });
  const open = detail.data ? DECIDABLE.includes(detail.data.dossier.state) : false;
  const candidates = useQuery({
    queryKey: ['diploma-copy-candidates', id],
    queryFn: () => fetchCandidates(id),
    enabled: open,
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();

  async function run(action: () => Promise<CopyRequestDetail>) {
    setBusy(true);
    try {
      qc.setQueryData(['diploma-copy', id], await action());
      errors.clear();
      void qc.invalidateQueries({ queryKey: ['diploma-copy-queue'] });
    } catch (error) {
      const e = apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic'));
      errors.show(e.fields, e.general);
    } finally {
      setBusy(false);
    }
  }

  if (detail.isPending) return <Loading />;
  if (detail.error) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  const f = d.form;
  const version = d.dossier.version;
  const next = d.copy ? NEXT[f.delivery]?.[d.deliveryStatus ?? 'none'] : undefined;

  return (
    <div className="bs-page">
      <h1>
        {t('diplomaCopies.detail.title')} {d.dossier.code}
      </h1>
      <ErrorSummary {...errors} />
      <section className="card" aria-labelledby="bs-form-title">
        <h2 id="bs-form-title">
          <span data-testid="detail-state">{t(`diplomaCopies.state.${d.dossier.state}`)}</span> ·{' '}
          {t('diplomaCopies.receipt.due')}: {formatDateTime(d.dossier.dueAt)}
        </h2>
        <dl className="bs-facts">
          <dt>{t('diplomaCopies.fields.requesterKind')}</dt>
          <dd>
            {t(`diplomaCopies.kind.${f.requesterKind}`)} — {f.requesterName}
            {f.relationship && ` (${f.relationship})`}
          </dd>
          <dt>{t('diplomaCopies.fields.holderName')}</dt>
          <dd>{f.holderName}</dd>
          <dt>{t('diplomaCopies.fields.birthDate')}</dt>
          <dd>{f.birthDate}</dd>
          <dt>{t('diplomaCopies.fields.year')}</dt>
          <dd>{f.graduationYear}</dd>
          <dt>{t('diplomaCopies.fields.school')}</dt>
          <dd>{f.schoolName}</dd>
          <dt>{t('diplomaCopies.fields.serial')}</dt>
          <dd>{f.serial ?? '—'}</dd>
          <dt>{t('diplomaCopies.fields.copies')}</dt>
          <dd>{f.copies}</dd>
          <dt>{t('diplomaCopies.fields.delivery')}</dt>
          <dd>
            {t(`diplomaCopies.deliveryShort.${f.delivery}`)}
            {f.postalAddress && `: ${f.postalAddress}`}
          </dd>
          <dt>{t('diplomaCopies.fee.total')}</dt>
          <dd>{formatVnd(f.fee.totalVnd)}</dd>
          <dt>{t('diplomaCopies.detail.contact')}</dt>
          <dd>{f.contactAddress}</dd>
        </dl>
        {d.proofRequired && (
          <p className={d.proof.length ? undefined : 'alert alert-error'}>
            {d.proof.length
              ? d.proof.map((a) => (
                  <a key={a.id} href={`/api/dossiers/${d.dossier.id}/attachments/${a.id}`}>
                    {t('diplomaCopies.detail.proof')}: {a.filename}
                  </a>
                ))
              : t('diplomaCopies.detail.noProof')}
          </p>
        )}
      </section>

      {d.copy && (
        <section className="card bs-ok" aria-labelledby="bs-copy-title">
          <h2 id="bs-copy-title">
            {t('diplomaCopies.copy.number')}: <span data-testid="copy-number">{d.copy.copyNumber}</span>
          </h2>
          <p>
            {t('diplomaCopies.copy.checkCode')}: <code>{d.copy.checkCode}</code> · {formatDateTime(d.copy.issuedAt)}
          </p>
          <p>
            <a href={localPath(d.copy.verificationUrl)}>{t('diplomaCopies.status.check')}</a>
          </p>
          <p>
            {t('diplomaCopies.fields.delivery')}:{' '}
            {d.deliveryStatus ? t(`diplomaCopies.deliveryStatus.${d.deliveryStatus}`) : '—'}
          </p>
          {next && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void run(() => markDelivery(id, next))}
            >
              {t(`diplomaCopies.deliveryAction.${next}`)}
            </button>
          )}
        </section>
      )}

      {open && (
        <section className="card" aria-labelledby="bs-match-title">
          <h2 id="bs-match-title">{t('diplomaCopies.detail.candidates')}</h2>
          {candidates.isPending && <Loading />}
          {candidates.error && <ErrorAlert error={candidates.error} />}
          {candidates.data && candidates.data.items.length === 0 && <p>{t('diplomaCopies.detail.noCandidates')}</p>}
          {candidates.data && candidates.data.items.length > 0 && (
            <fieldset className="fieldset">
              <legend>{t('diplomaCopies.detail.choose')}</legend>
              {candidates.data.items.map((c) => (
                <label key={c.id} className="bs-radio">
                  <input type="radio" name="bs-entry" checked={chosen === c.id} onChange={() => setChosen(c.id)} />
                  <span>
                    <strong>{c.fullName}</strong> · {formatPartialDate(c.birthDate)} · {c.year} · {c.serial ?? '—'} ·{' '}
                    {c.schoolName} · {c.issuingUnitName}{' '}
                    <span className="small">({c.reasons.map((r) => t(`diplomaCopies.reason.${r}`)).join(', ')})</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <button
            type="button"
            className="button"
            disabled={busy || !chosen}
            onClick={() => chosen && void run(() => issueCopy(id, chosen, version))}
          >
            {busy ? t('status.loading') : t('diplomaCopies.detail.issue')}
          </button>
          <div className="field">
            <label htmlFor="bs-reason">{t('diplomaCopies.detail.reason')}</label>
            <textarea
              id="bs-reason"
              className="bs-textarea"
              value={reason}
              aria-describedby={errors.fields['bs-reason'] ? 'bs-reason-error' : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
            <FieldError id="bs-reason" error={errors.fields['bs-reason']} />
          </div>
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => {
              if (reason.trim().length < 5) return errors.show({ 'bs-reason': t('diplomaCopies.errors.reason') });
              void run(() => rejectRequest(id, reason.trim(), version));
            }}
          >
            {t('diplomaCopies.detail.reject')}
          </button>
        </section>
      )}
    </div>
  );
}
