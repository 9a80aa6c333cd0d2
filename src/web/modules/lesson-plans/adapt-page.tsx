import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert, FormStatus } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { NotFoundPage } from '../../ui/status-pages.tsx';
import { useAdaptPlan, useLibraryResource, useReference } from './lesson-plans-api.ts';
import './lesson-plans.css';

/**
 * /giao-an/phong-theo/:resourceId — copy-and-adapt a published lesson plan of the library: what
 * is copied, who is credited ("Phỏng theo …" at the head of the new plan), its licence; then the
 * copy opens in the editor.
 */
export function AdaptPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { resourceId = '' } = useParams();
  const resource = useLibraryResource(resourceId);
  const reference = useReference();
  const adapt = useAdaptPlan();
  usePageTitle(t('lessonPlans.adapt.title'));
  if (resource.isPending) return <Loading />;
  if (resource.isError) {
    if (resource.error instanceof ApiError && resource.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={resource.error} onRetry={() => void resource.refetch()} />;
  }
  const r = resource.data;
  const licence = reference.data?.licences.find((l) => l.code === r.licenceCode);
  const adaptable = r.kind === 'lesson_plan' && r.publishedVersionId !== null;
  return (
    <div className="lp-page">
      <p className="breadcrumb">
        <Link to={`/hoc-lieu/${r.id}`}>{t('lessonPlans.adapt.back')}</Link>
      </p>
      <h1>{t('lessonPlans.adapt.title')}</h1>
      <p className="lead">{t('lessonPlans.adapt.intro')}</p>
      <dl className="facts">
        <dt>{t('lessonPlans.adapt.source')}</dt>
        <dd>{r.title}</dd>
        {r.authors.length > 0 && (
          <>
            <dt>{t('lessonPlans.adapt.authors')}</dt>
            <dd>{r.authors.join(', ')}</dd>
          </>
        )}
        <dt>{t('lessonPlans.adapt.licence')}</dt>
        <dd>{licence?.nameVi ?? r.licenceCode}</dd>
        {r.publishedAt && (
          <>
            <dt>{t('lessonPlans.adapt.published')}</dt>
            <dd>{formatDate(r.publishedAt)}</dd>
          </>
        )}
      </dl>
      {!adaptable ? (
        <p className="notice">{t('lessonPlans.adapt.notAdaptable')}</p>
      ) : (
        <>
          {r.licenceCode.includes('nd') && <p className="notice">{t('lessonPlans.adapt.noDerivatives')}</p>}
          <FormStatus error={adapt.error} />
          <button
            type="button"
            className="button"
            disabled={adapt.isPending}
            onClick={() => adapt.mutate(r.id, { onSuccess: (plan) => navigate(`/giao-an/${plan.id}`) })}
          >
            {t('lessonPlans.adapt.confirm')}
          </button>
        </>
      )}
    </div>
  );
}
