import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolPage } from '../../../shared/org.schema.ts';
import { apiGet } from '../../lib/api.ts';
import { useDebounced } from '../../lib/hooks.ts';

/**
 * An explicit list of units for a form's assignment: search schools by name (accents optional),
 * add them, remove them. An empty list means "by type and level" only.
 */
export function UnitPicker({
  units,
  onChange,
}: {
  units: { id: string; name: string }[];
  onChange: (units: { id: string; name: string }[]) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 300);
  const found = useQuery({
    queryKey: ['report-unit-search', query],
    queryFn: ({ signal }) => apiGet<SchoolPage>('/api/org/schools', { q: query, pageSize: 8 }, signal),
    enabled: query.length >= 2,
  });
  return (
    <div className="field">
      <h3 id="rp-d-units">{t('reports.designer.units')}</h3>
      <p className="hint">{t('reports.designer.unitsHint')}</p>
      {units.length > 0 && (
        <ul aria-labelledby="rp-d-units">
          {units.map((u) => (
            <li key={u.id}>
              {u.name}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => onChange(units.filter((x) => x.id !== u.id))}
              >
                {t('action.remove')}
                <span className="visually-hidden">: {u.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor="rp-d-unit-q">{t('reports.designer.unitSearch')}</label>
      <input id="rp-d-unit-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      {found.data && found.data.items.length > 0 && (
        <ul aria-live="polite">
          {found.data.items
            .filter((s) => !units.some((u) => u.id === s.unitId))
            .map((s) => (
              <li key={s.unitId}>
                {s.name} <span className="muted">({s.communeName})</span>{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onChange([...units, { id: s.unitId, name: s.name }])}
                >
                  {t('reports.designer.addUnit')}
                  <span className="visually-hidden">: {s.name}</span>
                </button>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
