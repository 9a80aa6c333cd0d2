import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../ui/date-input.tsx';
import { joinInstant, parseTime, splitInstant } from './date-time.ts';

interface Props {
  id: string;
  legend: string;
  /** The instant shown first (ISO with offset), or null. */
  defaultValue: string | null;
  required?: boolean;
  /** A message from the server for this field. */
  error?: string | undefined;
  /** The instant typed (ISO, +07:00), null when blank, or 'invalid' while the day is not a date. */
  onChange: (value: string | null | 'invalid') => void;
}

/**
 * One moment of a round's timeline: the day typed dd/mm/yyyy (DateInput) and the time of day
 * (24-hour), both in Vietnam's time, grouped under the moment's name.
 */
export function DateTimeField({ id, legend, defaultValue, required, error, onChange }: Props) {
  const { t } = useTranslation();
  const first = splitInstant(defaultValue);
  const [date, setDate] = useState<string | null>(first.date);
  const [time, setTime] = useState(first.time);
  const emit = (d: string | null, tm: string) => onChange(d === null ? 'invalid' : joinInstant(d, tm));
  // A day without a time is read as 00:00; a time that is not one makes the field invalid.
  const errorId = `${id}-server-error`;
  const timeBad = parseTime(time) === null;

  return (
    <fieldset className="fieldset" aria-describedby={error ? errorId : undefined}>
      <legend>
        {legend}
        {required ? '' : ` (${t('admissions.optional')})`}
      </legend>
      <div className="filters">
        <DateInput
          id={`${id}-date`}
          label={t('admissions.day')}
          defaultValue={first.date || null}
          onValueChange={(d) => {
            setDate(d);
            emit(d, time);
          }}
        />
        <div className="field">
          <label htmlFor={`${id}-time`}>{t('admissions.time')}</label>
          <p id={`${id}-time-hint`} className="hint field-hint">
            {t('admissions.timeHint')}
          </p>
          <input
            id={`${id}-time`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="HH:mm"
            value={time}
            aria-invalid={timeBad || undefined}
            aria-describedby={timeBad ? `${id}-time-hint ${id}-time-error` : `${id}-time-hint`}
            onChange={(e) => {
              setTime(e.target.value);
              const parsed = parseTime(e.target.value);
              emit(parsed === null ? null : date, parsed ?? '');
            }}
          />
          <p id={`${id}-time-error`} className="field-error" aria-live="polite">
            {timeBad ? t('admissions.timeInvalid') : ''}
          </p>
        </div>
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
