import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamScore } from '../../../shared/admission-exam-scores.schema.ts';
import type { RoundDetail } from '../../../shared/admissions.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { ErrorAlert, FormStatus } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { templateUrl, useExamScores, useImportScores } from './allocation-api.ts';
import { ScoreCorrectionForm } from './exam-score-correction.tsx';

/**
 * Grade 10: the entrance exam scores the allocation reads. Import them from the template
 * (.xlsx, all or nothing, with a report of the rows to fix), or set one application's scores
 * with a reason (kept in the audit trail).
 */
export function ExamScores({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const upload = useImportScores(round.id);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [q, setQ] = useState('');
  const [missing, setMissing] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<ExamScore | null>(null);
  const query = useDebounced(q.trim());
  const scores = useExamScores(round.id, { q: query || undefined, missing, page });
  const report = upload.data;
  const subjects = round.rules.method === 'exam' ? round.rules.subjects : [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file) upload.mutate({ file, dryRun });
  }

  return (
    <section aria-labelledby="scores-title" className="card">
      <h2 id="scores-title">{t('admissions.scores.title')}</h2>
      <p className="hint">{t('admissions.scores.lead')}</p>
      <p>
        <a href={templateUrl(round.id)} download>
          {t('admissions.scores.template')}
        </a>
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="scores-file">{t('admissions.scores.file')}</label>
          <input
            id="scores-file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="checkbox">
          <input id="scores-dry" type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
          <label htmlFor="scores-dry">{t('admissions.scores.dryRun')}</label>
        </div>
        <FormStatus
          error={upload.error}
          success={
            report && report.errors.length === 0
              ? t(dryRun ? 'admissions.scores.checked' : 'admissions.scores.imported', {
                  created: formatNumber(report.created),
                  updated: formatNumber(report.updated),
                  unchanged: formatNumber(report.unchanged),
                })
              : null
          }
          problem={
            report && report.errors.length > 0 ? t('admissions.scores.rejected', { count: report.errors.length }) : null
          }
        />
        <button type="submit" className="button" disabled={!file || upload.isPending}>
          {t('admissions.scores.import')}
        </button>
      </form>
      {report && report.errors.length > 0 && (
        <ScrollRegion labelledBy="score-errors-caption">
          <table className="table table-stack">
            <caption id="score-errors-caption">{t('admissions.scores.errors')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admissions.scores.row')}</th>
                <th scope="col">{t('admissions.scores.column')}</th>
                <th scope="col">{t('admissions.scores.message')}</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e) => (
                <tr key={`${e.row}-${e.column}-${e.message}`}>
                  <th scope="row">{t('admissions.scores.rowN', { n: e.row })}</th>
                  <td data-label={t('admissions.scores.column')}>{e.column}</td>
                  <td data-label={t('admissions.scores.message')}>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <h3>{t('admissions.scores.list')}</h3>
      <div className="filters">
        <div className="field">
          <label htmlFor="scores-q">{t('admissions.scores.search')}</label>
          <input
            id="scores-q"
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
          />
        </div>
        <div className="checkbox">
          <input
            id="scores-missing"
            type="checkbox"
            checked={missing}
            onChange={(e) => {
              setMissing(e.target.checked);
              setPage(1);
            }}
          />
          <label htmlFor="scores-missing">{t('admissions.scores.onlyMissing')}</label>
        </div>
      </div>
      {scores.isPending && <Loading />}
      {scores.isError && <ErrorAlert error={scores.error} onRetry={() => void scores.refetch()} />}
      {scores.data && (
        <>
          <p aria-live="polite">
            {t('admissions.scores.count', {
              total: formatNumber(scores.data.total),
              missing: formatNumber(scores.data.missing),
            })}
          </p>
          {editing && (
            <ScoreCorrectionForm
              roundId={round.id}
              score={editing}
              subjects={subjects}
              onDone={() => setEditing(null)}
            />
          )}
          {scores.data.items.length > 0 && (
            <ScrollRegion labelledBy="scores-caption">
              <table className="table table-stack">
                <caption id="scores-caption" className="visually-hidden">
                  {t('admissions.scores.list')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admissions.allocation.applicant')}</th>
                    <th scope="col">{t('admissions.scores.registrationNo')}</th>
                    <th scope="col">{t('admissions.scores.total')}</th>
                    <th scope="col">{t('admissions.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {scores.data.items.map((s) => (
                    <tr key={s.dossierId}>
                      <th scope="row">
                        {s.childName}
                        <span className="code-line">{s.dossierCode}</span>
                      </th>
                      <td data-label={t('admissions.scores.registrationNo')}>{s.registrationNo ?? '—'}</td>
                      <td data-label={t('admissions.scores.total')}>
                        {s.absent
                          ? t('admissions.scores.absent')
                          : s.disqualified
                            ? t('admissions.scores.disqualified')
                            : s.total === null
                              ? '—'
                              : formatNumber(s.total)}
                      </td>
                      <td className="cell-actions">
                        <div className="row-actions">
                          <button type="button" className="link-button" onClick={() => setEditing(s)}>
                            {t('admissions.scores.correct')}
                            <span className="visually-hidden"> {s.dossierCode}</span>
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {scores.data.total > scores.data.pageSize && (
            <div className="actions">
              <button type="button" className="button secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('pagination.previous')}
              </button>
              <span>
                {t('pagination.position', { page, pages: Math.ceil(scores.data.total / scores.data.pageSize) })}
              </span>
              <button
                type="button"
                className="button secondary"
                disabled={page * scores.data.pageSize >= scores.data.total}
                onClick={() => setPage(page + 1)}
              >
                {t('pagination.next')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
