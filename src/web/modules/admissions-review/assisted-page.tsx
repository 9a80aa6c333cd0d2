import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ApplicationReceipt } from '../../../shared/admission-applications.schema.ts';
import { ApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { pickLocalized } from '../../lib/text.ts';
import { DateInput } from '../../ui/date-input.tsx';
import { ErrorAlert, FormStatus } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useCommunes } from '../org/org-api.ts';
import { type AssistedBody, useAssistedSubmit } from './assisted-api.ts';
import { useRound } from './review-api.ts';
import './review.css';

/** Wish positions 0..4 (a round allows at most 5 wishes). */
const WISH_RANKS = [0, 1, 2, 3, 4];

/** Which form field a server detail (`body.residence.communeId`) belongs to. */
function fieldOf(path: string): string {
  const p = path.replace(/^body\./, '');
  if (p.startsWith('wishes')) return 'wishes';
  if (p.startsWith('contact')) return 'contact';
  if (p.startsWith('residence.correctionReason')) return 'correctionReason';
  if (p.startsWith('residence')) return 'residence';
  return p.split('.')[0] ?? p;
}

/**
 * /admissions/rounds/:roundId/applications/new — assisted entry: a parent who comes to the
 * school or commune in person files with a clerk, on one page: the child, residence (as in the
 * population registry, or a correction with its reason), wishes, priority group, the parent's
 * phone or e-mail (the receipt and later messages go there) and the parent's consent.
 * The server checks the registry and every rule exactly as for the online form.
 */
