import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { QueueItem } from '../../../shared/admission-applications.schema.ts';
import { withQuery } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { pickLocalized } from '../../lib/text.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import { BulkActions } from './bulk-actions.tsx';
import { QueueFilters } from './queue-filters.tsx';
import { filtersFromParams, hasFilters, paramsFromFilters, toApiQuery } from './queue-params.ts';
import { QueueTable } from './queue-table.tsx';
import { queuePath, useQueue, useRound } from './review-api.ts';
import { countsOf, StateCounts } from './state-counts.tsx';
import './review.css';

/**
 * /admissions/rounds/:roundId/applications — the school's or commune's queue: filters kept in
 * the URL, a table (cards on a phone), bulk steps on selected rows, the Excel export of what is
 * filtered, and each dossier one click away with previous/next kept.
 */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  const { roundId = '' } = useParams();
  const [params] = useSearchParams();
  const filters = filtersFromParams(params);
  const round = useRound(roundId);
  const queue = useQueue(roundId, filters);
  usePageTitle(
    round.data ? t('admissionsReview.queue.titleOf', { round: round.data.name }) : t('admissionsReview.queue.title'),
  );
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // A new filter is a new list: what was selected in the old one is no longer in view.
  const filterKey = paramsFromFilters({ ...filters, page: 1 }).toString();
  const [selectedFor, setSelectedFor] = useState(filterKey);
  if (selectedFor !== filterKey) {
    setSelectedFor(filterKey);
    setSelected(new Set());
  }

  const items = queue.data?.items ?? [];
  const detailQuery = paramsFromFilters(filters);
  detailQuery.set('round', roundId);
  const hrefFor = (item: QueueItem) => `/admissions/applications/${item.dossierId}?${detailQuery.toString()}`;
  const groups = new Map((round.data?.priorityGroups ?? []).map((g) => [g.code, g]));
  const priorityName = (code: string) => {
    const g = groups.get(code);
    return g ? pickLocalized({ vi: g.nameVi, en: g.nameEn ?? '' }, i18n.resolvedLanguage) : code;
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const selectPage = (on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const i of items) {
        if (on) next.add(i.dossierId);
        else next.delete(i.dossierId);
      }
      return next;
    });

  return (
    <>
      <nav aria-label={t('admissionsReview.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/admissions/applications">{t('admissionsReview.rounds.title')}</Link>
          </li>
          <li>
            <Link to={`/admissions/rounds/${roundId}`}>{round.data?.name ?? t('admissionsReview.round')}</Link>
          </li>
        </ol>
      </nav>
      <h1>
        {round.data
          ? t('admissionsReview.queue.titleOf', { round: round.data.name })
          : t('admissionsReview.queue.title')}
      </h1>
      {round.isError && <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />}
      <div className="actions review-page-actions">
        <Link className="button" to={`/admissions/rounds/${roundId}/applications/new`}>
          {t('admissionsReview.assisted.open')}
        </Link>
        <a
          className="button secondary"
          href={withQuery(`${queuePath(roundId)}/export.xlsx`, toApiQuery(filters, false))}
          download
        >
          {hasFilters(filters) ? t('admissionsReview.queue.exportFiltered') : t('admissionsReview.queue.export')}
        </a>
      </div>
      <StateCounts filters={filters} counts={countsOf(queue.data)} />
      <QueueFilters round={round.data} />
      <p aria-live="polite" className="result-count">
        {queue.data &&
          t('admissionsReview.queue.count', { count: queue.data.total, formatted: formatNumber(queue.data.total) })}
      </p>
      {queue.isPending && <Loading />}
      {queue.isError && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data && items.length === 0 && (
        <div className="empty">
          <p>
            <strong>{t('status.noResults')}</strong>
          </p>
          {hasFilters(filters) && <p>{t('admissionsReview.queue.emptyFiltered')}</p>}
        </div>
      )}
      {items.length > 0 && (
        <>
          <BulkActions
            roundId={roundId}
            items={items}
            selected={selected}
            onSelectAll={selectPage}
            onDone={() => setSelected(new Set())}
          />
          <QueueTable
            items={items}
            selected={selected}
            onToggle={toggle}
            hrefFor={hrefFor}
            priorityName={priorityName}
          />
        </>
      )}
      {queue.data && <Pagination page={queue.data.page} pageSize={queue.data.pageSize} total={queue.data.total} />}
    </>
  );
}
