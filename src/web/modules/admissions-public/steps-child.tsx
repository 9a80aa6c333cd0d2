import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { DateInput } from '../../ui/date-input.tsx';
import type { FieldErrors } from '../../ui/error-summary.tsx';
import { FieldError, TextField } from '../../ui/form-fields.tsx';
import type { ApplyForm } from './apply-state.ts';
import { GuardiansFields } from './guardians-fields.tsx';

export interface StepProps {
  form: ApplyForm;
  patch: (next: Partial<ApplyForm>) => void;
  errors: FieldErrors;
}

/** Step 2: the child's personal ID and date of birth, then the registry's answer or manual entry. */
export function ChildStep({ form, patch, errors }: StepProps) {
  const { t } = useTranslation();
  const p = form.prefill;
  return (
    <>
      <TextField
        id="ap-personal-id"
        label={t('admissionsPublic.child.personalId')}
        hint={t('admissionsPublic.child.personalIdHint')}
        error={errors['ap-personal-id']}
        inputMode="numeric"
        autoComplete="off"
        maxLength={15}
        value={form.personalId}
        onChange={(e) => patch({ personalId: e.target.value, prefill: undefined })}
      />
      <DateInput
        id="ap-dob"
        label={t('admissionsPublic.child.dateOfBirth')}
        defaultValue={form.dateOfBirth}
        onValueChange={(iso) => patch({ dateOfBirth: iso, prefill: undefined })}
      />
      <FieldError id="ap-dob-summary" error={form.dateOfBirth === '' ? errors['ap-dob'] : undefined} />
      {p && (
        <section className="card ap-found" aria-labelledby="ap-found-title">
          <h3 id="ap-found-title" tabIndex={-1}>
            {t('admissionsPublic.child.found')}
          </h3>
          <dl className="facts">
            <dt>{t('admissionsPublic.child.fullName')}</dt>
            <dd>{p.fullName}</dd>
            <dt>{t('admissionsPublic.child.gender')}</dt>
            <dd>{t(`admissionsPublic.gender.${p.gender}`)}</dd>
            <dt>{t('admissionsPublic.child.dateOfBirth')}</dt>
            <dd>{formatDate(p.dateOfBirth)}</dd>
          </dl>
          {p.synthetic && <p className="small muted">{t('admissionsPublic.child.synthetic')}</p>}
          <p className="small">{t('admissionsPublic.child.foundNext')}</p>
        </section>
      )}
      {p === null && (
        <section className="ap-manual" aria-labelledby="ap-manual-title">
          <h3 id="ap-manual-title" tabIndex={-1}>
            {t('admissionsPublic.child.notFoundTitle')}
          </h3>
          <p className="alert alert-info">{t('admissionsPublic.child.notFound')}</p>
          <TextField
            id="ap-full-name"
            label={t('admissionsPublic.child.fullName')}
            hint={t('admissionsPublic.child.fullNameHint')}
            error={errors['ap-full-name']}
            autoComplete="off"
            value={form.fullName}
            onChange={(e) => patch({ fullName: e.target.value })}
          />
          <fieldset
            className="fieldset"
            id="ap-gender"
            tabIndex={-1}
            aria-describedby={errors['ap-gender'] ? 'ap-gender-error' : undefined}
          >
            <legend>{t('admissionsPublic.child.gender')}</legend>
            <div className="radio-list">
              {(['male', 'female'] as const).map((g) => (
                <label key={g} className="ap-radio">
                  <input
                    type="radio"
                    name="ap-gender"
                    checked={form.gender === g}
                    onChange={() => patch({ gender: g })}
                  />
                  {t(`admissionsPublic.gender.${g}`)}
                </label>
              ))}
            </div>
            <FieldError id="ap-gender" error={errors['ap-gender']} />
          </fieldset>
        </section>
      )}
    </>
  );
}

/** Step 3: the parents or guardians, pre-filled from the registry when it names them. */
export function GuardiansStep({ form, patch, errors }: StepProps) {
  const { t } = useTranslation();
  const fromRegistry = Boolean(form.prefill?.guardians.length);
  return (
    <>
      <p className={fromRegistry ? 'alert alert-info' : undefined}>
        {t(fromRegistry ? 'admissionsPublic.guardians.fromRegistry' : 'admissionsPublic.guardians.intro')}
      </p>
      <GuardiansFields
        rows={form.guardians}
        onChange={(guardians) => patch({ guardians })}
        errors={errors}
        prefix="ap-guardian"
      />
    </>
  );
}

