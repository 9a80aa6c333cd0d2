import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { NotFoundPage } from '../../ui/status-pages.tsx';
import { statusClass, taskStatusLabel } from './labels.ts';
import { PlanTotals } from './plan-totals.tsx';
import { exportUrl, formatMillion, getPlan, type PlanDetail, periodOf, type TaskSummary } from './plans-api.ts';
import './plans.css';

/** /ke-hoach/:id — a plan: header, legal bases, budget totals, sections with their tasks (late ones flagged). */
export function PlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const plan = useQuery({ queryKey: ['plan', id], queryFn: ({ signal }) => getPlan(id, signal), retry: false });
  usePageTitle(plan.data?.title ?? t('plans.plan.title'));
  if (plan.isPending) return <Loading />;
  if (plan.isError) {
    if (plan.error instanceof ApiError && plan.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={plan.error} />;
  }
  const p = plan.data;
  const facts: [string, string][] = [
    [t('plans.plan.number'), p.number ?? t('plans.noNumber')],
    [t('plans.plan.date'), p.issuedOn ? formatDate(p.issuedOn) : '—'],
    [t('plans.plan.unit'), p.issuingUnitName],
    [t('plans.plan.period'), p.yearFrom === p.yearTo ? String(p.yearFrom) : `${p.yearFrom}–${p.yearTo}`],
    [t('plans.plan.status'), t(`plans.status.${p.status}`)],
    [t('plans.plan.taskCount'), t('plans.list.tasks', { count: p.taskCount })],
  ];
  return (
    <article className="pl-page">
      <p className="breadcrumb">
        <Link to="/ke-hoach">{t('plans.plan.back')}</Link>
      </p>
      <h1>{p.title}</h1>
      <dl className="pl-facts">
        {facts.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {p.lateCount > 0 && (
        <p className="alert alert-warning">
          <span className="pl-late">{t('plans.list.late', { count: p.lateCount })}</span>
        </p>
      )}
      {p.summary && <p>{p.summary}</p>}
      <div className="pl-actions">
        <a className="button button-secondary" href={exportUrl(p.id)} download>
          {t('plans.plan.export')}
        </a>
        {p.canManage && (
          <>
            <Link className="button button-secondary" to={`/ke-hoach/${p.id}/sua`}>
              {t('plans.plan.edit')}
            </Link>
            <Link className="button button-secondary" to={`/ke-hoach/${p.id}/nhiem-vu/moi`}>
              {t('plans.plan.addTask')}
            </Link>
            <Link className="button button-secondary" to={`/ke-hoach/${p.id}/nhap-excel`}>
              {t('plans.plan.import')}
            </Link>
          </>
        )}
      </div>
      <PlanTotals plan={p} />
      {p.legalBases.length > 0 && (
        <details>
          <summary>
            <h2 id="pl-bases" className="pl-inline">
              {t('plans.plan.legalBases')} ({p.legalBases.length})
            </h2>
          </summary>
          <ul>
            {p.legalBases.map((b) => (
              <li key={`${b.number}-${b.date}`}>
                <strong>{b.number}</strong>
                {b.date ? ` ${t('plans.plan.dated')} ${formatDate(b.date)}` : ''}
                {b.issuer ? ` — ${b.issuer}` : ''}: {b.title}
              </li>
            ))}
          </ul>
        </details>
      )}
      <section aria-labelledby="pl-tasks">
        <h2 id="pl-tasks">{t('plans.plan.tasks')}</h2>
        {groups(p).map((g) => (
          <section key={g.key} aria-labelledby={`pl-sec-${g.key}`}>
            <h3 id={`pl-sec-${g.key}`}>{g.title}</h3>
            <ul className="pl-list pl-tasks-cards">
              {g.tasks.map((task) => (
                <TaskCard key={task.id} planId={p.id} task={task} sub={task.parentId !== null} />
              ))}
            </ul>
            <div className="pl-tasks-table">
              <TaskTable planId={p.id} tasks={g.tasks} caption={g.title} />
            </div>
          </section>
        ))}
      </section>
    </article>
  );
}

/** Tasks by section in the plan's order, each parent followed by its sub-tasks. */
function groups(p: PlanDetail) {
  const bySection = new Map<string, TaskSummary[]>();
  for (const task of p.tasks) {
    const k = task.sectionCode ?? '';
    bySection.set(k, [...(bySection.get(k) ?? []), task]);
  }
  const titled = (code: string) => {
    const s = p.sections.find((x) => x.code === code);
    return s ? `${s.code}. ${s.title}` : code || '—';
  };
  return [...bySection.entries()].map(([code, tasks]) => ({
    key: code || 'none',
    title: titled(code),
    tasks: ordered(tasks),
  }));
}

function ordered(tasks: TaskSummary[]): TaskSummary[] {
  const ids = new Set(tasks.map((x) => x.id));
  const out: TaskSummary[] = [];
  const add = (task: TaskSummary) => {
    out.push(task);
    for (const c of tasks.filter((x) => x.parentId === task.id)) add(c);
  };
  for (const task of tasks.filter((x) => !x.parentId || !ids.has(x.parentId))) add(task);
  return out;
}

function budgetText(task: TaskSummary): string {
  if (task.budgets.length === 0) return task.budgetNote ?? '—';
  return task.budgets.map((b) => `${b.year}: ${formatMillion(b.amount)}`).join('; ');
}

function TaskCard({ planId, task, sub }: { planId: string; task: TaskSummary; sub: boolean }) {
  const { t } = useTranslation();
  return (
    <li className={`pl-card${sub ? ' pl-sub' : ''}`}>
      <h4>
        <Link to={`/ke-hoach/${planId}/nhiem-vu/${task.id}`}>
          {task.code}. {task.content}
        </Link>
      </h4>
      <p className="pl-meta">
        <span className={statusClass(task)}>{taskStatusLabel(t, task)}</span>
      </p>
      <p className="pl-meta">
        {t('plans.task.lead')}: {task.leadName}
        {task.coordinators.length > 0 &&
          ` · ${t('plans.task.coordinators')}: ${task.coordinators.map((c) => c.name).join('; ')}`}
      </p>
      <p className="pl-meta">
        {t('plans.task.period')}: {periodOf(task, formatDate)}
      </p>
      <p className="pl-meta">
        {t('plans.task.budget')}: {budgetText(task)}
        {!task.counted && ` (${t('plans.task.notCounted')})`}
      </p>
    </li>
  );
}

function TaskTable({ planId, tasks, caption }: { planId: string; tasks: TaskSummary[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <table className="pl-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('plans.task.code')}</th>
          <th scope="col">{t('plans.task.content')}</th>
          <th scope="col">{t('plans.task.lead')}</th>
          <th scope="col">{t('plans.task.period')}</th>
          <th scope="col" className="pl-num">
            {t('plans.task.budgetShort')}
          </th>
          <th scope="col">{t('plans.task.status')}</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr key={task.id}>
            <td>{task.code}</td>
            <td className={task.parentId ? 'pl-sub' : undefined}>
              <Link to={`/ke-hoach/${planId}/nhiem-vu/${task.id}`}>{task.content}</Link>
              {task.coordinators.length > 0 && (
                <div className="pl-meta">
                  {t('plans.task.coordinators')}: {task.coordinators.map((c) => c.name).join('; ')}
                </div>
              )}
            </td>
            <td>{task.leadName}</td>
            <td>{periodOf(task, formatDate)}</td>
            <td className="pl-num">
              {task.budgets.length === 0
                ? (task.budgetNote ?? '—')
                : task.budgets.map((b) => (
                    <div key={`${b.year}-${b.sourceCode}`}>
                      {b.year}: {formatMillion(b.amount)}
                    </div>
                  ))}
              {!task.counted && <div className="pl-meta">{t('plans.task.notCounted')}</div>}
            </td>
            <td>
              <span className={statusClass(task)}>{taskStatusLabel(t, task)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
