import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { FieldError, TextField } from '../../ui/form-fields.tsx';
import { type Fonds, updateFonds } from './archive-api.ts';
import { useArchiveFormErrors } from './form-errors.ts';

const year = (text: string): number | string => (/^\d{4}$/.test(text.trim()) ? Number(text) : text.trim());

/**
 * Renames, describes or closes one fonds (its identifier, unit and start year are fixed), on the
 * fonds page. The form opens inside the fonds' card; a save made on an older version than the
 * server's is refused and the archivist reloads. Errors sit beside their fields and in the summary.
 */
export function FondsEditForm({ fonds, onDone }: { fonds: Fonds; onDone: (saved: Fonds | null) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const ids = useMemo(
    () => ({
      name: `fe-${fonds.id}-name`,
      endYear: `fe-${fonds.id}-end`,
      description: `fe-${fonds.id}-description`,
    }),
    [fonds.id],
  );
  const labels = useMemo(
    () => ({
      [ids.name]: 'archive.fonds.name',
      [ids.endYear]: 'archive.fonds.endYear',
      [ids.description]: 'archive.fonds.description',
    }),
    [ids],
  );
  const fieldOfPath = useMemo(
    () => (path: string) => {
      const head = path.split('.').filter((p) => p !== '' && p !== 'body')[0];
      return head && Object.hasOwn(ids, head) ? ids[head as keyof typeof ids] : null;
    },
    [ids],
  );
  const errors = useArchiveFormErrors(fieldOfPath, labels);
  const e = errors.fields;
  const [name, setName] = useState(fonds.name);
  const [endYear, setEnd] = useState(fonds.endYear === null ? '' : String(fonds.endYear));
  const [description, setDescription] = useState(fonds.description ?? '');
  const [conflict, setConflict] = useState(false);

  // Opening the form takes the archivist to its first field.
  useEffect(() => document.getElementById(ids.name)?.focus(), [ids.name]);

  const save = useMutation({
    mutationFn: () =>
      updateFonds(fonds.id, {
        name,
        endYear: endYear.trim() ? year(endYear) : null,
        description: description.trim() || null,
        version: fonds.version,
      }),
    onSuccess: (saved) => {
      errors.clear();
      void qc.invalidateQueries({ queryKey: ['archive-fonds'] });
      onDone(saved);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'resource.stale') {
        setConflict(true);
        errors.show({}, t('archive.fonds.conflict'));
        return;
      }
      errors.fromApi(err);
    },
  });

  function submit(ev: FormEvent) {
    ev.preventDefault();
    if (endYear.trim() && !/^\d{4}$/.test(endYear.trim())) {
      errors.fromClient({ [ids.endYear]: 'archive.fonds.badYear' });
      return;
    }
    save.mutate();
  }

  return (
    <form className="arc-form arc-fonds-edit" noValidate onSubmit={submit}>
      <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
      {conflict && (
        <div className="actions">
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              void qc.invalidateQueries({ queryKey: ['archive-fonds'] });
              onDone(null);
            }}
          >
            {t('archive.form.reload')}
          </button>
        </div>
      )}
      <TextField
        id={ids.name}
        label={t('archive.fonds.name')}
        value={name}
        maxLength={300}
        error={e[ids.name]}
        onChange={(ev) => setName(ev.target.value)}
      />
      <TextField
        id={ids.endYear}
        label={t('archive.fonds.endYear')}
        hint={t('archive.fonds.closeHint', { start: fonds.startYear })}
        inputMode="numeric"
        maxLength={4}
        value={endYear}
        error={e[ids.endYear]}
        onChange={(ev) => setEnd(ev.target.value)}
      />
      <div className="field">
        <label htmlFor={ids.description}>{t('archive.fonds.description')}</label>
        <textarea
          id={ids.description}
          rows={3}
          maxLength={4000}
          value={description}
          aria-invalid={e[ids.description] ? true : undefined}
          aria-describedby={e[ids.description] ? `${ids.description}-error` : undefined}
          onChange={(ev) => setDescription(ev.target.value)}
        />
        <FieldError id={ids.description} error={e[ids.description]} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('archive.form.saving') : t('archive.form.save')}
        </button>
        <button type="button" className="button secondary" onClick={() => onDone(null)}>
          {t('archive.form.cancel')}
        </button>
      </div>
    </form>
  );
}