export function AssistedPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('admissionsReview.assisted.title'));
  const { roundId = '' } = useParams();
  const round = useRound(roundId);
  const communes = useCommunes();
  const submit = useAssistedSubmit(roundId);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [generation, setGeneration] = useState(0);
  const [correction, setCorrection] = useState(false);
  const [channel, setChannel] = useState<'sms' | 'email'>('sms');
  const [problem, setProblem] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ApplicationReceipt | null>(null);

  const fieldErrors = new Map<string, string>();
  if (submit.error instanceof ApiError)
    for (const d of submit.error.details) if (d.path) fieldErrors.set(fieldOf(d.path), d.message);
  const describe = (name: string, hint?: string) =>
    [hint, fieldErrors.has(name) ? `err-${name}` : undefined].filter(Boolean).join(' ') || undefined;
  const fieldError = (name: string) => (
    <p id={`err-${name}`} className="field-error">
      {fieldErrors.get(name) ?? ''}
    </p>
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setProblem(null);
    if (!form.checkValidity()) {
      form.querySelector<HTMLElement>(':invalid')?.focus();
      form.reportValidity();
      return;
    }
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const wishes = data.getAll('wishes').map(String).filter(Boolean);
    if (new Set(wishes).size !== wishes.length) {
      setProblem(t('admissionsReview.assisted.duplicateWish'));
      return;
    }
    const body: AssistedBody = {
      personalId: text('personalId').replace(/\s/g, ''),
      dateOfBirth: text('dateOfBirth'),
      fullName: text('fullName'),
      gender: text('gender') as AssistedBody['gender'],
      residence: {
        communeId: text('communeId'),
        village: text('village') || null,
        ...(correction ? { correctionReason: text('correctionReason') } : {}),
      },
      wishes,
      priorityGroup: text('priorityGroup') || null,
      contact: { channel, address: text('address') },
      consent: true,
    };
    submit.mutate({ body, key }, { onSuccess: (r) => setReceipt(r) });
  }

  function startAnother() {
    setReceipt(null);
    setKey(crypto.randomUUID());
    setGeneration((g) => g + 1);
    setCorrection(false);
    submit.reset();
  }

  const r = round.data;
  const wishCount = r?.rules.wishCount ?? 1;
  const catchmentCommunes = new Set(r?.catchments.map((c) => c.communeId));
  const communeOptions = [...(communes.data ?? [])].sort(
    (a, b) => Number(catchmentCommunes.has(b.id)) - Number(catchmentCommunes.has(a.id)),
  );

  return (
    <>
      <nav aria-label={t('admissionsReview.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/admissions/applications">{t('admissionsReview.rounds.title')}</Link>
          </li>
          <li>
            <Link to={`/admissions/rounds/${roundId}/applications`}>
              {r?.name ?? t('admissionsReview.queue.title')}
            </Link>
          </li>
        </ol>
      </nav>
      <h1>{t('admissionsReview.assisted.title')}</h1>
      <p className="lead">{t('admissionsReview.assisted.lead')}</p>
      {round.isPending && <Loading />}
      {round.isError && <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />}
      {receipt && (
        <section className="card alert-success" aria-labelledby="receipt-title">
          <h2 id="receipt-title">{t('admissionsReview.assisted.filed')}</h2>
          <dl className="facts review-facts">
            <dt>{t('admissionsReview.col.code')}</dt>
            <dd>
              <strong>{receipt.dossierCode}</strong>
            </dd>
            <dt>{t('admissionsReview.detail.receivedAt')}</dt>
            <dd>{formatDateTime(receipt.receivedAt)}</dd>
            <dt>{t('admissionsReview.col.due')}</dt>
            <dd>{formatDate(receipt.dueAt) || '—'}</dd>
            <dt>{t('admissionsReview.detail.wishes')}</dt>
            <dd>{receipt.schoolWishes.join('; ')}</dd>
            <dt>{t('admissionsReview.detail.registry')}</dt>
            <dd>
              {receipt.registryMatch
                ? t('admissionsReview.detail.registryMatch')
                : t('admissionsReview.detail.registryNoMatch')}
            </dd>
          </dl>
          <p>{t('admissionsReview.assisted.tellParent', { code: receipt.dossierCode })}</p>
          <div className="actions">
            <Link
              className="button"
              to={`/admissions/rounds/${roundId}/applications?q=${encodeURIComponent(receipt.dossierCode)}`}
            >
              {t('admissionsReview.assisted.openInQueue')}
            </Link>
            <button type="button" className="button secondary" onClick={startAnother}>
              {t('admissionsReview.assisted.another')}
            </button>
          </div>
        </section>
      )}
      {r && !receipt && (
        <form key={generation} className="form card" onSubmit={onSubmit} noValidate>
          <fieldset className="fieldset">
            <legend>{t('admissionsReview.detail.child')}</legend>
            <div className="field">
              <label htmlFor="a-personalId">{t('admissionsReview.assisted.personalId')}</label>
              <p id="a-personalId-hint" className="hint field-hint">
                {t('admissionsReview.assisted.personalIdHint')}
              </p>
              <input
                id="a-personalId"
                name="personalId"
                inputMode="numeric"
                autoComplete="off"
                required
                pattern="\s*(\d\s*){12}"
                aria-invalid={fieldErrors.has('personalId') || undefined}
                aria-describedby={describe('personalId', 'a-personalId-hint')}
              />
              {fieldError('personalId')}
            </div>
            <DateInput id="a-dateOfBirth" name="dateOfBirth" label={t('admissionsReview.detail.dateOfBirth')} />
            {fieldError('dateOfBirth')}
            <div className="field">
              <label htmlFor="a-fullName">{t('admissionsReview.detail.fullName')}</label>
              <input
                id="a-fullName"
                name="fullName"
                autoComplete="off"
                required
                minLength={2}
                maxLength={120}
                aria-invalid={fieldErrors.has('fullName') || undefined}
                aria-describedby={describe('fullName')}
              />
              {fieldError('fullName')}
            </div>
            <fieldset className="fieldset">
              <legend>{t('admissionsReview.detail.gender')}</legend>
              <div className="radio-list">
                {(['male', 'female'] as const).map((g) => (
                  <div className="checkbox" key={g}>
                    <input id={`a-gender-${g}`} type="radio" name="gender" value={g} required />
                    <label htmlFor={`a-gender-${g}`}>{t(`admissionsReview.gender.${g}`)}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          </fieldset>

          <fieldset className="fieldset">
            <legend>{t('admissionsReview.detail.residence')}</legend>
            <div className="field">
              <label htmlFor="a-commune">{t('admissionsReview.detail.commune')}</label>
              <select
                id="a-commune"
                name="communeId"
                required
                defaultValue=""
                aria-invalid={fieldErrors.has('residence') || undefined}
                aria-describedby={describe('residence')}
              >
                <option value="" disabled>
                  {t('admissionsReview.assisted.choose')}
                </option>
                {communeOptions.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              {fieldError('residence')}
            </div>
            <div className="field">
              <label htmlFor="a-village">{t('admissionsReview.detail.village')}</label>
              <input id="a-village" name="village" autoComplete="off" maxLength={120} />
            </div>
            <div className="checkbox">
              <input
                id="a-correction"
                type="checkbox"
                checked={correction}
                onChange={(e) => setCorrection(e.target.checked)}
              />
              <label htmlFor="a-correction">{t('admissionsReview.assisted.correction')}</label>
            </div>
            {correction && (
              <div className="field">
                <label htmlFor="a-correctionReason">{t('admissionsReview.detail.correctionReason')}</label>
                <textarea
                  id="a-correctionReason"
                  name="correctionReason"
                  required
                  maxLength={2000}
                  rows={3}
                  aria-invalid={fieldErrors.has('correctionReason') || undefined}
                  aria-describedby={describe('correctionReason')}
                />
                {fieldError('correctionReason')}
              </div>
            )}
          </fieldset>

          <fieldset className="fieldset">
            <legend>{t('admissionsReview.detail.wishes')}</legend>
            {WISH_RANKS.slice(0, wishCount).map((i) => (
              <div className="field" key={i}>
                <label htmlFor={`a-wish-${i}`}>{t('admissionsReview.assisted.wish', { rank: i + 1 })}</label>
                <select
                  id={`a-wish-${i}`}
                  name="wishes"
                  required={i === 0}
                  defaultValue=""
                  aria-invalid={(i === 0 && fieldErrors.has('wishes')) || undefined}
                  aria-describedby={i === 0 ? describe('wishes') : undefined}
                >
                  <option value="">
                    {i === 0 ? t('admissionsReview.assisted.choose') : t('admissionsReview.assisted.noWish')}
                  </option>
                  {r.schools.map((s) => (
                    <option key={s.schoolId} value={s.schoolId}>
                      {s.name}
                    </option>
                  ))}
                </select>
                {i === 0 && fieldError('wishes')}
              </div>
            ))}
            {r.priorityGroups.length > 0 && (
              <div className="field">
                <label htmlFor="a-priority">{t('admissionsReview.detail.priority')}</label>
                <select id="a-priority" name="priorityGroup" defaultValue="">
                  <option value="">{t('admissionsReview.detail.noPriority')}</option>
                  {r.priorityGroups.map((g) => (
                    <option key={g.code} value={g.code}>
                      {pickLocalized({ vi: g.nameVi, en: g.nameEn ?? '' }, i18n.resolvedLanguage)}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </fieldset>

          <fieldset className="fieldset">
            <legend>{t('admissionsReview.assisted.parent')}</legend>
            <div className="radio-list">
              {(['sms', 'email'] as const).map((c) => (
                <div className="checkbox" key={c}>
                  <input
                    id={`a-channel-${c}`}
                    type="radio"
                    name="channel"
                    value={c}
                    checked={channel === c}
                    onChange={() => setChannel(c)}
                  />
                  <label htmlFor={`a-channel-${c}`}>{t(`admissionsReview.assisted.channel_${c}`)}</label>
                </div>
              ))}
            </div>
            <div className="field">
              <label htmlFor="a-address">
                {channel === 'sms' ? t('admissionsReview.assisted.phone') : t('admissionsReview.assisted.email')}
              </label>
              <input
                id="a-address"
                name="address"
                type={channel === 'sms' ? 'tel' : 'email'}
                inputMode={channel === 'sms' ? 'tel' : 'email'}
                autoComplete="off"
                required
                maxLength={200}
                aria-invalid={fieldErrors.has('contact') || undefined}
                aria-describedby={describe('contact')}
              />
              {fieldError('contact')}
            </div>
            <div className="checkbox">
              <input id="a-consent" type="checkbox" name="consent" required />
              <label htmlFor="a-consent">{t('admissionsReview.assisted.consent')}</label>
            </div>
          </fieldset>
          <FormStatus error={submit.error} problem={problem} />
          <button type="submit" className="button" disabled={submit.isPending}>
            {submit.isPending ? t('admissionsReview.assisted.sending') : t('admissionsReview.assisted.submit')}
          </button>
        </form>
      )}
    </>
  );
}
