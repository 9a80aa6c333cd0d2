import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { DateInput } from '../../ui/date-input.tsx';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { FieldError, TextField } from '../../ui/form-fields.tsx';
import { type HolidayDay, useSaveHoliday } from './dossiers-admin-api.ts';
import { weekdayOf } from './holiday-days.ts';

type Kind = HolidayDay['kind'];
const KINDS: readonly Kind[] = ['holiday', 'working_day'];

interface Props {
  /** The entry edited; none to add a day. */
  entry: HolidayDay | null;
  /** Days already in the calendar (of the year shown): a new entry may not overwrite one. */
  taken: ReadonlySet<string>;
  onSaved: (day: string) => void;
  onCancel: () => void;
}

const FIELD_OF: Record<string, string> = {
  'params.day': 'holiday-day',
  'body.nameVi': 'holiday-nameVi',
  'body.nameEn': 'holiday-nameEn',
  'body.kind': 'holiday-kind',
};

/** Adds or edits one day of the calendar: a day off, or a weekend day worked ("ngày làm bù"). */
export function HolidayForm({ entry, taken, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const save = useSaveHoliday();
  const errors = useFormErrors();
  const [day, setDay] = useState<string | null>(entry?.day ?? '');
  const [nameVi, setNameVi] = useState(entry?.name.vi ?? '');
  const [nameEn, setNameEn] = useState(entry?.name.en ?? '');
  const [kind, setKind] = useState<Kind>(entry?.kind ?? 'holiday');
  const title = useRef<HTMLHeadingElement>(null);

  useEffect(() => title.current?.focus(), []);

  const weekday = day ? weekdayOf(day) : null;
  const weekend = weekday === 0 || weekday === 6;
  const advice =
    weekday === null
      ? null
      : kind === 'working_day' && !weekend
        ? 'adviceWeekday'
        : kind === 'holiday' && weekend
          ? 'adviceWeekend'
          : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (!form.checkValidity()) {
      form.querySelector<HTMLElement>(':invalid')?.focus();
      return;
    }
    if (!day) {
      errors.show({ 'holiday-day': t('dossiersAdmin.problem.dayRequired') });
      return;
    }
    if (day !== entry?.day && taken.has(day)) {
      errors.show({ 'holiday-day': t('dossiersAdmin.problem.dayTaken', { day: formatDate(day) }) });
      return;
    }
    errors.clear();
    save.mutate(
      { day, body: { nameVi, nameEn, kind }, replaces: entry?.day ?? null },
      {
        onSuccess: (saved) => onSaved(saved.day),
        onError: (error) => {
          const { fields, general } = apiErrors(
            error,
            i18n.resolvedLanguage,
            (path) => FIELD_OF[path] ?? null,
            t('error.generic'),
          );
          errors.show(fields, general);
        },
      },
    );
  }

  const heading = entry
    ? t('dossiersAdmin.holidays.editTitle', { day: formatDate(entry.day) })
    : t('dossiersAdmin.holidays.addTitle');
  return (
    <section aria-labelledby="holiday-form-title" className="card">
      <h2 id="holiday-form-title" ref={title} tabIndex={-1}>
        {heading}
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
        <DateInput
          id="holiday-day"
          label={t('dossiersAdmin.field.day')}
          defaultValue={entry?.day ?? null}
          onValueChange={setDay}
        />
        <FieldError id="holiday-day-server" error={errors.fields['holiday-day']} />
        <fieldset className="fieldset" aria-describedby={advice ? 'holiday-kind-advice' : undefined}>
          <legend>{t('dossiersAdmin.field.kind')}</legend>
          {KINDS.map((k, i) => {
            const id = i === 0 ? 'holiday-kind' : `holiday-kind-${k}`;
            return (
              <div className="checkbox" key={k}>
                <input
                  type="radio"
                  id={id}
                  name="holiday-kind"
                  value={k}
                  checked={kind === k}
                  aria-describedby={`${id}-hint`}
                  onChange={() => setKind(k)}
                />
                <div>
                  <label htmlFor={id}>{t(`dossiersAdmin.kind.${k}`)}</label>
                  <p id={`${id}-hint`} className="hint">
                    {t(`dossiersAdmin.kindHint.${k}`)}
                  </p>
                </div>
              </div>
            );
          })}
          {advice && (
            <p id="holiday-kind-advice" className="notice" aria-live="polite">
              {t(`dossiersAdmin.holidays.${advice}`, { weekday: t(`dossiersAdmin.weekday.${weekday}`) })}
            </p>
          )}
          <FieldError id="holiday-kind" error={errors.fields['holiday-kind']} />
        </fieldset>
        <TextField
          id="holiday-nameVi"
          label={t('dossiersAdmin.field.nameVi')}
          lang="vi"
          value={nameVi}
          error={errors.fields['holiday-nameVi']}
          onChange={(e) => setNameVi(e.target.value)}
        />
        <TextField
          id="holiday-nameEn"
          label={t('dossiersAdmin.field.nameEn')}
          lang="en"
          value={nameEn}
          error={errors.fields['holiday-nameEn']}
          onChange={(e) => setNameEn(e.target.value)}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('dossiersAdmin.holidays.save')}
          </button>
          <button type="button" className="button secondary" onClick={onCancel} disabled={save.isPending}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
