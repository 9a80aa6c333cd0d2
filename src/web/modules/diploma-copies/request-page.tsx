import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatVnd } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { FieldError, TextField } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import { ContactStep } from './contact-step.tsx';
import { type CopyReceipt, type CopySession, fetchOptions, fileRequest, loadSession } from './copies-api.ts';
import './copies.css';

type Kind = 'holder' | 'authorised' | 'relative';
type Delivery = 'pickup' | 'post';
const BIRTH = /^(\d{4}|\d{1,2}\/\d{4}|\d{1,2}\/\d{1,2}\/\d{4})$/;

/** Server field paths → this form's field ids. */
const FIELD_IDS: Record<string, string> = {
  requesterName: 'bs-requester-name',
  relationship: 'bs-relationship',
  holderName: 'bs-holder',
  birthDate: 'bs-birth',
  typeCode: 'bs-type',
  graduationYear: 'bs-year',
  schoolName: 'bs-school',
  serial: 'bs-serial',
  copies: 'bs-copies',
  postalAddress: 'bs-postal',
  proof: 'bs-proof',
};

/**
 * /ban-sao-van-bang — a citizen asks for a certified copy from the master register on a phone:
 * verify the contact, identify the diploma, choose copies and delivery, see the fee, send; the
 * receipt gives the dossier code and the deadline (same working day before 15:00).
 */
