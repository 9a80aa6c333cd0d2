import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RoundDetail } from '../../../shared/admissions.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { FormStatus } from '../../ui/error-alert.tsx';
import { TextField } from '../../ui/form-fields.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { fieldErrors } from './field-errors.ts';
import { useRelease, useSupplementary } from './results-api.ts';

/**
 * After the confirmation deadline: release the seats of admitted children not confirmed (after
 * a confirmation), see the result per school, then create the supplementary round for them.
 */
export function ReleasePanel({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const release = useRelease(round.id);
  const supplementary = useSupplementary(round.id);
  const [confirming, setConfirming] = useState(false);
  const errors = fieldErrors(supplementary.error);
  const past = Date.parse(round.timeline.confirmTo) <= Date.now();

  function createSupplementary(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const code = String(data.get('code') ?? '').trim();
    const name = String(data.get('name') ?? '').trim();
    supplementary.mutate(
      { code: code || undefined, name: name || undefined },
      { onSuccess: (r) => navigate(`/admissions/rounds/${r.roundId}`) },
    );
  }

  return (
    <section aria-labelledby="release-title" className="card">
      <h2 id="release-title">{t('admissions.results.release')}</h2>
      <p className="hint">{t(past ? 'admissions.results.releaseLead' : 'admissions.results.releaseNotYet')}</p>
      <FormStatus
        error={release.error}
        success={
          release.data
            ? t('admissions.results.released', {
                now: formatNumber(release.data.releasedNow),
                total: formatNumber(release.data.total),
              })
            : null
        }
      />
      {!confirming ? (
        <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
          {t('admissions.results.releaseOpen')}
        </button>
      ) : (
        <div className="alert alert-info" role="alertdialog" aria-labelledby="release-confirm-text">
          <p id="release-confirm-text">{t('admissions.results.releaseConfirm', { name: round.name })}</p>
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={release.isPending}
              onClick={() => release.mutate(undefined, { onSettled: () => setConfirming(false) })}
            >
              {t('admissions.results.releaseYes')}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              {t('action.cancel')}
            </button>
          </div>
        </div>
      )}
      {release.data && release.data.schools.length > 0 && (
        <ScrollRegion labelledBy="released-caption">
          <table className="table table-stack">
            <caption id="released-caption">{t('admissions.results.releasedBySchool')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admissions.schools.school')}</th>
                <th scope="col">{t('admissions.results.releasedSeats')}</th>
              </tr>
            </thead>
            <tbody>
              {release.data.schools.map((s) => (
                <tr key={s.schoolId}>
                  <th scope="row">{s.name}</th>
                  <td data-label={t('admissions.results.releasedSeats')}>{formatNumber(s.released)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <h3 id="supplementary-title">{t('admissions.results.supplementary')}</h3>
      <form className="form" onSubmit={createSupplementary} noValidate aria-labelledby="supplementary-title">
        <p className="hint">{t('admissions.results.supplementaryLead', { code: `${round.code}-BS` })}</p>
        <TextField id="supp-code" name="code" label={t('admissions.field.code')} error={errors.code} />
        <TextField id="supp-name" name="name" label={t('admissions.field.name')} error={errors.name} />
        <FormStatus error={supplementary.error} />
        <button type="submit" className="button" disabled={supplementary.isPending}>
          {t('admissions.results.supplementaryCreate')}
        </button>
      </form>
    </section>
  );
}
