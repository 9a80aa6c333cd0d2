import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateRange } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useUnit } from './org-api.ts';
import { EventList, NameHistory } from './unit-history.tsx';

/** /schools/:id — a school's profile with its name history and events. */
export function SchoolDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const unit = useUnit(id);
  const school = unit.data?.school;
  usePageTitle(unit.data?.name ?? t('schools.title'));

  if (unit.isPending) return <Loading />;
  if (unit.isError) return <ErrorAlert error={unit.error} onRetry={() => void unit.refetch()} />;
  const data = unit.data;
  return (
    <>
      <p>
        <Link to="/schools">← {t('schools.backToList')}</Link>
      </p>
      <h1 className={data.active ? undefined : 'expired'}>{data.name}</h1>
      <dl className="facts card">
        <dt>{t('org.code')}</dt>
        <dd>{school?.code ?? data.code}</dd>
        {school && (
          <>
            <dt>{t('schools.levels')}</dt>
            <dd>{school.levels.map((l) => t(`level.${l}`)).join(', ')}</dd>
            <dt>{t('schools.ownership')}</dt>
            <dd>{t(`ownership.${school.ownership}`)}</dd>
            <dt>{t('schools.commune')}</dt>
            <dd>{school.communeName}</dd>
            <dt>{t('schools.address')}</dt>
            <dd>{school.address ?? '—'}</dd>
            <dt>{t('schools.phone')}</dt>
            <dd>{school.phone ? <a href={`tel:${school.phone.replace(/[^0-9+]/g, '')}`}>{school.phone}</a> : '—'}</dd>
            <dt>{t('schools.email')}</dt>
            <dd>{school.email ? <a href={`mailto:${school.email}`}>{school.email}</a> : '—'}</dd>
          </>
        )}
        <dt>{t('org.validity')}</dt>
        <dd>
          {formatDateRange(data.validFrom, data.validTo) || '—'}
          {!data.active && ` (${t('org.expired')})`}
        </dd>
        {data.ancestors.length > 0 && (
          <>
            <dt>{t('schools.under')}</dt>
            <dd>{data.ancestors.map((a) => a.name).join(' › ')}</dd>
          </>
        )}
      </dl>
      <p>
        <Link to={`/org?unit=${data.id}`}>{t('schools.showInTree')}</Link>
      </p>
      <NameHistory names={data.names} level={2} />
      <EventList events={data.events} level={2} />
    </>
  );
}
