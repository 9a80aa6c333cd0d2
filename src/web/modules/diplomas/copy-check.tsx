import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { VerifyCopyAnswer } from '../../../shared/diploma-copies.schema.ts';
import { apiGet } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';

/**
 * The check of a certified copy, shown on /van-bang/tra-cuu when the address carries
 * `ban-sao` (the copy number) and `ma` (its check code), as the copy's QR code does: whether
 * the copy exists, its public fields, and whether the Sở's signed file is intact and its
 * signature valid.
 */
export function CopyCheck({ copyNumber, checkCode }: { copyNumber: string; checkCode: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['diploma-copy-check', copyNumber, checkCode],
    queryFn: () => apiGet<VerifyCopyAnswer>('/api/public/diplomas/copies/verify', { so: copyNumber, ma: checkCode }),
    retry: false,
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const a = q.data;
  if (!a.found || !a.copy)
    return (
      <section className="card dp-nomatch" aria-labelledby="cc-title" role="status">
        <h2 id="cc-title">{t('diplomaCopies.check.notFound')}</h2>
        <p>{t('diplomaCopies.check.notFoundHelp', { number: copyNumber })}</p>
      </section>
    );
  const c = a.copy;
  const s = a.signature;
  return (
    <section className={`card ${s?.valid ? 'dp-match' : 'dp-nomatch'}`} aria-labelledby="cc-title" role="status">
      <h2 id="cc-title" data-testid="copy-check-title">
        {s?.valid ? t('diplomaCopies.check.valid') : t('diplomaCopies.check.invalid')}
      </h2>
      <dl className="dp-facts">
        <dt>{t('diplomaCopies.copy.number')}</dt>
        <dd>{c.copyNumber}</dd>
        <dt>{t('diplomaCopies.check.issuedOn')}</dt>
        <dd>
          {formatDate(c.issuedOn)} — {c.issuer}
        </dd>
        <dt>{t('diplomas.fields.fullName')}</dt>
        <dd>{c.holderName}</dd>
        <dt>{t('diplomas.fields.type')}</dt>
        <dd>{c.typeName}</dd>
        <dt>{t('diplomas.fields.year')}</dt>
        <dd>{c.year}</dd>
        <dt>{t('diplomas.fields.serial')}</dt>
        <dd>{c.serial}</dd>
        <dt>{t('diplomas.fields.issuingUnit')}</dt>
        <dd>{c.issuingUnitName}</dd>
        {s && (
          <>
            <dt>{t('diplomaCopies.check.signature')}</dt>
            <dd data-testid="copy-check-signature">
              {s.signatureValid ? t('diplomaCopies.check.signatureValid') : t('diplomaCopies.check.signatureInvalid')}
              {' · '}
              {s.intact ? t('diplomaCopies.check.intact') : t('diplomaCopies.check.altered')}
              {' · '}
              {s.trusted ? t('diplomaCopies.check.trusted') : t('diplomaCopies.check.untrusted')}
            </dd>
            <dt>{t('diplomaCopies.check.signer')}</dt>
            <dd>
              {s.signer} {s.signedAt && `(${formatDateTime(s.signedAt)})`}
            </dd>
          </>
        )}
      </dl>
      {s?.demo && <p className="alert alert-info">{t('diplomaCopies.check.demo')}</p>}
    </section>
  );
}
