import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../lib/hooks.ts';
import { FieldError } from '../../ui/form-fields.tsx';
import { searchUnits } from './plans-api.ts';

/** A unit chosen from the tree ("Name [CODE]" with its id) or only a name (a body outside the tree). */
export interface UnitChoice {
  text: string;
  unitId: string | null;
}

const known = new Map<string, string>();

/** The id of "Name [CODE]" when the code came from a suggestion; null for a plain name. */
export function choiceOf(text: string, previous: UnitChoice): UnitChoice {
  if (text === previous.text) return previous;
  const code = /\[([A-Za-z0-9._-]+)\]\s*$/.exec(text)?.[1];
  return { text, unitId: code ? (known.get(code) ?? null) : null };
}

/** Splits a choice into the API's unit id or free-text name. */
export function unitOrName(c: UnitChoice): { unitId: string | null; name: string | null } {
  const name = c.text.replace(/\s*\[[A-Za-z0-9._-]+\]\s*$/, '').trim();
  return c.unitId ? { unitId: c.unitId, name: null } : { unitId: null, name: name || null };
}

/**
 * A text field with suggestions of units (by code or name words): pick one to link the unit, or
 * type a name outside the tree (e.g. "Sở Nội vụ").
 */
export function UnitPicker(props: {
  id: string;
  label: string;
  hint?: string;
  value: UnitChoice;
  error: string | undefined;
  onChange: (c: UnitChoice) => void;
}) {
  const { t } = useTranslation();
  const { id, label, hint, value, error, onChange } = props;
  const q = useDebounced(value.text.replace(/\s*\[.*$/, '').trim());
  const units = useQuery({
    queryKey: ['plan-units', q],
    queryFn: ({ signal }) => searchUnits(q, signal),
    enabled: q.length >= 2,
  });
  for (const u of units.data?.items ?? []) known.set(u.code, u.id);
  const described = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="hint field-hint">
        {hint ?? t('plans.form.unitHint')}
        {value.unitId ? ` ✓ ${t('plans.form.unitLinked')}` : ''}
      </p>
      <input
        id={id}
        list={`${id}-list`}
        autoComplete="off"
        value={value.text}
        maxLength={300}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(choiceOf(e.target.value, value))}
      />
      <datalist id={`${id}-list`}>
        {(units.data?.items ?? []).map((u) => (
          <option key={u.id} value={`${u.name} [${u.code}]`} />
        ))}
      </datalist>
      <FieldError id={id} error={error} />
    </div>
  );
}
