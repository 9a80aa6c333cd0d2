import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { periodLabel } from '../../../shared/reports.schema.ts';
import { formatDate } from '../../lib/format.ts';
import { DateInput } from '../../ui/date-input.tsx';
import { ErrorAlert, FormStatus } from '../../ui/error-alert.tsx';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { TextField } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import { formatShare } from './report-values.ts';
import { createPeriod, type FormDetail, listPeriods } from './reports-api.ts';

/** Example period keys by period type (the key's shape is fixed by the type). */
const KEY_EXAMPLE: Record<string, string> = {
  monthly: '2026-05',
  quarterly: '2026-Q2',
  six_monthly: '2026-H1',
  school_year: '2025-2026',
  yearly: '2026',
  campaign: 'KS-CDS-2026',
};

/** A published form's periods (window, counts, links to progress and aggregates) and a new period. */
export function PeriodsPanel({ form }: { form: FormDetail }) {
  const { t, i18n } = useTranslation();
  const periods = useQuery({
    queryKey: ['report-periods', form.id],
    queryFn: ({ signal }) => listPeriods(form.id, signal),
  });
  return (
    <section aria-labelledby="rp-periods" className="rp-section">
      <h2 id="rp-periods">{t('reports.periods.title')}</h2>
      {periods.isPending ? (
        <Loading />
      ) : periods.isError ? (
        <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} />
      ) : periods.data.items.length === 0 ? (
        <p>{t('reports.periods.none')}</p>
      ) : (
        <ul className="rp-list">
          {periods.data.items.map((p) => (
            <li key={p.id} className="rp-card">
              <h3>
                {periodLabel(p.periodType, p.periodKey, i18n.language)} ({p.periodKey})
              </h3>
              <p className="rp-meta">
                {t('reports.periods.window', { opens: formatDate(p.opensOn), closes: formatDate(p.closesOn) })} ·{' '}
                {t(`reports.periodStatus.${p.status}`)}
              </p>
              <p className="rp-meta">
                {t('reports.periods.counts', {
                  submitted: p.submitted,
                  expected: p.expected,
                  rate: formatShare(p.submitted, p.expected),
                })}
              </p>
              <p className="rp-actions">
                <Link to={`/bao-cao/tien-do/${form.id}/${p.periodKey}`}>{t('reports.periods.progress')}</Link>
                <Link to={`/bao-cao/tong-hop/${form.id}/${p.periodKey}`}>{t('reports.periods.aggregate')}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      {form.can.managePeriods && form.status === 'published' && <NewPeriod form={form} />}
    </section>
  );
}

function NewPeriod({ form }: { form: FormDetail }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const errors = useFormErrors();
  const [key, setKey] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const fieldOf = (path: string) => {
    const p = path.replace(/^body\./, '');
    return p === 'periodKey' ? 'rp-p-key' : p === 'opensOn' ? 'rp-p-opens' : p === 'closesOn' ? 'rp-p-closes' : null;
  };
  const create = useMutation({
    mutationFn: (f: HTMLFormElement) => {
      const data = new FormData(f);
      const opensOn = String(data.get('opensOn') ?? '') || undefined;
      const closesOn = String(data.get('closesOn') ?? '') || undefined;
      return createPeriod(form.id, { periodKey: key.trim(), opensOn, closesOn });
    },
    onSuccess: (p) => {
      errors.clear();
      setKey('');
      setDone(t('reports.periods.created', { key: p.periodKey, closes: formatDate(p.closesOn) }));
      void qc.invalidateQueries({ queryKey: ['report-periods', form.id] });
      void qc.invalidateQueries({ queryKey: ['report-forms'] });
    },
    onError: (error) => {
      setDone(null);
      const { fields, general } = apiErrors(error, i18n.resolvedLanguage, fieldOf, t('error.generic'));
      errors.show(fields, general);
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = e.currentTarget;
    const bad = f.querySelector<HTMLElement>(':invalid');
    if (bad) {
      bad.focus();
      return;
    }
    create.mutate(f);
  };
  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="rp-p-new">
      <h3 id="rp-p-new">{t('reports.periods.new')}</h3>
      <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
      <TextField
        id="rp-p-key"
        label={t('reports.periods.key')}
        hint={t('reports.periods.keyHint', { example: KEY_EXAMPLE[form.periodType] ?? '' })}
        value={key}
        error={errors.fields['rp-p-key']}
        autoCapitalize="characters"
        onChange={(e) => setKey(e.target.value)}
      />
      <p className="hint">{t('reports.periods.windowHint')}</p>
      <div className="rp-grid">
        <DateInput id="rp-p-opens" name="opensOn" label={t('reports.periods.opensOn')} />
        <DateInput id="rp-p-closes" name="closesOn" label={t('reports.periods.closesOn')} />
      </div>
      <FormStatus success={done} />
      <button type="submit" className="button" disabled={create.isPending}>
        {t('reports.periods.add')}
      </button>
    </form>
  );
}
