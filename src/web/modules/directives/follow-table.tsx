import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import {
  type DirectiveDetail,
  exportUrl,
  fileUrl,
  getRecipients,
  PAGE_SIZE,
  type RecipientFilter,
  remind,
} from './directives-api.ts';
import { AnswerHistory } from './history.tsx';
import { StatusBadge } from './status.tsx';

const FILTERS: RecipientFilter[] = ['all', 'not_read', 'not_answered', 'late'];

/**
 * The issuer's "at a glance": counts by read / answered / late / not read, the per-unit table
 * with its filters and the answers, the reminder to those who have not answered, and exports.
 */
export function FollowTable({ directive: d }: { directive: DirectiveDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<RecipientFilter>('all');
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['directive-recipients', d.id, filter, page],
    queryFn: ({ signal }) => getRecipients(d.id, { filter, page }, signal),
  });
  const send = useMutation({
    mutationFn: () => remind(d.id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['directive-recipients', d.id] }),
  });
  const c = d.counts!;
  const tiles: [string, number][] = [
    [t('directives.counts.read'), c.read],
    [t('directives.counts.answered'), c.answered],
    [t('directives.counts.late'), c.late],
    [t('directives.counts.notRead'), c.notRead],
  ];
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / PAGE_SIZE)) : 1;
  return (
    <section aria-labelledby="dir-table-h">
      <h2 id="dir-table-h">{t('directives.follow.units', { count: c.recipients })}</h2>
      <ul className="dir-tiles">
        {tiles.map(([label, n]) => (
          <li key={label}>
            <strong>{formatNumber(n)}</strong> {label}
          </li>
        ))}
      </ul>
      <div className="dir-toolbar">
        <div className="field dir-filter">
          <label htmlFor="dir-filter">{t('directives.follow.filter')}</label>
          <select
            id="dir-filter"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value as RecipientFilter);
              setPage(1);
            }}
          >
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`directives.filter.${f}`)}
              </option>
            ))}
          </select>
        </div>
        {d.state === 'issued' && d.responseKind !== 'none' && (
          <button type="button" className="button secondary" disabled={send.isPending} onClick={() => send.mutate()}>
            {t('directives.follow.remind')}
          </button>
        )}
        <a className="button secondary" href={exportUrl(d.id, 'csv')}>
          {t('directives.follow.csv')}
        </a>
        <a className="button secondary" href={exportUrl(d.id, 'xlsx')}>
          {t('directives.follow.xlsx')}
        </a>
      </div>
      <div aria-live="polite">
        {send.isSuccess && (
          <p className="alert alert-success">
            {t('directives.follow.reminded', { reminded: send.data.reminded, skipped: send.data.skipped })}
          </p>
        )}
      </div>
      {send.isError && <ErrorAlert error={send.error} />}
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <p className="empty">{t('directives.follow.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-stack dir-table">
            <caption className="visually-hidden">{t('directives.follow.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directives.col.unit')}</th>
                <th scope="col">{t('directives.col.status')}</th>
                <th scope="col">{t('directives.col.read')}</th>
                <th scope="col">{t('directives.col.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.items.map((r) => (
                <tr key={r.unitId}>
                  <th scope="row">{r.unitName}</th>
                  <td data-label={t('directives.col.status')}>
                    <StatusBadge status={r.status} late={r.late} />
                  </td>
                  <td data-label={t('directives.col.read')}>
                    {r.firstReadAt ? `${formatDateTime(r.firstReadAt)} · ${r.firstReadByName ?? ''}` : '—'}
                  </td>
                  <td data-label={t('directives.col.answer')}>
                    {r.answeredAt ? (
                      <div>
                        <span className="dir-answer">{r.responseText || t('directives.confirmed')}</span>
                        {r.responseFiles.map((f) => (
                          <a key={f.id} className="block small" href={fileUrl(d.id, f.id)}>
                            {f.filename}
                          </a>
                        ))}
                        <span className="block small muted">
                          {formatDateTime(r.answeredAt)} · {r.answeredByName}
                          {r.responseVersion > 1 && ` · ${t('directives.version', { n: r.responseVersion })}`}
                        </span>
                        {r.responseVersion > 1 && <AnswerHistory directiveId={d.id} unitId={r.unitId} />}
                      </div>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="pagination" aria-label={t('pagination.label')}>
          <button type="button" className="link-button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('pagination.previous')}
          </button>
          <span>{t('pagination.position', { page, pages })}</span>
          <button type="button" className="link-button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('pagination.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
