import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination, pageFromParams } from '../../ui/pagination.tsx';
import { statusClass, taskStatusLabel } from './labels.ts';
import { myTasks, PAGE_SIZE, periodOf } from './plans-api.ts';
import './plans.css';

/** /ke-hoach/nhiem-vu-cua-toi — tasks led or coordinated by my unit(s), late first. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = pageFromParams(params);
  const lateOnly = params.get('tre') === '1';
  usePageTitle(t('plans.mine.title'));
  const tasks = useQuery({
    queryKey: ['plan-tasks-mine', page, lateOnly],
    queryFn: ({ signal }) => myTasks(page, lateOnly, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="pl-page">
      <h1>{t('plans.mine.title')}</h1>
      <p className="lead">{t('plans.mine.intro')}</p>
      <div className="field">
        <label>
          <input type="checkbox" checked={lateOnly} onChange={(e) => setParams(e.target.checked ? { tre: '1' } : {})} />{' '}
          {t('plans.mine.lateOnly')}
        </label>
      </div>
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (
        <>
          <p aria-live="polite">{t('plans.mine.count', { count: tasks.data.total })}</p>
          <ul className="pl-list">
            {tasks.data.items.map((x) => (
              <li key={x.id} className="pl-card">
                <h2>
                  <Link to={`/ke-hoach/${x.planId}/nhiem-vu/${x.id}`}>
                    {x.code}. {x.content}
                  </Link>
                </h2>
                <p className="pl-meta">
                  <span className={statusClass(x)}>{taskStatusLabel(t, x)}</span> · {t(`plans.mine.role.${x.role}`)} ·{' '}
                  {x.leadName}
                </p>
                <p className="pl-meta">
                  {x.planTitle} · {periodOf(x, formatDate)}
                </p>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} total={tasks.data.total} />
        </>
      )}
    </div>
  );
}
