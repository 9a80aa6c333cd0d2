import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { NotFoundPage } from '../../ui/status-pages.tsx';
import { statusClass, taskStatusLabel } from './labels.ts';
import { evidenceUrl, formatMillion, getTask, periodOf } from './plans-api.ts';
import { ReportForm } from './report-form.tsx';
import './plans.css';

/** /ke-hoach/:id/nhiem-vu/:taskId — a task: details, sub-tasks, progress history, and the report form. */
export function TaskPage() {
  const { t } = useTranslation();
  const { id = '', taskId = '' } = useParams();
  const task = useQuery({
    queryKey: ['plan-task', taskId],
    queryFn: ({ signal }) => getTask(taskId, signal),
    retry: false,
  });
  usePageTitle(task.data ? `${task.data.code}. ${task.data.content}` : t('plans.task.title'));
  if (task.isPending) return <Loading />;
  if (task.isError) {
    if (task.error instanceof ApiError && task.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={task.error} />;
  }
  const x = task.data;
  const facts: [string, string][] = [
    [t('plans.task.plan'), x.planTitle],
    [t('plans.task.lead'), x.leadName],
    [t('plans.task.coordinators'), x.coordinators.map((c) => c.name).join('; ') || '—'],
    [t('plans.task.period'), periodOf(x, formatDate)],
    [t('plans.task.outputs'), x.outputs ?? '—'],
    [
      t('plans.task.budget'),
      x.budgets.length
        ? x.budgets.map((b) => `${b.year} — ${b.sourceCode.replace('_', ', ')}: ${formatMillion(b.amount)}`).join('; ')
        : '—',
    ],
    ...(x.budgetNote ? ([[t('plans.task.budgetNote'), x.budgetNote]] as [string, string][]) : []),
    [t('plans.task.counted'), x.counted ? t('plans.yes') : t('plans.task.notCounted')],
    ...(x.parentCode ? ([[t('plans.task.parent'), x.parentCode]] as [string, string][]) : []),
  ];
  return (
    <article className="pl-page">
      <p className="breadcrumb">
        <Link to={`/ke-hoach/${id}`}>{t('plans.task.back')}</Link>
      </p>
      <h1>
        {x.code}. {x.content}
      </h1>
      <p>
        <span className={statusClass(x)}>{taskStatusLabel(t, x)}</span>
      </p>
      <progress className="pl-progress" max={100} value={x.progress} aria-label={t('plans.task.progress')}>
        {x.progress}%
      </progress>
      <dl className="pl-facts">
        {facts.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {x.description && <p>{x.description}</p>}
      {x.canManage && (
        <p className="pl-actions">
          <Link className="button button-secondary" to={`/ke-hoach/${id}/nhiem-vu/${x.id}/sua`}>
            {t('plans.task.edit')}
          </Link>
        </p>
      )}
      {x.children.length > 0 && (
        <section aria-labelledby="pl-children">
          <h2 id="pl-children">{t('plans.task.children')}</h2>
          <ul className="pl-list">
            {x.children.map((c) => (
              <li key={c.id} className="pl-card">
                <Link to={`/ke-hoach/${id}/nhiem-vu/${c.id}`}>
                  {c.code}. {c.content}
                </Link>
                <p className="pl-meta">
                  <span className={statusClass(c)}>{taskStatusLabel(t, c)}</span> · {periodOf(c, formatDate)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {x.reportUnits.length > 0 && <ReportForm task={x} />}
      <section aria-labelledby="pl-history">
        <h2 id="pl-history">{t('plans.report.history')}</h2>
        {x.reports.length === 0 ? (
          <p>{t('plans.report.none')}</p>
        ) : (
          <ol className="pl-history">
            {x.reports.map((r) => (
              <li key={r.id} className="pl-card">
                <p className="pl-meta">
                  {formatDateTime(r.reportedAt)} · {r.unitName}
                  {r.reporterName ? ` · ${r.reporterName}` : ''}
                </p>
                <p>
                  <strong>
                    {t(`plans.taskStatus.${r.status}`)} — {r.progress}%
                  </strong>
                </p>
                <p>{r.note}</p>
                {r.files.length > 0 && (
                  <ul>
                    {r.files.map((f) => (
                      <li key={f.id}>
                        <a href={evidenceUrl(x.id, r.id, f.id)}>{f.filename}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
