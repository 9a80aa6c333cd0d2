import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UnitDetail } from '../../../shared/org.schema.ts';
import { formatDateRange } from '../../lib/format.ts';
import { pickLocalized } from '../../lib/text.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useUnit, useUnitTypes } from './org-api.ts';
import { EventList, NameHistory } from './unit-history.tsx';

/** The detail of the selected unit: breadcrumb, facts, name history and events. */
export function UnitDetailPanel({ unitId, onSelect }: { unitId: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const unit = useUnit(unitId);
  const shownId = unit.data?.id;
  // On a phone the panel sits below a long tree: move focus (and the view) to the unit shown,
  // which also tells screen-reader users that the selection opened something.
  useEffect(() => {
    if (shownId) document.getElementById('unit-detail-title')?.focus();
  }, [shownId]);
  return (
    <section aria-labelledby="unit-detail-title" className="card">
      {!unitId ? (
        <>
          <h2 id="unit-detail-title">{t('org.detail')}</h2>
          <p>{t('org.pickUnit')}</p>
        </>
      ) : unit.isPending ? (
        <>
          <h2 id="unit-detail-title">{t('org.detail')}</h2>
          <Loading />
        </>
      ) : unit.isError ? (
        <>
          <h2 id="unit-detail-title">{t('org.detail')}</h2>
          <ErrorAlert error={unit.error} />
        </>
      ) : (
        <UnitFacts unit={unit.data} onSelect={onSelect} />
      )}
    </section>
  );
}

function UnitFacts({ unit, onSelect }: { unit: UnitDetail; onSelect: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const types = useUnitTypes();
  const type = types.data?.find((ty) => ty.code === unit.typeCode);
  return (
    <>
      {unit.ancestors.length > 0 && (
        <nav aria-label={t('org.breadcrumb')} className="breadcrumb">
          <ol>
            {unit.ancestors.map((a) => (
              <li key={a.id}>
                <button type="button" className="link-button" onClick={() => onSelect(a.id)}>
                  {a.name}
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <h2 id="unit-detail-title" tabIndex={-1} className={unit.active ? undefined : 'expired'}>
        {unit.name}
      </h2>
      <dl className="facts">
        <dt>{t('org.code')}</dt>
        <dd>{unit.code}</dd>
        <dt>{t('org.type')}</dt>
        <dd>{type ? pickLocalized(type.name, i18n.resolvedLanguage) : unit.typeCode}</dd>
        <dt>{t('org.validity')}</dt>
        <dd>
          {formatDateRange(unit.validFrom, unit.validTo) || '—'}
          {!unit.active && ` (${t('org.expired')})`}
        </dd>
      </dl>
      {unit.school && (
        <p>
          <Link to={`/schools/${unit.id}`}>{t('org.openSchool')}</Link>
        </p>
      )}
      <NameHistory names={unit.names} level={3} />
      <EventList events={unit.events} level={3} onSelect={onSelect} />
    </>
  );
}
