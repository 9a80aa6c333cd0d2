import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SubmissionDetail, FieldError as ValueError } from '../../../shared/reports.schema.ts';
import { periodLabel } from '../../../shared/reports.schema.ts';
import { apiSend } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert, FormStatus } from '../../ui/error-alert.tsx';
import { apiErrors, ErrorSummary, type FieldErrors, useFormErrors } from '../../ui/error-summary.tsx';
import { Loading } from '../../ui/loading.tsx';
import { type RawValue, type RawValues, rawValuesOf, toValues, valueInputId } from './entry-model.ts';
import { DeadlineLine, SubmissionBadge } from './report-status.tsx';
import { todayInVietnam } from './report-values.ts';
import { completeSubmission, getSubmission, saveValues } from './reports-api.ts';
import { ValueField } from './value-field.tsx';
import { groupBySection, HistoryList, ValuesView } from './values-view.tsx';
import './reports.css';

/** /bao-cao/nhap/:id — a unit fills its report: save a draft, then "Hoàn thành". */
export function EntryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['report-submission', id], queryFn: ({ signal }) => getSubmission(id, signal) });
  usePageTitle(query.data?.formTitle ?? t('reports.entry.title'));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <Entry key={query.data.id} detail={query.data} />;
}

function Entry({ detail }: { detail: SubmissionDetail }) {
  const { t, i18n } = useTranslation();
  const today = todayInVietnam();
  return (
    <div className="rp-page narrow">
      <p>
        <Link to="/bao-cao">{t('reports.unit.back')}</Link>
      </p>
      <h1>{detail.formTitle}</h1>
      <p className="rp-meta">
        {detail.unitName} · {t('reports.period')}: {periodLabel(detail.periodType, detail.periodKey, i18n.language)} ·{' '}
        <SubmissionBadge s={detail} today={today} />
      </p>
      <DeadlineLine s={detail} today={today} />
      {detail.form.description && <p>{detail.form.description}</p>}
      {detail.status === 'returned' && detail.returnedReason && (
        <div className="rp-reason" role="note">
          <strong>{t('reports.entry.returned')}</strong> {detail.returnedReason}
        </div>
      )}
      {detail.reopenReason && detail.open && (
        <div className="alert alert-info">
          <p>
            {t('reports.entry.reopened', { date: formatDate(detail.closesOn) })} {detail.reopenReason}
          </p>
        </div>
      )}
      {detail.can.edit ? (
        <EntryForm detail={detail} />
      ) : (
        <>
          <p className="alert alert-info">
            {t(
              `reports.entry.readOnly.${detail.status === 'approved' ? 'approved' : detail.status === 'completed' ? 'completed' : 'locked'}`,
            )}
          </p>
          <ValuesView detail={detail} />
        </>
      )}
      <HistoryList detail={detail} />
    </div>
  );
}

/** The value errors of the validate endpoint, in the UI language, each named by its field's label. */
function valueErrors(detail: SubmissionDetail, errors: ValueError[], lang: string | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const id = valueInputId(e.field);
    if (out[id]) continue;
    const label = detail.form.fields.find((f) => f.code === e.field)?.label;
    const message = lang === 'en' ? e.en || e.vi : e.vi;
    // The server names the field already ("Số lớp học: bắt buộc nhập"); a rule's own message may not.
    out[id] = label && !message.startsWith(label) ? `${label}: ${message}` : message;
  }
  return out;
}

