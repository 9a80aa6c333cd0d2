import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useQueue } from './contrib-api.ts';
import { labeller, type ResourceSummary, referenceQuery, schoolQuery } from './library-api.ts';
import { LEVELS } from './metadata-form.ts';
import { filtersFromParams, paramsFromFilters, QUEUE_STATUSES, type QueueFilters } from './queue-filter.ts';
import { StatusBadge } from './status-badge.tsx';
import './library.css';

type Label = ReturnType<typeof labeller>;

/**
 * /hoc-lieu/kiem-duyet — the moderator's queue: resources sent for review in the subjects and
 * levels the moderator is assigned, oldest first, filtered on the server by status, level and
 * subject (in the URL), with the counts each choice would give.
 */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const queue = useQueue(filters);
  const reference = useQuery(referenceQuery);
  const label = labeller(reference.data, i18n.resolvedLanguage, (k, o) => t(k, o));
  usePageTitle(t('library.queue.title'));

  const shown = queue.data?.items ?? [];
  const set = (next: Partial<QueueFilters>) => setParams(paramsFromFilters({ ...filters, ...next }), { replace: true });
  const counts = queue.data?.counts ?? { status: [], level: [], subject: [] };
  const asMap = (list: { value: string; count: number }[]) => new Map(list.map((c) => [c.value, c.count]));
  const byStatus = asMap(counts.status);
  const byLevel = asMap(counts.level);
  const bySubject = asMap(counts.subject);
  const subjects = [...new Set([...bySubject.keys(), ...(filters.subject ? [filters.subject] : [])])].sort((a, b) =>
    label('subject', a).localeCompare(label('subject', b), 'vi'),
  );
  const statusTotal = [...byStatus.values()].reduce((a, b) => a + b, 0);
  const anyFilter = Boolean(filters.status || filters.level || filters.subject);

  return (
    <div className="lib-page lib-queue">
      <h1>{t('library.queue.title')}</h1>
      <p className="lead">{t('library.queue.intro')}</p>
      <nav aria-label={t('library.queue.byStatus')}>
        <ul className="lib-tabs">
          {[
            { value: '' as const, n: statusTotal },
            ...QUEUE_STATUSES.map((s) => ({ value: s, n: byStatus.get(s) ?? 0 })),
          ].map(({ value, n }) => (
            <li key={value || 'all'}>
              <Link
                to={`?${paramsFromFilters({ ...filters, status: value }).toString()}`}
                replace
                aria-current={filters.status === value ? 'true' : undefined}
                className="lib-tab"
              >
                <span>{value ? t(`library.status.${value}`) : t('library.queue.all')}</span>
                <span className="lib-tab-n">{formatNumber(n)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="filters lib-queue-filters">
        <div className="field">
          <label htmlFor="lib-q-level">{t('library.facets.level')}</label>
          <select
            id="lib-q-level"
            value={filters.level}
            onChange={(e) => set({ level: e.target.value as QueueFilters['level'] })}
          >
            <option value="">{t('library.queue.anyLevel')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t('library.queue.optionCount', { name: label('level', l), count: byLevel.get(l) ?? 0 })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="lib-q-subject">{t('library.facets.subject')}</label>
          <select id="lib-q-subject" value={filters.subject} onChange={(e) => set({ subject: e.target.value })}>
            <option value="">{t('library.queue.anySubject')}</option>
            {subjects.map((s) => (
              <option key={s} value={s}>
                {t('library.queue.optionCount', { name: label('subject', s), count: bySubject.get(s) ?? 0 })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <h2 className="result-count" aria-live="polite">
        {queue.data ? t('library.queue.count', { count: queue.data.total }) : t('status.loading')}
      </h2>
      {queue.data && queue.data.total > shown.length && (
        <p className="hint">{t('library.queue.partial', { shown: shown.length, total: queue.data.total })}</p>
      )}
      {queue.isPending && <Loading />}
      {queue.isError && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data && shown.length === 0 && (
        <p className="empty">{anyFilter ? t('library.queue.emptyFiltered') : t('library.queue.empty')}</p>
      )}
      {shown.length > 0 && (
        <ul className="lib-cards">
          {shown.map((r) => (
            <QueueCard key={r.id} r={r} label={label} />
          ))}
        </ul>
      )}
    </div>
  );
}

function QueueCard({ r, label }: { r: ResourceSummary; label: Label }) {
  const school = useQuery(schoolQuery(r.schoolId));
  const where = [
    ...r.subjects.map((s) => label('subject', s)),
    ...r.levels.map((l) => label('level', l)),
    ...r.grades.map((g) => label('grade', String(g))),
  ].join(' · ');
  return (
    <li className="lib-card card">
      <p className="lib-kind">{label('kind', r.kind)}</p>
      <h3 className="lib-card-title">
        <Link to={`/hoc-lieu/kiem-duyet/${r.id}`}>{r.title}</Link>
      </h3>
      <p className="lib-card-meta">
        <StatusBadge status={r.status} />
      </p>
      {where && <p className="lib-card-meta small">{where}</p>}
      {school.data && <p className="lib-card-meta small muted">{school.data.name}</p>}
    </li>
  );
}
