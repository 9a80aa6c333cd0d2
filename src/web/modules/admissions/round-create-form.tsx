import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineInput } from '../../../shared/admissions.schema.ts';
import { useMe } from '../../lib/session.ts';
import { FormStatus } from '../../ui/error-alert.tsx';
import { TextField } from '../../ui/form-fields.tsx';
import { useCommunes, useCreateRound } from './admissions-api.ts';
import { DateTimeField } from './date-time-field.tsx';
import { fieldErrors } from './field-errors.ts';
import { defaultRules } from './round-defaults.ts';
import { currentSchoolYear, LEVELS, TIMELINE_FIELDS } from './round-labels.ts';

type Level = (typeof LEVELS)[number];
const REQUIRED = TIMELINE_FIELDS.filter((f) => f.required).map((f) => f.key);

/**
 * A new round as a draft: code, name, level, school year, the unit that runs it and the dates
 * that every round needs. Schools, catchments, priority groups and rules follow on the round's
 * page. Grades 1 and 6 are run by a commune (since 07/2025), grade 10 by the Sở.
 */
export function RoundCreateForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const create = useCreateRound();
  const communes = useCommunes();
  const [level, setLevel] = useState<Level>(1);
  const [times, setTimes] = useState<Record<string, string | null | 'invalid'>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const errors = fieldErrors(create.error);
  const grantUnits = [...new Map(me.grants.map((g) => [g.unitId, g.unitName])).entries()];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = REQUIRED.filter((k) => !times[k] || times[k] === 'invalid');
    if (missing.length > 0) {
      setProblem(
        t('admissions.create.needDates', { fields: missing.map((k) => t(`admissions.timeline.${k}`)).join(', ') }),
      );
      return;
    }
    setProblem(null);
    const data = new FormData(event.currentTarget);
    create.mutate(
      {
        code: String(data.get('code') ?? ''),
        name: String(data.get('name') ?? ''),
        level,
        schoolYear: String(data.get('schoolYear') ?? ''),
        runningUnitId: String(data.get('runningUnitId') ?? ''),
        timeline: Object.fromEntries(REQUIRED.map((k) => [k, times[k]])) as TimelineInput,
        rules: defaultRules(level),
        priorityGroups: [],
      },
      { onSuccess: (round) => onCreated(round.id) },
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="fieldset">
        <legend>{t('admissions.field.level')}</legend>
        {LEVELS.map((l) => (
          <div className="checkbox" key={l}>
            <input
              type="radio"
              id={`create-level-${l}`}
              name="level"
              value={l}
              checked={level === l}
              onChange={() => setLevel(l)}
            />
            <label htmlFor={`create-level-${l}`}>{t('admissions.levelName', { level: l })}</label>
          </div>
        ))}
        <p className="hint">{t(level === 10 ? 'admissions.create.unitGrade10' : 'admissions.create.unitGrade16')}</p>
      </fieldset>
      <TextField
        id="create-code"
        name="code"
        label={t('admissions.field.code')}
        hint={t('admissions.field.codeHint')}
        autoCapitalize="characters"
        error={errors.code}
      />
      <TextField id="create-name" name="name" label={t('admissions.field.name')} error={errors.name} />
      <TextField
        id="create-year"
        name="schoolYear"
        label={t('admissions.field.schoolYear')}
        defaultValue={currentSchoolYear()}
        error={errors.schoolYear}
      />
      <div className="field">
        <label htmlFor="create-unit">{t('admissions.field.runningUnit')}</label>
        <select
          id="create-unit"
          name="runningUnitId"
          aria-invalid={errors.runningUnitId ? true : undefined}
          aria-describedby={errors.runningUnitId ? 'create-unit-error' : undefined}
        >
          <optgroup label={t('admissions.create.yourUnits')}>
            {grantUnits.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </optgroup>
          {level !== 10 && communes.data && (
            <optgroup label={t('admissions.create.communes')}>
              {communes.data
                .filter((c) => c.active && !grantUnits.some(([id]) => id === c.id))
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
            </optgroup>
          )}
        </select>
        {errors.runningUnitId && (
          <p id="create-unit-error" className="field-error">
            {errors.runningUnitId}
          </p>
        )}
      </div>
      {REQUIRED.map((key) => (
        <DateTimeField
          key={key}
          id={`create-${key}`}
          legend={t(`admissions.timeline.${key}`)}
          defaultValue={null}
          required
          error={errors[`timeline.${key}`]}
          onChange={(value) => setTimes((prev) => ({ ...prev, [key]: value }))}
        />
      ))}
      <FormStatus error={create.error} problem={problem} />
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {t('admissions.create.submit')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