function EntryForm({ detail }: { detail: SubmissionDetail }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const errors = useFormErrors();
  const [raw, setRaw] = useState<RawValues>(() => rawValuesOf(detail.form.fields, detail.values));
  const [version, setVersion] = useState(detail.version);
  // The values as last saved: "Hoàn thành" saves first only when something changed.
  const [savedKey, setSavedKey] = useState(() => JSON.stringify(toValues(detail.form.fields, raw).values));
  const [success, setSuccess] = useState<string | null>(null);
  const fieldOf = (path: string) => {
    const m = /^(?:body\.)?values\.([a-z][a-z0-9_]*)/.exec(path);
    return m ? valueInputId(m[1] as string) : null;
  };

  /** Client checks first (a number that is not one, a date that is not a day); then the server's. */
  function readValues(form: HTMLFormElement) {
    const { values, problems } = toValues(detail.form.fields, raw);
    const fields: FieldErrors = {};
    for (const code of problems) {
      const label = detail.form.fields.find((f) => f.code === code)?.label ?? code;
      fields[valueInputId(code)] = `${label}: ${t('reports.entry.notNumber')}`;
    }
    const badDate = form.querySelector<HTMLInputElement>('input:invalid');
    if (badDate && Object.keys(fields).length === 0) fields[badDate.id] = badDate.validationMessage;
    return { values, fields };
  }

  const save = useMutation({
    mutationFn: async ({ form, complete }: { form: HTMLFormElement; complete: boolean }) => {
      const { values, fields } = readValues(form);
      if (Object.keys(fields).length > 0) return { kind: 'client' as const, fields };
      const key = JSON.stringify(values);
      let current = version;
      let saved: SubmissionDetail | null = null;
      if (!complete || key !== savedKey || detail.status === 'not_started') {
        saved = await saveValues(detail.id, values, version);
        current = saved.version;
        setVersion(saved.version);
        setSavedKey(key);
      }
      if (!complete && saved) return { kind: 'saved' as const, saved };
      const check = await apiSend<{ ok: boolean; errors: ValueError[] }>(
        'POST',
        `/api/reports/submissions/${detail.id}/validate`,
        { values },
      );
      if (!check.ok) return { kind: 'invalid' as const, saved, errors: check.errors };
      const done = await completeSubmission(detail.id, current);
      return { kind: 'completed' as const, saved: done };
    },
    onSuccess: (result) => {
      if (result.kind === 'client') {
        errors.show(result.fields);
        return;
      }
      if (result.saved) qc.setQueryData(['report-submission', detail.id], result.saved);
      void qc.invalidateQueries({ queryKey: ['report-inbox'] });
      if (result.kind === 'invalid') {
        errors.show(valueErrors(detail, result.errors, i18n.resolvedLanguage));
        setSuccess(null);
        return;
      }
      errors.clear();
      setSuccess(
        result.kind === 'completed'
          ? t('reports.entry.completed')
          : t('reports.entry.saved', { time: formatDateTime(new Date()) }),
      );
    },
    onError: (error) => {
      setSuccess(null);
      // reports.invalid_values (422) and the 400 of a malformed value point at `values.<code>`.
      const { fields, general } = apiErrors(error, i18n.resolvedLanguage, fieldOf, t('error.generic'));
      errors.show(fields, general);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>, complete: boolean) => {
    event.preventDefault();
    setSuccess(null);
    save.mutate({ form: event.currentTarget, complete });
  };
  const setValue = (code: string, value: RawValue) => setRaw((r) => ({ ...r, [code]: value }));
  const fileName = (value: RawValue) =>
    typeof value === 'string' ? detail.files.find((f) => f.id === value)?.filename : undefined;

  return (
    <form className="form" noValidate onSubmit={(e) => submit(e, true)} aria-describedby="rp-entry-required">
      <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
      <p id="rp-entry-required" className="hint">
        {t('reports.entry.requiredHint')}
      </p>
      {groupBySection(detail).map((g) => {
        const inner = g.fields.map((f) => (
          <ValueField
            key={f.code}
            field={f}
            value={raw[f.code] ?? ''}
            error={errors.fields[valueInputId(f.code)]}
            onChange={(v) => setValue(f.code, v)}
            fileName={fileName(raw[f.code] ?? '')}
          />
        ));
        return g.title ? (
          <fieldset key={g.key} className="rp-section">
            <legend>{g.title}</legend>
            {g.help && <p className="hint">{g.help}</p>}
            {inner}
          </fieldset>
        ) : (
          <div key={g.key} className="rp-section">
            {inner}
          </div>
        );
      })}
      <FormStatus success={success} />
      <div className="rp-actions">
        <button
          type="button"
          className="button secondary"
          disabled={save.isPending}
          onClick={(e) => {
            const form = e.currentTarget.form;
            if (!form) return;
            setSuccess(null);
            save.mutate({ form, complete: false });
          }}
        >
          {t('reports.entry.saveDraft')}
        </button>
        {detail.can.complete || detail.can.edit ? (
          <button type="submit" className="button" disabled={save.isPending}>
            {t('reports.entry.complete')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
