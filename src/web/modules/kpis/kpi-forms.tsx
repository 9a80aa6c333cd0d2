import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { Select, TextArea, TextField } from '../../ui/form-fields.tsx';
import { enterActual, setTarget } from './kpis-api.ts';

/** The server's field messages are "tiếng Việt / English": the half in the UI language. */
export function inLanguage(message: string, lang: string | undefined): string {
  const [vi, en] = message.split(' / ');
  return lang === 'en' && en ? en : (vi ?? message);
}

/** Form errors of a KPI form: `body.<name>` → the field id `<prefix>-<name>`. */
export function useKpiErrors(prefix: string, names: readonly string[]) {
  const { t, i18n } = useTranslation();
  const errors = useFormErrors();
  const fieldOf = (path: string) => {
    const name = path.split('.').filter((p) => p !== 'body')[0];
    return name && names.includes(name) ? `${prefix}-${name}` : null;
  };
  const fromApi = (err: unknown) => {
    const r = apiErrors(err, i18n.resolvedLanguage, fieldOf, t('error.generic'));
    const fields = Object.fromEntries(
      Object.entries(r.fields).map(([k, v]) => [k, inLanguage(v, i18n.resolvedLanguage)]),
    );
    errors.show(fields, r.general);
  };
  return { ...errors, fromApi };
}

/** A decimal typed the Vietnamese way (`66,5`) or the English way (`66.5`); NaN when not a number. */
export function parseDecimal(text: string): number {
  const s = text.trim().replace(/\s/g, '');
  if (s === '') return Number.NaN;
  return Number(s.includes(',') ? s.replaceAll('.', '').replace(',', '.') : s);
}

type Units = { id: string; name: string }[];

/** Sets the target of a year for the unit shown or one of its children (kpis.manage). */
/** The unit a target or an actual is for (the province and the units below it on the page). */
function UnitSelect(props: {
  id: string;
  units: Units;
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select id={props.id} label={t('kpis.unit')} value={props.value} error={props.error} onChange={props.onChange}>
      {props.units.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </Select>
  );
}

export function TargetForm({ code, year, units }: { code: string; year: number; units: Units }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const id = useId();
  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const errors = useKpiErrors('kt', ['unitId', 'target', 'note', 'year']);
  const save = useMutation({
    mutationFn: () => setTarget(code, { year, unitId, target: parseDecimal(value), note: note.trim() || null }),
    onSuccess: () => {
      errors.clear();
      setDone(true);
      setValue('');
      setNote('');
      void qc.invalidateQueries({ queryKey: ['kpis'] });
    },
    onError: errors.fromApi,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (Number.isNaN(parseDecimal(value))) {
      errors.show({ 'kt-target': t('kpis.form.needNumber') });
      return;
    }
    save.mutate();
  };
  return (
    <form className="card" aria-labelledby={`${id}-h`} onSubmit={submit} noValidate>
      <h2 id={`${id}-h`}>{t('kpis.targetForm.title', { year })}</h2>
      <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
      <UnitSelect id="kt-unitId" units={units} value={unitId} error={errors.fields['kt-unitId']} onChange={setUnitId} />
      <TextField
        id="kt-target"
        label={t('kpis.target')}
        inputMode="decimal"
        value={value}
        error={errors.fields['kt-target']}
        onChange={(e) => setValue(e.target.value)}
      />
      <TextField
        id="kt-note"
        label={t('kpis.targetForm.note')}
        value={note}
        error={errors.fields['kt-note']}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button" disabled={save.isPending}>
        {t('kpis.targetForm.save')}
      </button>
      <p aria-live="polite" className="small">
        {done ? t('kpis.saved') : ''}
      </p>
    </form>
  );
}

/** Enters the actual of a manual indicator for a year and unit, with its source (kpis.manage or the unit itself). */
export function ActualForm({ code, year, units }: { code: string; year: number; units: Units }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const id = useId();
  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const errors = useKpiErrors('ka', ['unitId', 'value', 'sourceNote', 'year']);
  const save = useMutation({
    mutationFn: () => enterActual(code, { year, unitId, value: parseDecimal(value), sourceNote: note }),
    onSuccess: () => {
      errors.clear();
      setDone(true);
      setValue('');
      setNote('');
      void qc.invalidateQueries({ queryKey: ['kpis'] });
    },
    onError: errors.fromApi,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const problems: Record<string, string> = {};
    if (Number.isNaN(parseDecimal(value))) problems['ka-value'] = t('kpis.form.needNumber');
    if (note.trim().length < 2) problems['ka-sourceNote'] = t('kpis.actualForm.needSource');
    if (Object.keys(problems).length > 0) {
      errors.show(problems);
      return;
    }
    save.mutate();
  };
  return (
    <form className="card" aria-labelledby={`${id}-h`} onSubmit={submit} noValidate>
      <h2 id={`${id}-h`}>{t('kpis.actualForm.title', { year })}</h2>
      <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
      <UnitSelect id="ka-unitId" units={units} value={unitId} error={errors.fields['ka-unitId']} onChange={setUnitId} />
      <TextField
        id="ka-value"
        label={t('kpis.actual')}
        inputMode="decimal"
        value={value}
        error={errors.fields['ka-value']}
        onChange={(e) => setValue(e.target.value)}
      />
      <TextArea
        id="ka-sourceNote"
        label={t('kpis.actualForm.source')}
        rows={2}
        value={note}
        error={errors.fields['ka-sourceNote']}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button" disabled={save.isPending}>
        {t('kpis.actualForm.save')}
      </button>
      <p aria-live="polite" className="small">
        {done ? t('kpis.saved') : ''}
      </p>
    </form>
  );
}
