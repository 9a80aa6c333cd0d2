import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../ui/date-input.tsx';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { Select, TextField } from '../../ui/form-fields.tsx';
import { createCampaign, type DxCampaign, listCriteriaSets, updateCampaign } from './dx-api.ts';

/**
 * The Sở opens a year (default: self-assessment by 31 May, evaluation and publication by 20 June)
 * or changes the dates of an unpublished one. Errors show beside their field.
 */
export function CampaignForm({ campaign }: { campaign: DxCampaign | null }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const nextYear = new Date().getFullYear() + (campaign ? 0 : 1);
  const [year, setYear] = useState(String(campaign?.year ?? nextYear));
  const y = Number(year) || nextYear;
  const [opensOn, setOpensOn] = useState(campaign?.opensOn ?? `${y}-04-01`);
  const [submitBy, setSubmitBy] = useState(campaign?.submitBy ?? `${y}-05-31`);
  const [evaluateBy, setEvaluateBy] = useState(campaign?.evaluateBy ?? `${y}-06-20`);
  const [done, setDone] = useState(false);
  // Schools are assessed with a school set (QĐ 4725/QĐ-BGDĐT); a later decision is another set.
  const sets = useQuery({
    queryKey: ['dx-sets'],
    queryFn: ({ signal }) => listCriteriaSets(signal),
    enabled: !campaign,
  });
  const schoolSets = sets.data?.items.filter((x) => x.target === 'school') ?? [];
  const [setCode, setSetCode] = useState('');
  const chosenSet = setCode || schoolSets[0]?.code || '';
  const errors = useFormErrors();
  const p = campaign ? 'dx-c-edit' : 'dx-c-new';
  const fieldOf = (path: string) => {
    const f = path.replace(/^body\./, '');
    return ['year', 'opensOn', 'submitBy', 'evaluateBy', 'criteriaSetCode'].includes(f) ? `${p}-${f}` : null;
  };
  const save = useMutation({
    mutationFn: () =>
      campaign
        ? updateCampaign(campaign.year, { opensOn, submitBy, evaluateBy, version: campaign.version })
        : createCampaign({ year: y, criteriaSetCode: chosenSet, opensOn, submitBy, evaluateBy }),
    onSuccess: () => {
      errors.clear();
      setDone(true);
      void qc.invalidateQueries({ queryKey: ['dx-campaigns'] });
    },
    onError: (err) => {
      setDone(false);
      const e = apiErrors(err, i18n.resolvedLanguage, fieldOf, t('error.generic'));
      errors.show(e.fields, e.general);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="dx-card" onSubmit={submit} noValidate aria-labelledby={`${p}-title`}>
      <h2 id={`${p}-title`}>
        {campaign ? t('dx.campaign.editTitle', { year: campaign.year }) : t('dx.campaign.newTitle')}
      </h2>
      <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
      {!campaign && (
        <TextField
          id={`${p}-year`}
          label={t('dx.year')}
          inputMode="numeric"
          value={year}
          error={errors.fields[`${p}-year`]}
          onChange={(e) => {
            setYear(e.target.value);
            if (/^\d{4}$/.test(e.target.value)) {
              setOpensOn(`${e.target.value}-04-01`);
              setSubmitBy(`${e.target.value}-05-31`);
              setEvaluateBy(`${e.target.value}-06-20`);
            }
          }}
        />
      )}
      {!campaign && (
        <Select
          id={`${p}-criteriaSetCode`}
          label={t('dx.campaign.criteriaSet')}
          value={chosenSet}
          error={errors.fields[`${p}-criteriaSetCode`]}
          onChange={setSetCode}
        >
          {schoolSets.map((x) => (
            <option key={x.code} value={x.code}>
              {x.decision}
            </option>
          ))}
        </Select>
      )}
      <DateInput
        key={`${p}-opensOn-${year}`}
        id={`${p}-opensOn`}
        label={t('dx.campaign.opensOn')}
        defaultValue={opensOn}
        error={errors.fields[`${p}-opensOn`]}
        onValueChange={(v) => setOpensOn(v ?? 'invalid')}
      />
      <DateInput
        key={`${p}-submitBy-${year}`}
        id={`${p}-submitBy`}
        label={t('dx.campaign.submitBy')}
        defaultValue={submitBy}
        error={errors.fields[`${p}-submitBy`]}
        onValueChange={(v) => setSubmitBy(v ?? 'invalid')}
      />
      <DateInput
        key={`${p}-evaluateBy-${year}`}
        id={`${p}-evaluateBy`}
        label={t('dx.campaign.evaluateBy')}
        defaultValue={evaluateBy}
        error={errors.fields[`${p}-evaluateBy`]}
        onValueChange={(v) => setEvaluateBy(v ?? 'invalid')}
      />
      <output aria-live="polite">
        {done && <span className="alert alert-success">{t('dx.campaign.saved')}</span>}
      </output>
      <div className="dx-actions">
        <button type="submit" className="button secondary" disabled={save.isPending}>
          {campaign ? t('dx.campaign.saveDates') : t('dx.campaign.open')}
        </button>
      </div>
    </form>
  );
}
