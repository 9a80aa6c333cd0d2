import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import { CreatePlanForm } from './create-form.tsx';
import { type ListScope, usePlans } from './lesson-plans-api.ts';
import './lesson-plans.css';

/** /giao-an — my plans (or my school's), a new plan, and the way to adapt a colleague's published one. */
export function ListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const scope: ListScope = params.get('scope') === 'school' ? 'school' : 'mine';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const plans = usePlans(scope, page);
  const [creating, setCreating] = useState(false);
  usePageTitle(t('lessonPlans.list.title'));

  return (
    <div className="lp-page">
      <h1>{t('lessonPlans.list.title')}</h1>
      <p className="lead">{t('lessonPlans.list.intro')}</p>
      {creating ? (
        <div className="card">
          <CreatePlanForm onCreated={(id) => navigate(`/giao-an/${id}`)} />
          <button type="button" className="link-button" onClick={() => setCreating(false)}>
            {t('action.cancel')}
          </button>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('lessonPlans.create.open')}
          </button>
          <Link to="/hoc-lieu?kind=lesson_plan">{t('lessonPlans.list.findInLibrary')}</Link>
        </div>
      )}
      <p className="hint">{t('lessonPlans.list.adaptHint')}</p>
      <fieldset className="fieldset lp-scope">
        <legend>{t('lessonPlans.list.scope')}</legend>
        {(['mine', 'school'] as const).map((s) => (
          <div className="checkbox" key={s}>
            <input
              type="radio"
              id={`lp-scope-${s}`}
              name="scope"
              checked={scope === s}
              onChange={() => setParams(s === 'mine' ? {} : { scope: s })}
            />
            <label htmlFor={`lp-scope-${s}`}>{t(`lessonPlans.list.${s}`)}</label>
          </div>
        ))}
      </fieldset>
      {plans.isPending ? (
        <Loading />
      ) : plans.isError ? (
        <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />
      ) : (
        <section aria-labelledby="lp-list-title">
          <h2 id="lp-list-title" className="result-count">
            {t('lessonPlans.list.count', { count: plans.data.total })}
          </h2>
          {plans.data.items.length === 0 ? (
            <p className="empty">{t('lessonPlans.list.empty')}</p>
          ) : (
            <ul className="result-list">
              {plans.data.items.map((p) => (
                <li key={p.id} className="result">
                  <Link className="result-title" to={`/giao-an/${p.id}`}>
                    {p.title}
                  </Link>
                  <p className="result-meta">
                    {p.subjectName} · {t('lessonPlans.gradeN', { n: p.grade })} ·{' '}
                    {t('lessonPlans.list.updated', { date: formatDateTime(p.updatedAt) })}
                    {scope === 'school' && <> · {t('lessonPlans.list.by', { name: p.ownerName })}</>}
                    {p.resourceId && <> · {t('lessonPlans.list.sent')}</>}
                    {p.adapted && <> · {t('lessonPlans.list.adapted')}</>}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={plans.data.page} pageSize={plans.data.pageSize} total={plans.data.total} />
        </section>
      )}
    </div>
  );
}
