import { type FormEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundCopyResult, RoundSummary } from '../../../shared/admissions.schema.ts';
import { FormStatus } from '../../ui/error-alert.tsx';
import { TextField } from '../../ui/form-fields.tsx';
import { useCopyRound } from './admissions-api.ts';
import { fieldErrors } from './field-errors.ts';
import { nextSchoolYear } from './round-labels.ts';

/**
 * Copies a round into a new draft for a later school year (issue 3: "last year's round can be
 * copied"): schools, seats, catchments, priority groups and rules; the timeline moves by the
 * years between. The server lists what it left out (schools closed or merged since).
 */
export function RoundCopyForm({
  source,
  onCancel,
  onCopied,
}: {
  source: RoundSummary;
  onCancel: () => void;
  onCopied: (id: string, skipped: RoundCopyResult['skipped']) => void;
}) {
  const { t } = useTranslation();
  const copy = useCopyRound();
  const heading = useRef<HTMLHeadingElement>(null);
  const year = nextSchoolYear(source.schoolYear);
  const errors = fieldErrors(copy.error);

  useEffect(() => heading.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    copy.mutate(
      {
        id: source.id,
        code: String(data.get('code') ?? ''),
        name: String(data.get('name') ?? ''),
        schoolYear: String(data.get('schoolYear') ?? ''),
      },
      { onSuccess: (r) => onCopied(r.round.id, r.skipped) },
    );
  }

  return (
    <section aria-labelledby="round-copy-title" className="card">
      <h2 id="round-copy-title" ref={heading} tabIndex={-1}>
        {t('admissions.copy.title', { name: source.name })}
      </h2>
      <p className="hint">{t('admissions.copy.lead')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="copy-code"
          name="code"
          label={t('admissions.field.code')}
          hint={t('admissions.field.codeHint')}
          defaultValue={source.code.replace(source.schoolYear.slice(0, 4), year.slice(0, 4))}
          error={errors.code}
        />
        <TextField
          id="copy-name"
          name="name"
          label={t('admissions.field.name')}
          defaultValue={source.name.replace(source.schoolYear, year)}
          error={errors.name}
        />
        <TextField
          id="copy-year"
          name="schoolYear"
          label={t('admissions.field.schoolYear')}
          defaultValue={year}
          error={errors.schoolYear}
        />
        <FormStatus error={copy.error} />
        <div className="actions">
          <button type="submit" className="button" disabled={copy.isPending}>
            {t('admissions.copy.submit')}
          </button>
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
