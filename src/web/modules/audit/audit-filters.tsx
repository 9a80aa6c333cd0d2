import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

/** Filters of GET /api/audit, kept in the URL. */
export const AUDIT_FILTERS = ['action', 'entityType', 'actorId', 'unitId', 'from', 'to'] as const;
type FilterKey = (typeof AUDIT_FILTERS)[number];

const INPUT_TYPE: Record<FilterKey, string> = {
  action: 'text',
  entityType: 'text',
  actorId: 'text',
  unitId: 'text',
  from: 'date',
  to: 'date',
};

/** A plain form: applying it writes the filters to the URL and returns to page 1. */
export function AuditFilters() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of AUDIT_FILTERS) {
      const value = String(data.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    setParams(next);
  }

  return (
    <form className="filters card" onSubmit={submit} aria-label={t('audit.filters')}>
      {AUDIT_FILTERS.map((key) => (
        <div className="field" key={key}>
          <label htmlFor={`audit-${key}`}>{t(`audit.filter.${key}`)}</label>
          <input
            id={`audit-${key}`}
            name={key}
            type={INPUT_TYPE[key]}
            defaultValue={params.get(key) ?? ''}
            key={params.get(key) ?? ''}
            spellCheck={false}
          />
        </div>
      ))}
      <div className="actions">
        <button type="submit" className="button">
          {t('action.filter')}
        </button>
        <button type="button" className="button secondary" onClick={() => setParams(new URLSearchParams())}>
          {t('action.clear')}
        </button>
      </div>
    </form>
  );
}
