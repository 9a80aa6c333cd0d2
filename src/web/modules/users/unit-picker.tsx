import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolPage, UnitSummary } from '../../../shared/org.schema.ts';
import { apiGet } from '../../lib/api.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { matchesQuery } from '../../lib/text.ts';

export interface PickedUnit {
  id: string;
  name: string;
}

const MAX_EACH = 8;

/**
 * Finds a unit to grant a role on: the tree roots (the Sở itself), communes (filtered here,
 * diacritic-insensitively) and schools (searched on the server). Results are radio buttons.
 */
export function UnitPicker({ value, onChange }: { value: PickedUnit | null; onChange: (u: PickedUnit) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const roots = useQuery({
    queryKey: ['org', 'units', null, false],
    queryFn: ({ signal }) => apiGet<UnitSummary[]>('/api/org/units', undefined, signal),
  });
  const communes = useQuery({
    queryKey: ['org', 'communes'],
    queryFn: ({ signal }) => apiGet<UnitSummary[]>('/api/org/communes', undefined, signal),
    enabled: q.length >= 2,
  });
  const schools = useQuery({
    queryKey: ['org', 'schools', { q, pageSize: MAX_EACH }],
    queryFn: ({ signal }) => apiGet<SchoolPage>('/api/org/schools', { q, pageSize: MAX_EACH }, signal),
    enabled: q.length >= 2,
  });

  const matches = (name: string) => !q || matchesQuery(name, q);
  const options: PickedUnit[] = [
    ...(roots.data ?? []).filter((u) => matches(u.name)),
    ...(q.length >= 2 ? (communes.data ?? []).filter((u) => matches(u.name)).slice(0, MAX_EACH) : []),
    ...(q.length >= 2 ? (schools.data?.items ?? []).map((s) => ({ id: s.unitId, name: s.name })) : []),
  ]
    .map((u) => ({ id: u.id, name: u.name }))
    .filter((u, i, all) => all.findIndex((x) => x.id === u.id) === i);
  if (value && !options.some((o) => o.id === value.id)) options.unshift(value);

  return (
    <div className="unit-picker">
      <div className="field">
        <label htmlFor="unit-search">{t('users.unitSearch')}</label>
        <input
          id="unit-search"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="unit-search-hint"
        />
        <p id="unit-search-hint" className="hint">
          {t('users.unitSearchHint')}
        </p>
      </div>
      <fieldset className="fieldset">
        <legend>{t('users.unit')}</legend>
        {options.length === 0 ? (
          <p className="small">{q.length >= 2 ? t('status.noResults') : t('users.unitTypeMore')}</p>
        ) : (
          <ul className="radio-list">
            {options.map((o) => (
              <li key={o.id} className="checkbox">
                <input
                  type="radio"
                  id={`unit-${o.id}`}
                  name="grant-unit"
                  checked={value?.id === o.id}
                  onChange={() => onChange(o)}
                />
                <label htmlFor={`unit-${o.id}`}>{o.name}</label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </div>
  );
}