interface Commune {
  id: string;
  name: string;
}

/** Step 4: confirm the registry's residence, or ask for a correction with a reason. */
export function ResidenceStep({ form, patch, errors }: StepProps) {
  const { t } = useTranslation();
  const p = form.prefill;
  const manual = p === null || form.residenceChoice === 'correct';
  const communes = useQuery({
    queryKey: ['org-communes'],
    queryFn: ({ signal }) => apiGet<Commune[]>('/api/org/communes', undefined, signal),
    enabled: manual,
    staleTime: 60 * 60_000,
  });
  const cur = p?.currentResidence;
  const perm = p?.permanentResidence;
  return (
    <>
      {p && cur && (
        <>
          <section className="card" aria-labelledby="ap-registry-title">
            <h3 id="ap-registry-title">{t('admissionsPublic.residence.registry')}</h3>
            <dl className="facts">
              <dt>{t('admissionsPublic.residence.current')}</dt>
              <dd>{[cur.addressLine, cur.village, cur.communeName].filter(Boolean).join(', ')}</dd>
              {perm && perm.communeId !== cur.communeId && (
                <>
                  <dt>{t('admissionsPublic.residence.permanent')}</dt>
                  <dd>{[perm.addressLine, perm.village, perm.communeName].filter(Boolean).join(', ')}</dd>
                </>
              )}
            </dl>
          </section>
          <fieldset
            className="fieldset"
            id="ap-residence-choice"
            tabIndex={-1}
            aria-describedby={errors['ap-residence-choice'] ? 'ap-residence-choice-error' : undefined}
          >
            <legend>{t('admissionsPublic.residence.question')}</legend>
            <div className="radio-list">
              {(['confirm', 'correct'] as const).map((c) => (
                <label key={c} className="ap-radio">
                  <input
                    type="radio"
                    name="ap-residence-choice"
                    checked={form.residenceChoice === c}
                    onChange={() => patch({ residenceChoice: c })}
                  />
                  {t(`admissionsPublic.residence.${c}`)}
                </label>
              ))}
            </div>
            <FieldError id="ap-residence-choice" error={errors['ap-residence-choice']} />
          </fieldset>
        </>
      )}
      {p === null && <p>{t('admissionsPublic.residence.manualIntro')}</p>}
      {manual && (
        <>
          <div className="field">
            <label htmlFor="ap-commune">{t('admissionsPublic.residence.commune')}</label>
            <select
              id="ap-commune"
              value={form.communeId}
              aria-invalid={errors['ap-commune'] ? true : undefined}
              aria-describedby={errors['ap-commune'] ? 'ap-commune-error' : undefined}
              onChange={(e) => patch({ communeId: e.target.value })}
            >
              <option value="">
                {communes.isLoading ? t('status.loading') : t('admissionsPublic.residence.choose')}
              </option>
              {(communes.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <FieldError id="ap-commune" error={errors['ap-commune']} />
          </div>
          <TextField
            id="ap-village"
            label={t('admissionsPublic.residence.village')}
            hint={t('admissionsPublic.residence.villageHint')}
            autoComplete="off"
            value={form.village}
            onChange={(e) => patch({ village: e.target.value })}
          />
          {p && (
            <div className="field">
              <label htmlFor="ap-correction-reason">{t('admissionsPublic.residence.reason')}</label>
              <p id="ap-correction-reason-hint" className="hint field-hint">
                {t('admissionsPublic.residence.reasonHint')}
              </p>
              <textarea
                id="ap-correction-reason"
                rows={3}
                maxLength={2000}
                value={form.correctionReason}
                aria-invalid={errors['ap-correction-reason'] ? true : undefined}
                aria-describedby={
                  errors['ap-correction-reason']
                    ? 'ap-correction-reason-hint ap-correction-reason-error'
                    : 'ap-correction-reason-hint'
                }
                onChange={(e) => patch({ correctionReason: e.target.value })}
              />
              <FieldError id="ap-correction-reason" error={errors['ap-correction-reason']} />
            </div>
          )}
        </>
      )}
    </>
  );
}
