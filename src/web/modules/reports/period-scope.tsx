import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { periodLabel } from '../../../shared/reports.schema.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { NotFoundPage } from '../../ui/status-pages.tsx';
import { type FormDetail, findPeriod, getForm, getUnit, type PeriodView } from './reports-api.ts';

/** What a figures page works on: the form, its period (by key), and the unit drilled down to. */
export interface PeriodScope {
  form: FormDetail;
  period: PeriodView;
  /** The unit whose children are shown; undefined = the caller's whole scope. */
  rootUnitId: string | undefined;
  /** The URL of the same page drilled down to a unit (`undefined`: back to the top). */
  hrefFor: (unitId: string | undefined) => string;
}

/**
 * Loads the form and the period named in the path (`/:formId/:periodKey`) and reads the
 * drill-down unit from `?don-vi=`; renders the page's heading, the drill-down trail and `children`.
 */
export function PeriodScopePage({
  titleKey,
  children,
}: {
  titleKey: string;
  children: (scope: PeriodScope) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { formId = '', periodKey = '' } = useParams();
  const [params] = useSearchParams();
  const { pathname: base } = useLocation();
  const rootUnitId = params.get('don-vi') || undefined;
  const form = useQuery({ queryKey: ['report-form', formId], queryFn: ({ signal }) => getForm(formId, signal) });
  const period = useQuery({
    queryKey: ['report-period', formId, periodKey],
    queryFn: ({ signal }) => findPeriod(formId, periodKey, signal),
  });
  const unit = useQuery({
    queryKey: ['org-unit', rootUnitId],
    queryFn: ({ signal }) => getUnit(rootUnitId as string, signal),
    enabled: rootUnitId !== undefined,
  });
  const title = t(titleKey);
  usePageTitle(form.data ? `${title}: ${form.data.title} (${periodKey})` : title);
  if (form.isPending || period.isPending) return <Loading />;
  if (form.isError) return <ErrorAlert error={form.error} onRetry={() => void form.refetch()} />;
  if (period.isError) return <ErrorAlert error={period.error} onRetry={() => void period.refetch()} />;
  if (!period.data) return <NotFoundPage />;
  const hrefFor = (id: string | undefined) => (id ? `${base}?don-vi=${id}` : base);
  const parent = unit.data?.ancestors.at(-1);
  return (
    <div className="rp-page">
      <p>
        <Link to="/bao-cao/bieu-mau">{t('reports.forms.back')}</Link>
      </p>
      <h1>
        {title}: {form.data.title}
      </h1>
      <p className="rp-meta">
        {t('reports.period')}: {periodLabel(period.data.periodType, period.data.periodKey, i18n.language)} ·{' '}
        {t(`reports.periodStatus.${period.data.status}`)}
      </p>
      {rootUnitId && (
        <p className="rp-actions">
          <span>
            {t('reports.figures.unit')}: <strong>{unit.data?.name ?? '…'}</strong>
          </span>
          {parent && <Link to={hrefFor(parent.id)}>{t('reports.figures.up', { name: parent.name })}</Link>}
          <Link to={hrefFor(undefined)}>{t('reports.figures.top')}</Link>
        </p>
      )}
      {children({ form: form.data, period: period.data, rootUnitId, hrefFor })}
    </div>
  );
}
