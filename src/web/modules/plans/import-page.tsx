import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FieldError } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import { exportUrl, getPlan, importTasks, type PlanImportReport } from './plans-api.ts';
import './plans.css';

/**
 * /ke-hoach/:id/nhap-excel — imports the plan's tasks from an .xlsx in the export's layout: check
 * first (nothing written), then import; the report lists every problem by row and column.
 */
export function PlanImportPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const plan = useQuery({ queryKey: ['plan', id], queryFn: ({ signal }) => getPlan(id, signal) });
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [report, setReport] = useState<(PlanImportReport & { dryRun: boolean }) | null>(null);
  usePageTitle(t('plans.import.title'));
  const run = useMutation({
    mutationFn: (dryRun: boolean) => importTasks(id, file!, dryRun).then((r) => ({ ...r, dryRun })),
    onSuccess: (r) => {
      setReport(r);
      if (r.written) void qc.invalidateQueries({ queryKey: ['plan', id] });
    },
  });
  const submit = (dryRun: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    setMissing(!file);
    if (file) run.mutate(dryRun);
  };
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorAlert error={plan.error} />;
  const en = i18n.resolvedLanguage === 'en';
  return (
    <div className="pl-page">
      <p className="breadcrumb">
        <Link to={`/ke-hoach/${id}`}>{t('plans.task.back')}</Link>
      </p>
      <h1>{t('plans.import.title')}</h1>
      <p className="lead">{plan.data.title}</p>
      <p>
        {t('plans.import.intro')}{' '}
        <a href={exportUrl(id)} download>
          {t('plans.plan.export')}
        </a>
      </p>
      <form className="pl-form" noValidate onSubmit={submit(false)}>
        <div className="field">
          <label htmlFor="pl-file">{t('plans.import.file')}</label>
          <input
            id="pl-file"
            type="file"
            accept=".xlsx"
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? 'pl-file-error' : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <FieldError id="pl-file" error={missing ? t('plans.import.missing') : undefined} />
        </div>
        <div className="pl-actions">
          <button
            type="button"
            className="button button-secondary"
            disabled={run.isPending}
            onClick={() => submit(true)()}
          >
            {t('plans.import.check')}
          </button>
          <button type="submit" className="button" disabled={run.isPending}>
            {t('plans.import.submit')}
          </button>
        </div>
      </form>
      {run.isError && <ErrorAlert error={run.error} />}
      {report && (
        <section aria-labelledby="pl-import-report" aria-live="polite">
          <h2 id="pl-import-report">{t('plans.import.report')}</h2>
          <p className={report.problems.length ? 'alert alert-error' : 'alert alert-success'}>
            {report.problems.length
              ? t('plans.import.failed', { count: report.problems.length })
              : t(report.dryRun ? 'plans.import.checked' : 'plans.import.done', {
                  rows: report.rows,
                  created: report.created,
                  updated: report.updated,
                })}
          </p>
          {report.problems.length > 0 && (
            <table className="pl-table pl-problems">
              <caption className="visually-hidden">{t('plans.import.report')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.import.row')}</th>
                  <th scope="col">{t('plans.import.column')}</th>
                  <th scope="col">{t('plans.import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p) => (
                  <tr key={`${p.row}-${p.column}-${p.vi}`}>
                    <td>{p.row}</td>
                    <td>{p.column}</td>
                    <td>{en ? p.en : p.vi}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
