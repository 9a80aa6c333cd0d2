import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { matchesQuery, pickLocalized } from '../../lib/text.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { type RunSchool, useRun } from './allocation-api.ts';

const SHOWN = 50;

/** A school's cut-off: grade-10 points, or the lottery group and the last number admitted. */
export function CutoffText({ school }: { school: Pick<RunSchool, 'cutoff' | 'lastLottery'> }) {
  const { t } = useTranslation();
  if (school.cutoff != null) return <>{formatNumber(school.cutoff)}</>;
  if (school.lastLottery)
    return (
      <>
        {t('admissions.allocation.lotteryCutoff', {
          lottery: school.lastLottery.lottery,
          group:
            school.lastLottery.priorityRank === null
              ? t('admissions.allocation.noGroup')
              : t('admissions.allocation.group', { rank: school.lastLottery.priorityRank }),
        })}
      </>
    );
  return <>—</>;
}

/** A run's results: per school (admitted, cut-off), then per applicant with the explanation, searchable. */
export function RunResults({ roundId, runId }: { roundId: string; runId: string }) {
  const { t, i18n } = useTranslation();
  const run = useRun(roundId, runId);
  const [q, setQ] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (run.data) heading.current?.focus();
  }, [run.data]);

  if (run.isPending) return <Loading />;
  if (run.isError) return <ErrorAlert error={run.error} onRetry={() => void run.refetch()} />;
  const { run: view, results } = run.data;
  const names = new Map(view.summary.schools.map((s) => [s.schoolId, s.name]));
  const matching = results.filter((r) => !q.trim() || matchesQuery(`${r.dossierCode} ${r.childName}`, q));

  return (
    <section aria-labelledby="run-title" className="card">
      <h2 id="run-title" ref={heading} tabIndex={-1}>
        {t('admissions.allocation.resultsOf', {
          kind: t(`admissions.allocation.kinds.${view.kind}`),
          at: formatDateTime(view.createdAt),
        })}
      </h2>
      <p>
        {t('admissions.allocation.summary', {
          applicants: formatNumber(view.summary.applicants),
          placed: formatNumber(view.summary.placed),
          unplaced: formatNumber(view.summary.unplaced),
        })}
      </p>
      <p className="small">
        {t('admissions.allocation.hash')}: <code className="id">{view.inputsSha256}</code>
      </p>
      <ScrollRegion labelledBy="run-schools-caption">
        <table className="table table-stack">
          <caption id="run-schools-caption">{t('admissions.allocation.bySchool')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admissions.schools.school')}</th>
              <th scope="col">{t('admissions.schools.seats')}</th>
              <th scope="col">{t('admissions.allocation.admitted')}</th>
              <th scope="col">{t('admissions.allocation.cutoff')}</th>
            </tr>
          </thead>
          <tbody>
            {view.summary.schools.map((s) => (
              <tr key={s.schoolId}>
                <th scope="row">{s.name}</th>
                <td data-label={t('admissions.schools.seats')}>{formatNumber(s.seats)}</td>
                <td data-label={t('admissions.allocation.admitted')}>{formatNumber(s.admitted)}</td>
                <td data-label={t('admissions.allocation.cutoff')}>
                  <CutoffText school={s} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h3 id="run-applicants-title">{t('admissions.allocation.byApplicant')}</h3>
      <search>
        <div className="field">
          <label htmlFor="run-search">{t('admissions.allocation.search')}</label>
          <input id="run-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
      </search>
      <p aria-live="polite" className="result-count">
        {t('admissions.allocation.matching', {
          count: matching.length,
          formatted: formatNumber(matching.length),
          shown: formatNumber(Math.min(SHOWN, matching.length)),
        })}
      </p>
      {matching.length > 0 && (
        <ScrollRegion labelledBy="run-applicants-caption">
          <table className="table table-stack">
            <caption id="run-applicants-caption" className="visually-hidden">
              {t('admissions.allocation.byApplicant')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('admissions.allocation.applicant')}</th>
                <th scope="col">{t('admissions.allocation.outcome')}</th>
                <th scope="col">{t('admissions.allocation.explanation')}</th>
              </tr>
            </thead>
            <tbody>
              {matching.slice(0, SHOWN).map((r) => (
                <tr key={r.dossierId}>
                  <th scope="row">
                    {r.childName}
                    <span className="code-line">{r.dossierCode}</span>
                  </th>
                  <td data-label={t('admissions.allocation.outcome')}>
                    {r.schoolId
                      ? t('admissions.allocation.admittedTo', { school: names.get(r.schoolId) ?? r.schoolId })
                      : t('admissions.allocation.notPlaced')}
                  </td>
                  <td data-label={t('admissions.allocation.explanation')}>
                    {pickLocalized(r.explanation, i18n.resolvedLanguage)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
