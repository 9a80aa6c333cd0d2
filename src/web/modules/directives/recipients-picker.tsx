import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECIPIENT_TYPES } from '../../../shared/directives.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { FieldError } from '../../ui/form-fields.tsx';
import { getCommunes, previewRecipients, searchUnits, type UnitOption } from './directives-api.ts';

export const LEVELS = ['mam_non', 'tieu_hoc', 'thcs', 'thpt', 'lien_cap', 'gdtx'] as const;
export type Mode = 'level' | 'type' | 'commune' | 'list';

export interface Picked {
  mode: Mode;
  levels: string[];
  unitTypes: string[];
  communeIds: string[];
  units: UnitOption[];
}

export const emptyPick: Picked = { mode: 'level', levels: ['thpt'], unitTypes: [], communeIds: [], units: [] };

/** The selection the API takes, from the picker's state. */
export function selectionOf(p: Picked) {
  switch (p.mode) {
    case 'level':
      return { by: 'level', levels: p.levels };
    case 'type':
      return { by: 'type', unitTypes: p.unitTypes };
    case 'commune':
      return { by: 'commune', communeIds: p.communeIds, levels: p.levels };
    case 'list':
      return { by: 'list', unitIds: p.units.map((u) => u.id) };
  }
}

const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/**
 * Who receives the directive: schools of some levels, units of some types, a commune's schools,
 * or a list; the server counts the living units it picks in the issuer's scope as choices change.
 */
export function RecipientsPicker(props: {
  id: string;
  issuerUnitId: string;
  value: Picked;
  onChange: (p: Picked) => void;
  error?: string | undefined;
}) {
  const { id, issuerUnitId, value: p, onChange, error } = props;
  const { t } = useTranslation();
  const selection = useDebounced(JSON.stringify(selectionOf(p)), 300);
  const preview = useQuery({
    queryKey: ['directive-preview', issuerUnitId, selection],
    queryFn: () => previewRecipients({ issuerUnitId: issuerUnitId || undefined, selection: JSON.parse(selection) }),
    retry: false,
  });
  const communes = useQuery({
    queryKey: ['directive-communes'],
    queryFn: ({ signal }) => getCommunes(signal),
    enabled: p.mode === 'commune',
  });
  const [communeFilter, setCommuneFilter] = useState('');
  const [q, setQ] = useState('');
  const dq = useDebounced(q, 300);
  const found = useQuery({
    queryKey: ['directive-units', dq],
    queryFn: ({ signal }) => searchUnits(dq, signal),
    enabled: p.mode === 'list' && dq.trim().length >= 2,
  });
  const set = (patch: Partial<Picked>) => onChange({ ...p, ...patch });
  const levelBoxes = (
    <fieldset className="fieldset">
      <legend>{t('directives.pick.levels')}</legend>
      {LEVELS.map((l) => (
        <div key={l} className="checkbox">
          <input
            id={`${id}-lv-${l}`}
            type="checkbox"
            checked={p.levels.includes(l)}
            onChange={() => set({ levels: toggle(p.levels, l) })}
          />
          <label htmlFor={`${id}-lv-${l}`}>{t(`directives.level.${l}`)}</label>
        </div>
      ))}
    </fieldset>
  );
  const shownCommunes = (communes.data?.items ?? []).filter(
    (c) => !communeFilter.trim() || c.name.toLowerCase().includes(communeFilter.trim().toLowerCase()),
  );
  return (
    <fieldset className="fieldset" aria-describedby={`${id}-count${error ? ` ${id}-error` : ''}`}>
      <legend id={id} tabIndex={-1}>
        {t('directives.pick.title')}
      </legend>
      <div className="radio-list">
        {(['level', 'type', 'commune', 'list'] as const).map((m) => (
          <div key={m} className="checkbox">
            <input
              id={`${id}-mode-${m}`}
              type="radio"
              name={`${id}-mode`}
              checked={p.mode === m}
              onChange={() => set({ mode: m })}
            />
            <label htmlFor={`${id}-mode-${m}`}>{t(`directives.pick.mode.${m}`)}</label>
          </div>
        ))}
      </div>
      {p.mode === 'level' && levelBoxes}
      {p.mode === 'type' && (
        <fieldset className="fieldset">
          <legend>{t('directives.pick.types')}</legend>
          {RECIPIENT_TYPES.map((ty) => (
            <div key={ty} className="checkbox">
              <input
                id={`${id}-ty-${ty}`}
                type="checkbox"
                checked={p.unitTypes.includes(ty)}
                onChange={() => set({ unitTypes: toggle(p.unitTypes, ty) })}
              />
              <label htmlFor={`${id}-ty-${ty}`}>{t(`directives.unitType.${ty}`)}</label>
            </div>
          ))}
        </fieldset>
      )}
      {p.mode === 'commune' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-cf`}>{t('directives.pick.communeFilter')}</label>
            <input id={`${id}-cf`} value={communeFilter} onChange={(e) => setCommuneFilter(e.target.value)} />
          </div>
          <fieldset className="fieldset dir-scroll">
            <legend>{t('directives.pick.communes')}</legend>
            {shownCommunes.map((c) => (
              <div key={c.id} className="checkbox">
                <input
                  id={`${id}-c-${c.id}`}
                  type="checkbox"
                  checked={p.communeIds.includes(c.id)}
                  onChange={() => set({ communeIds: toggle(p.communeIds, c.id) })}
                />
                <label htmlFor={`${id}-c-${c.id}`}>{c.name}</label>
              </div>
            ))}
          </fieldset>
          {levelBoxes}
        </>
      )}
      {p.mode === 'list' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-q`}>{t('directives.pick.search')}</label>
            <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
          {(found.data?.items ?? []).length > 0 && (
            <ul className="dir-files">
              {found.data!.items.map((u) => (
                <li key={u.id}>
                  <span>{u.name}</span>{' '}
                  <button
                    type="button"
                    className="link-button"
                    disabled={p.units.some((x) => x.id === u.id)}
                    onClick={() => set({ units: [...p.units, u] })}
                  >
                    {t('directives.pick.add', { name: u.name })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {p.units.length > 0 && (
            <>
              <p className="small">{t('directives.pick.chosen')}</p>
              <ul className="dir-files">
                {p.units.map((u) => (
                  <li key={u.id}>
                    <span>{u.name}</span>{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => set({ units: p.units.filter((x) => x.id !== u.id) })}
                    >
                      {t('directives.upload.remove', { name: u.name })}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <p id={`${id}-count`} className="dir-count" aria-live="polite">
        {preview.data
          ? t('directives.pick.count', { count: preview.data.count, n: formatNumber(preview.data.count) })
          : preview.isError
            ? t('directives.pick.incomplete')
            : '…'}
      </p>
      {preview.data && preview.data.units.length > 0 && (
        <p className="small muted dir-sample">
          {preview.data.units
            .slice(0, 5)
            .map((u) => u.name)
            .join('; ')}
          {preview.data.count > 5 && '…'}
        </p>
      )}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
