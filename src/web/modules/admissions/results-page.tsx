import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { pickLocalized } from '../../lib/text.ts';
import { ErrorAlert, FormStatus } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination, pageFromParams } from '../../ui/pagination.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { useRound } from './admissions-api.ts';
import { useConfirmByStaff, useResults } from './results-api.ts';
import { ReleasePanel } from './results-release.tsx';
import { RoundBreadcrumb } from './round-breadcrumb.tsx';

const CONFIRMATIONS = ['pending', 'confirmed', 'released', 'not_applicable'] as const;

/**
 * /admissions/rounds/:roundId/results — published results with their confirmation state; a
 * school records a confirmation made in person; after the deadline, unconfirmed seats are
 * released and a supplementary round is created for them (issue 3, item 5).
 */
export function ResultsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('admissions.results.title'));
  const { roundId = '' } = useParams();
  const me = useMe();
  const round = useRound(roundId);
  const [params, setParams] = useSearchParams();
  const confirmation = params.get('confirmation') ?? undefined;
  const results = useResults(roundId, { confirmation, page: pageFromParams(params) });
  const confirm = useConfirmByStaff(roundId);
  const [confirmedName, setConfirmedName] = useState<string | null>(null);

  return (
    <>
      <RoundBreadcrumb roundId={roundId} name={round.data?.name} />
      <h1>{t('admissions.results.title')}</h1>
      {round.data && (
        <p className="lead">
          {t('admissions.results.deadline', { at: formatDateTime(round.data.timeline.confirmTo) })}
        </p>
      )}
      {round.data && hasPermission(me, 'admissions.allocate') && <ReleasePanel round={round.data} />}
      <search>
        <form className="filters card" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="results-confirmation">{t('admissions.results.confirmation')}</label>
            <select
              id="results-confirmation"
              value={confirmation ?? ''}
              onChange={(e) => setParams(e.target.value ? { confirmation: e.target.value } : {})}
            >
              <option value="">{t('admissions.all')}</option>
              {CONFIRMATIONS.map((c) => (
                <option key={c} value={c}>
                  {t(`admissions.results.state.${c}`)}
                </option>
              ))}
            </select>
          </div>
        </form>
      </search>
      <FormStatus
        error={confirm.error}
        success={confirmedName ? t('admissions.results.confirmedFor', { name: confirmedName }) : null}
      />
      <p aria-live="polite" className="result-count">
        {results.data &&
          t('admissions.results.count', { count: results.data.total, formatted: formatNumber(results.data.total) })}
      </p>
      {results.isPending && <Loading />}
      {results.isError && <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />}
      {results.data && results.data.items.length === 0 && <p className="empty">{t('admissions.results.none')}</p>}
      {results.data && results.data.items.length > 0 && (
        <ScrollRegion labelledBy="results-caption">
          <table className="table table-stack">
            <caption id="results-caption" className="visually-hidden">
              {t('admissions.results.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('admissions.allocation.applicant')}</th>
                <th scope="col">{t('admissions.allocation.outcome')}</th>
                <th scope="col">{t('admissions.results.confirmation')}</th>
                <th scope="col">{t('admissions.allocation.explanation')}</th>
                <th scope="col">{t('admissions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {results.data.items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.childName}
                    <span className="code-line">{r.dossierCode}</span>
                  </th>
                  <td data-label={t('admissions.allocation.outcome')}>
                    {r.school
                      ? t('admissions.allocation.admittedTo', { school: r.school.name })
                      : t(`admissions.results.outcome.${r.outcome}`)}
                  </td>
                  <td data-label={t('admissions.results.confirmation')}>
                    {t(`admissions.results.state.${r.confirmation}`)}
                    {r.confirmedAt &&
                      ` — ${formatDateTime(r.confirmedAt)}${r.confirmedChannel ? ` (${t(`admissions.results.channel.${r.confirmedChannel}`)})` : ''}`}
                  </td>
                  <td data-label={t('admissions.allocation.explanation')}>
                    {pickLocalized(r.explanation, i18n.resolvedLanguage)}
                  </td>
                  <td className="cell-actions">
                    <div className="row-actions">
                      {r.confirmation === 'pending' ? (
                        <button
                          type="button"
                          className="link-button"
                          disabled={confirm.isPending}
                          onClick={() => confirm.mutate(r.id, { onSuccess: () => setConfirmedName(r.childName) })}
                        >
                          {t('admissions.results.confirm')}
                          <span className="visually-hidden"> {r.childName}</span>
                        </button>
                      ) : (
                        <span>—</span>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {results.data && (
        <Pagination page={results.data.page} pageSize={results.data.pageSize} total={results.data.total} />
      )}
    </>
  );
}
