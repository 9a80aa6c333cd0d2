import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { DateInput } from '../../ui/date-input.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import {
  fetchOverview,
  filtersFromParams,
  type Overview,
  overviewXlsxUrl,
  type ReportFilters,
  referenceQuery,
  type SchoolReportRow,
} from './reports-api.ts';
import './library-reports.css';

const LEVELS = ['tieu_hoc', 'thcs', 'thpt'] as const;

/**
 * /hoc-lieu/thong-ke — for the Sở (the province) and commune officers (the commune's schools):
 * which schools contribute to the library and which use it, per school and per subject, over a
 * period; schools that do neither first and marked in words as well as colour; the same report
 * as an Excel workbook. Tables only: the figures are the text.
 */
export function ReportPage() {
  const { t } = useTranslation();
  usePageTitle(t('libraryReports.report.title'));
  const [params] = useSearchParams();
  const filters = filtersFromParams(params);
  const report = useQuery({
    queryKey: ['library-report', params.toString()],
    queryFn: ({ signal }) => fetchOverview(filters, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <h1>{t('libraryReports.report.title')}</h1>
      <p className="lead">{t('libraryReports.report.intro')}</p>
      <Filters filters={filters} />
      {report.isPending && <Loading />}
      {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && <Report report={report.data} filters={filters} />}
    </>
  );
}

function Filters({ filters }: { filters: ReportFilters }) {
  const { t, i18n } = useTranslation();
  const [, setParams] = useSearchParams();
  const reference = useQuery(referenceQuery);
  const [level, setLevel] = useState(filters.level);
  const english = i18n.resolvedLanguage === 'en';
  const subjects = (reference.data?.subjects ?? []).filter((s) => !level || s.levels.some((l) => l.level === level));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (!form.checkValidity()) {
      form.querySelector<HTMLElement>(':invalid')?.focus();
      return;
    }
    const data = new FormData(form);
    const next = new URLSearchParams();
    for (const key of ['from', 'to', 'level', 'subject']) {
      const value = String(data.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    setParams(next);
  }

  return (
    <form className="filters card" onSubmit={submit} aria-label={t('libraryReports.report.filters')} noValidate>
      <DateInput
        key={`from:${filters.from}`}
        id="lr-from"
        name="from"
        label={t('libraryReports.report.from')}
        defaultValue={filters.from}
      />
      <DateInput
        key={`to:${filters.to}`}
        id="lr-to"
        name="to"
        label={t('libraryReports.report.to')}
        defaultValue={filters.to}
      />
      <div className="field">
        <label htmlFor="lr-level">{t('libraryReports.report.level')}</label>
        <select id="lr-level" name="level" value={level} onChange={(e) => setLevel(e.target.value)}>
          <option value="">{t('libraryReports.report.allLevels')}</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`libraryReports.level.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="lr-subject">{t('libraryReports.report.subject')}</label>
        <select id="lr-subject" name="subject" key={`${level}:${filters.subject}`} defaultValue={filters.subject}>
          <option value="">{t('libraryReports.report.allSubjects')}</option>
          {subjects.map((s) => (
            <option key={s.code} value={s.code}>
              {english ? s.nameEn : s.nameVi}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t('libraryReports.report.apply')}
        </button>
      </div>
    </form>
  );
}

/** Whether a school contributes, uses, both or neither, in words (not by colour alone). */
function statusKey(r: SchoolReportRow): string {
  if (r.contributes && r.uses) return 'both';
  if (r.contributes) return 'contributes';
  if (r.uses) return 'uses';
  return 'neither';
}

function Report({ report, filters }: { report: Overview; filters: ReportFilters }) {
  const { t } = useTranslation();
  const [onlyNeither, setOnlyNeither] = useState(false);
  const rows = onlyNeither ? report.schools.filter((r) => !r.contributes && !r.uses) : report.schools;
  const tot = report.totals;
  const period =
    report.from || report.to
      ? t('libraryReports.report.period', {
          from: report.from ? formatDate(report.from) : t('libraryReports.report.start'),
          to: report.to ? formatDate(report.to) : t('libraryReports.report.now'),
        })
      : t('libraryReports.report.allTime');

  return (
    <>
      <section aria-labelledby="lr-summary">
        <h2 id="lr-summary">{t('libraryReports.report.summary')}</h2>
        <p>
          {t('libraryReports.report.scope')}:{' '}
          {report.scope.map((u) => u.name).join('; ') || t('libraryReports.report.province')}
          {' · '}
          {period}
        </p>
        <dl className="facts card">
          <dt>{t('libraryReports.col.schools')}</dt>
          <dd>{formatNumber(tot.schools)}</dd>
          <dt>{t('libraryReports.col.contributing')}</dt>
          <dd>{formatNumber(tot.contributing)}</dd>
          <dt>{t('libraryReports.col.using')}</dt>
          <dd>{formatNumber(tot.using)}</dd>
          <dt>{t('libraryReports.col.neither')}</dt>
          <dd>{formatNumber(tot.neither)}</dd>
          <dt>{t('libraryReports.col.contributed')}</dt>
          <dd>{formatNumber(tot.contributed)}</dd>
          <dt>{t('libraryReports.col.published')}</dt>
          <dd>{formatNumber(tot.published)}</dd>
          <dt>{t('libraryReports.col.views')}</dt>
          <dd>{formatNumber(tot.views)}</dd>
          <dt>{t('libraryReports.col.downloads')}</dt>
          <dd>{formatNumber(tot.downloads)}</dd>
          {report.otherReaders && (
            <>
              <dt>{t('libraryReports.col.otherReaders')}</dt>
              <dd>
                {t('libraryReports.report.usage', {
                  views: formatNumber(report.otherReaders.views),
                  downloads: formatNumber(report.otherReaders.downloads),
                })}
              </dd>
            </>
          )}
        </dl>
        <p>
          <a className="button secondary" href={overviewXlsxUrl(filters)} download>
            {t('libraryReports.report.excel')}
          </a>
        </p>
      </section>

      <h2 id="lr-schools">{t('libraryReports.report.bySchool')}</h2>
      <div className="checkbox">
        <input
          id="lr-only-neither"
          type="checkbox"
          checked={onlyNeither}
          onChange={(e) => setOnlyNeither(e.target.checked)}
        />
        <label htmlFor="lr-only-neither">{t('libraryReports.report.onlyNeither', { count: tot.neither })}</label>
      </div>
      {rows.length === 0 ? (
        <p className="empty">{t('libraryReports.report.noSchools')}</p>
      ) : (
        <ScrollRegion labelledBy="lr-schools">
          <table className="table table-stack lr-schools">
            <caption className="visually-hidden">{t('libraryReports.report.bySchool')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('libraryReports.col.school')}</th>
                <th scope="col">{t('libraryReports.col.status')}</th>
                <th scope="col">{t('libraryReports.col.contributed')}</th>
                <th scope="col">{t('libraryReports.col.published')}</th>
                <th scope="col">{t('libraryReports.col.views')}</th>
                <th scope="col">{t('libraryReports.col.downloads')}</th>
                <th scope="col">{t('libraryReports.col.lastActivity')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.schoolId} className={r.contributes || r.uses ? undefined : 'lr-neither'}>
                  <th scope="row">
                    {r.name}
                    {!r.active && <span className="block small">{t('libraryReports.report.expired')}</span>}
                    <span className="block small">{r.communeName}</span>
                  </th>
                  <td data-label={t('libraryReports.col.status')}>
                    <span className={`lr-status lr-status-${statusKey(r)}`}>
                      {t(`libraryReports.status.${statusKey(r)}`)}
                    </span>
                  </td>
                  <td data-label={t('libraryReports.col.contributed')}>
                    {formatNumber(r.contributedTotal)}
                    {r.contributedTotal > 0 && (
                      <span className="block small">
                        {t('libraryReports.report.ofWhichPublished', { count: r.contributed.published })}
                      </span>
                    )}
                  </td>
                  <td data-label={t('libraryReports.col.published')}>{formatNumber(r.published)}</td>
                  <td data-label={t('libraryReports.col.views')}>{formatNumber(r.views)}</td>
                  <td data-label={t('libraryReports.col.downloads')}>{formatNumber(r.downloads)}</td>
                  <td data-label={t('libraryReports.col.lastActivity')}>
                    {r.lastActivityAt ? formatDateTime(r.lastActivityAt) : t('libraryReports.report.never')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <h2 id="lr-subjects">{t('libraryReports.report.bySubject')}</h2>
      {report.subjects.length === 0 ? (
        <p className="empty">{t('libraryReports.report.noSubjects')}</p>
      ) : (
        <ScrollRegion labelledBy="lr-subjects">
          <table className="table table-stack">
            <caption className="visually-hidden">{t('libraryReports.report.bySubject')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('libraryReports.col.subject')}</th>
                <th scope="col">{t('libraryReports.col.contributed')}</th>
                <th scope="col">{t('libraryReports.col.published')}</th>
                <th scope="col">{t('libraryReports.col.views')}</th>
                <th scope="col">{t('libraryReports.col.downloads')}</th>
              </tr>
            </thead>
            <tbody>
              {report.subjects.map((s) => (
                <tr key={s.code}>
                  <th scope="row">{s.name}</th>
                  <td data-label={t('libraryReports.col.contributed')}>{formatNumber(s.contributed)}</td>
                  <td data-label={t('libraryReports.col.published')}>{formatNumber(s.published)}</td>
                  <td data-label={t('libraryReports.col.views')}>{formatNumber(s.views)}</td>
                  <td data-label={t('libraryReports.col.downloads')}>{formatNumber(s.downloads)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <p className="small muted">{t('libraryReports.report.generated', { at: formatDateTime(report.generatedAt) })}</p>
    </>
  );
}