export function RequestPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('diplomaCopies.request.title'));
  const [session, setSession] = useState<CopySession | null>(loadSession);
  const options = useQuery({ queryKey: ['diploma-copy-options'], queryFn: fetchOptions, staleTime: 60_000 });
  const [kind, setKind] = useState<Kind>('holder');
  const [f, setF] = useState({
    requesterName: '',
    relationship: '',
    holderName: '',
    birthDate: '',
    typeCode: 'thpt',
    graduationYear: '',
    schoolName: '',
    serial: '',
    copies: '1',
    postalAddress: '',
  });
  const [delivery, setDelivery] = useState<Delivery>('pickup');
  const [proof, setProof] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<CopyReceipt | null>(null);
  const idempotencyKey = useRef(crypto.randomUUID());
  const errors = useFormErrors();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((v) => ({ ...v, [k]: e.target.value }));

  const copies = Number(f.copies) || 0;
  const fees = options.data?.fees;
  const total = fees ? fees.perCopyVnd * copies + (delivery === 'post' ? fees.postalVnd : 0) : 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!session || !options.data) return;
    const p: Record<string, string> = {};
    if (kind !== 'holder' && f.requesterName.trim().length < 2) p['bs-requester-name'] = t('diplomaCopies.errors.name');
    if (kind === 'relative' && !f.relationship.trim()) p['bs-relationship'] = t('diplomaCopies.errors.relationship');
    if (f.holderName.trim().length < 2) p['bs-holder'] = t('diplomaCopies.errors.name');
    if (!BIRTH.test(f.birthDate.trim())) p['bs-birth'] = t('diplomaCopies.errors.birth');
    const year = Number(f.graduationYear);
    if (!Number.isInteger(year) || year < 1945 || year > 2100) p['bs-year'] = t('diplomaCopies.errors.year');
    if (f.schoolName.trim().length < 2) p['bs-school'] = t('diplomaCopies.errors.school');
    if (!Number.isInteger(copies) || copies < 1 || copies > options.data.maxCopies)
      p['bs-copies'] = t('diplomaCopies.errors.copies', { max: options.data.maxCopies });
    if (delivery === 'post' && f.postalAddress.trim().length < 10) p['bs-postal'] = t('diplomaCopies.errors.postal');
    if (kind !== 'holder' && !proof) p['bs-proof'] = t('diplomaCopies.errors.proof');
    if (Object.keys(p).length) return errors.show(p);
    setBusy(true);
    try {
      const data = {
        requesterKind: kind,
        requesterName: kind === 'holder' ? f.holderName.trim() : f.requesterName.trim(),
        ...(kind === 'relative' && { relationship: f.relationship.trim() }),
        holderName: f.holderName.trim(),
        birthDate: f.birthDate.trim(),
        typeCode: f.typeCode,
        graduationYear: year,
        schoolName: f.schoolName.trim(),
        ...(f.serial.trim() && { serial: f.serial.trim() }),
        copies,
        delivery,
        ...(delivery === 'post' && { postalAddress: f.postalAddress.trim() }),
        expectedTotalVnd: total,
      };
      const r = await fileRequest(session.token, idempotencyKey.current, data, kind === 'holder' ? null : proof);
      errors.clear();
      setReceipt(r);
      requestAnimationFrame(() => document.getElementById('bs-receipt')?.focus());
    } catch (error) {
      const e = apiErrors(
        error,
        i18n.resolvedLanguage,
        (path) => FIELD_IDS[path.split('.').at(-1) ?? ''] ?? null,
        t('error.generic'),
      );
      errors.show(e.fields, e.general);
      void options.refetch();
    } finally {
      setBusy(false);
    }
  }

  if (receipt)
    return (
      <div className="narrow bs-page">
        <section className="card bs-ok" aria-labelledby="bs-receipt">
          <h1 id="bs-receipt" tabIndex={-1}>
            {t('diplomaCopies.receipt.title')}
          </h1>
          <dl className="bs-facts">
            <dt>{t('diplomaCopies.receipt.code')}</dt>
            <dd>
              <strong data-testid="receipt-code">{receipt.code}</strong>
            </dd>
            <dt>{t('diplomaCopies.receipt.received')}</dt>
            <dd>{formatDateTime(receipt.receivedAt)}</dd>
            <dt>{t('diplomaCopies.receipt.due')}</dt>
            <dd>{formatDateTime(receipt.dueAt)}</dd>
            <dt>{t('diplomaCopies.fields.copies')}</dt>
            <dd>{receipt.copies}</dd>
            <dt>{t('diplomaCopies.fee.total')}</dt>
            <dd>{formatVnd(receipt.fee.totalVnd)}</dd>
          </dl>
          <p>{t('diplomaCopies.receipt.dueRule', { cutoff: options.data?.cutoff ?? '15:00' })}</p>
          <p>
            <Link to={`/ban-sao-van-bang/tra-cuu?ma=${encodeURIComponent(receipt.code)}`}>
              {t('diplomaCopies.receipt.follow')}
            </Link>
          </p>
        </section>
      </div>
    );

  return (
    <div className="narrow bs-page">
      <h1>{t('diplomaCopies.request.title')}</h1>
      <p>{t('diplomaCopies.request.intro', { cutoff: options.data?.cutoff ?? '15:00' })}</p>
      {!session && (
        <>
          <h2>{t('diplomaCopies.request.contact')}</h2>
          <ContactStep onVerified={setSession} />
        </>
      )}
      {session && options.isPending && <Loading />}
      {session && options.error && <ErrorAlert error={options.error} onRetry={() => void options.refetch()} />}
      {session && options.data && (
        <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
          <ErrorSummary {...errors} />
          <p className="hint">{t('diplomaCopies.request.as', { address: session.address })}</p>
          <fieldset className="fieldset">
            <legend>{t('diplomaCopies.fields.requesterKind')}</legend>
            {(['holder', 'authorised', 'relative'] as const).map((k) => (
              <label key={k} className="bs-radio">
                <input type="radio" name="bs-kind" checked={kind === k} onChange={() => setKind(k)} />
                {t(`diplomaCopies.kind.${k}`)}
              </label>
            ))}
          </fieldset>
          {kind !== 'holder' && (
            <TextField
              id="bs-requester-name"
              label={t('diplomaCopies.fields.requesterName')}
              error={errors.fields['bs-requester-name']}
              autoComplete="name"
              value={f.requesterName}
              onChange={set('requesterName')}
            />
          )}
          {kind === 'relative' && (
            <TextField
              id="bs-relationship"
              label={t('diplomaCopies.fields.relationship')}
              hint={t('diplomaCopies.fields.relationshipHint')}
              error={errors.fields['bs-relationship']}
              value={f.relationship}
              onChange={set('relationship')}
            />
          )}
          <h2>{t('diplomaCopies.request.diploma')}</h2>
          <TextField
            id="bs-holder"
            label={t('diplomaCopies.fields.holderName')}
            error={errors.fields['bs-holder']}
            value={f.holderName}
            onChange={set('holderName')}
          />
          <TextField
            id="bs-birth"
            label={t('diplomaCopies.fields.birthDate')}
            hint={t('diplomaCopies.fields.birthDateHint')}
            error={errors.fields['bs-birth']}
            inputMode="numeric"
            value={f.birthDate}
            onChange={set('birthDate')}
          />
          <div className="field">
            <label htmlFor="bs-type">{t('diplomaCopies.fields.type')}</label>
            <select id="bs-type" value={f.typeCode} onChange={set('typeCode')}>
              {options.data.types.map((ty) => (
                <option key={ty.code} value={ty.code}>
                  {i18n.resolvedLanguage === 'en' ? ty.nameEn : ty.nameVi}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id="bs-year"
            label={t('diplomaCopies.fields.year')}
            error={errors.fields['bs-year']}
            inputMode="numeric"
            maxLength={4}
            value={f.graduationYear}
            onChange={set('graduationYear')}
          />
          <TextField
            id="bs-school"
            label={t('diplomaCopies.fields.school')}
            error={errors.fields['bs-school']}
            value={f.schoolName}
            onChange={set('schoolName')}
          />
          <TextField
            id="bs-serial"
            label={t('diplomaCopies.fields.serial')}
            hint={t('diplomaCopies.fields.serialHint')}
            error={errors.fields['bs-serial']}
            autoCapitalize="characters"
            value={f.serial}
            onChange={set('serial')}
          />
          <h2>{t('diplomaCopies.request.copies')}</h2>
          <TextField
            id="bs-copies"
            label={t('diplomaCopies.fields.copies')}
            error={errors.fields['bs-copies']}
            type="number"
            min={1}
            max={options.data.maxCopies}
            inputMode="numeric"
            value={f.copies}
            onChange={set('copies')}
          />
          <fieldset className="fieldset">
            <legend>{t('diplomaCopies.fields.delivery')}</legend>
            {(['pickup', 'post'] as const).map((d) => (
              <label key={d} className="bs-radio">
                <input type="radio" name="bs-delivery" checked={delivery === d} onChange={() => setDelivery(d)} />
                {t(`diplomaCopies.delivery.${d}`, { unit: options.data.handlingUnitName })}
              </label>
            ))}
          </fieldset>
          {delivery === 'post' && (
            <TextField
              id="bs-postal"
              label={t('diplomaCopies.fields.postalAddress')}
              error={errors.fields['bs-postal']}
              autoComplete="street-address"
              value={f.postalAddress}
              onChange={set('postalAddress')}
            />
          )}
          {kind !== 'holder' && (
            <div className="field">
              <label htmlFor="bs-proof">{t('diplomaCopies.fields.proof')}</label>
              <p id="bs-proof-hint" className="hint field-hint">
                {t('diplomaCopies.fields.proofHint')}
              </p>
              <input
                id="bs-proof"
                type="file"
                accept="application/pdf,image/jpeg,image/png"
                aria-describedby={`bs-proof-hint${errors.fields['bs-proof'] ? ' bs-proof-error' : ''}`}
                aria-invalid={errors.fields['bs-proof'] ? true : undefined}
                onChange={(e) => setProof(e.target.files?.[0] ?? null)}
              />
              <FieldError id="bs-proof" error={errors.fields['bs-proof']} />
            </div>
          )}
          <section className="card" aria-labelledby="bs-fee-title" aria-live="polite">
            <h2 id="bs-fee-title">{t('diplomaCopies.fee.title')}</h2>
            <p>
              {t('diplomaCopies.fee.perCopy', { amount: formatVnd(options.data.fees.perCopyVnd), copies })}
              {delivery === 'post' && (
                <>
                  <br />
                  {t('diplomaCopies.fee.postal', { amount: formatVnd(options.data.fees.postalVnd) })}
                </>
              )}
            </p>
            <p className="bs-fee" data-testid="fee-total">
              {t('diplomaCopies.fee.total')}: {formatVnd(total)}
            </p>
          </section>
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('status.loading') : t('diplomaCopies.request.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
