import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DateInput } from '../../ui/date-input.tsx';

/** Filters of GET /api/audit, kept in the URL. */
export const AUDIT_FILTERS = ['action', 'entityType', 'actorId', 'unitId', 'from', 'to'] as const;
type FilterKey = (typeof AUDIT_FILTERS)[number];

/** Dates are typed dd/mm/yyyy (DateInput) and sent as ISO dates. */
const DATE_FILTERS: ReadonlySet<FilterKey> = new Set(['from', 'to']);

/** A plain form: applying it writes the filters to the URL and returns to page 1. */
export function AuditFilters() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // Bumped by "clear" so that the fields start afresh even when the URL had no filters.
  const [generation, setGeneration] = useState(0);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    // A date that is not a real day shows its error and keeps the current filters.
    if (!form.checkValidity()) {
      form.querySelector<HTMLElement>(':invalid')?.focus();
      return;
    }
    const data = new FormData(form);
    const next = new URLSearchParams();
    for (const key of AUDIT_FILTERS) {
      const value = String(data.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    setParams(next);
  }

  return (
    <form className="filters card" onSubmit={submit} aria-label={t('audit.filters')} noValidate>
      {AUDIT_FILTERS.map((key) =>
        DATE_FILTERS.has(key) ? (
          <DateInput
            key={`${key}:${generation}:${params.get(key) ?? ''}`}
            id={`audit-${key}`}
            name={key}
            label={t(`audit.filter.${key}`)}
            defaultValue={params.get(key)}
          />
        ) : (
          <div className="field" key={`${key}:${generation}`}>
            <label htmlFor={`audit-${key}`}>{t(`audit.filter.${key}`)}</label>
            <input
              id={`audit-${key}`}
              name={key}
              type="text"
              defaultValue={params.get(key) ?? ''}
              key={params.get(key) ?? ''}
              spellCheck={false}
            />
          </div>
        ),
      )}
      <div className="actions">
        <button type="submit" className="button">
          {t('action.filter')}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setGeneration((g) => g + 1);
            setParams(new URLSearchParams());
          }}
        >
          {t('action.clear')}
        </button>
      </div>
    </form>
  );
}
