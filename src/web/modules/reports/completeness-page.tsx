import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { hasPermission, useMe } from '../../lib/session.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ErrorAlert, FormStatus } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { type PeriodScope, PeriodScopePage } from './period-scope.tsx';
import { SubmissionBadge } from './report-status.tsx';
import { formatShare, formatViNumber, todayInVietnam } from './report-values.ts';
import { getCompleteness, listPeriodSubmissions, PAGE_SIZE, remindPeriod } from './reports-api.ts';
import './reports.css';

/** /bao-cao/tien-do/:formId/:periodKey — expected, submitted, on time, approved, by child unit. */
export function CompletenessPage() {
  return (
    <PeriodScopePage titleKey="reports.progress.title">{(scope) => <Completeness scope={scope} />}</PeriodScopePage>
  );
}

/** A share as a bar and its words (the bar is decoration; the text carries it). */
function Share({ part, whole }: { part: number; whole: number }) {
  const pct = whole > 0 ? Math.round((part / whole) * 100) : 0;
  return (
    <>
      <span className="rp-bar" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </span>
      {formatShare(part, whole)}
    </>
  );
}

function Completeness({ scope }: { scope: PeriodScope }) {
  const { t } = useTranslation();
  const { period, rootUnitId, hrefFor } = scope;
  const figures = useQuery({
    queryKey: ['report-completeness', period.id, rootUnitId],
    queryFn: ({ signal }) => getCompleteness(period.id, rootUnitId, signal),
  });
  if (figures.isPending) return <Loading />;
  if (figures.isError) return <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} />;
  const f = figures.data;
  // Units below with nothing expected (a commune without THCS schools for a THCS form) are left out.
  const rows = f.byChild.filter((c) => c.expected > 0);
  const hidden = f.byChild.length - rows.length;
  const cards: [string, number, string | null][] = [
    [t('reports.progress.expected'), f.expected, null],
    [t('reports.progress.submitted'), f.submitted, formatShare(f.submitted, f.expected)],
    [t('reports.progress.onTime'), f.onTime, formatShare(f.onTime, f.expected)],
    [t('reports.progress.approved'), f.approved, formatShare(f.approved, f.expected)],
  ];
  return (
    <>
      <ul className="rp-figures" aria-label={t('reports.progress.summary')}>
        {cards.map(([label, value, share]) => (
          <li key={label} className="rp-figure">
            <span className="rp-figure-value">{formatViNumber(value)}</span>
            {label}
            {share && <span className="rp-meta"> ({share})</span>}
          </li>
        ))}
      </ul>
      {rows.length > 0 && <p className="hint">{t('reports.progress.drill')}</p>}
      {rows.length > 0 && (
        <ScrollRegion labelledBy="rp-progress-table">
          <table className="table rp-table">
            <caption id="rp-progress-table">{t('reports.progress.byChild')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.figures.unitCol')}</th>
                <th scope="col" className="rp-num">
                  {t('reports.progress.submittedOfExpected')}
                </th>
                <th scope="col">{t('reports.progress.rate')}</th>
                <th scope="col" className="rp-num">
                  {t('reports.progress.onTime')}
                </th>
                <th scope="col" className="rp-num">
                  {t('reports.progress.approved')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.unitId}>
                  <th scope="row">
                    <Link to={hrefFor(c.unitId)}>{c.unitName}</Link>
                  </th>
                  <td className="rp-num">
                    {formatViNumber(c.submitted)}/{formatViNumber(c.expected)}
                  </td>
                  <td>
                    <Share part={c.submitted} whole={c.expected} />
                  </td>
                  <td className="rp-num">{formatViNumber(c.onTime)}</td>
                  <td className="rp-num">{formatViNumber(c.approved)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {hidden > 0 && <p className="hint">{t('reports.progress.hidden', { count: hidden })}</p>}
      <Missing scope={scope} />
    </>
  );
}

/** The units of the scope that have not reported (not started, draft, sent back). */
function Missing({ scope }: { scope: PeriodScope }) {
  const { t } = useTranslation();
  const me = useMe();
  const approver = hasPermission(me, 'reports.approve');
  const canRemind = approver || hasPermission(me, 'reports.design');
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const today = todayInVietnam();
  const list = useQuery({
    queryKey: ['report-missing', scope.period.id, scope.rootUnitId, page],
    queryFn: ({ signal }) =>
      listPeriodSubmissions(scope.period.id, { missing: true, rootUnitId: scope.rootUnitId, page }, signal),
  });
  return (
    <section aria-labelledby="rp-missing">
      <h2 id="rp-missing">{t('reports.progress.missing')}</h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{t('reports.progress.noneMissing')}</p>
      ) : (
        <>
          <p className="result-count">{t('reports.progress.missingCount', { count: list.data.total })}</p>
          {canRemind && scope.period.status !== 'scheduled' && <Remind scope={scope} count={list.data.total} />}
          <ul className="rp-list">
            {list.data.items.map((s) => (
              <li key={s.id} className="rp-card">
                <p>
                  {approver ? <Link to={`/bao-cao/ban-nop/${s.id}`}>{s.unitName}</Link> : s.unitName}{' '}
                  <SubmissionBadge s={s} today={today} />
                </p>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} />
        </>
      )}
    </section>
  );
}

/** "Nhắc đơn vị chưa báo cáo": confirmed, then the result (reminded now / already reminded today). */
function Remind({ scope, count }: { scope: PeriodScope; count: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const remind = useMutation({
    mutationFn: () => remindPeriod(scope.period.id, scope.rootUnitId),
    onSuccess: (r) => {
      setOpen(false);
      setDone(t('reports.progress.remindDone', { reminded: r.reminded, skipped: r.skipped }));
    },
  });
  return (
    <>
      <p className="rp-actions">
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            remind.reset();
            setDone(null);
            setOpen(true);
          }}
        >
          {t('reports.progress.remind')}
        </button>
      </p>
      <FormStatus success={done} />
      <ConfirmDialog
        open={open}
        title={t('reports.progress.remindTitle', { count })}
        confirmLabel={t('reports.progress.remindConfirm')}
        busy={remind.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => remind.mutate()}
      >
        <p>{t('reports.progress.remindText')}</p>
        {remind.isError && <ErrorAlert error={remind.error} />}
      </ConfirmDialog>
    </>
  );
}
