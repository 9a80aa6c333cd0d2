import { useTranslation } from 'react-i18next';
import type { LibraryLevel, Reference } from '../../../shared/library.schema.ts';
import type { FieldErrors } from '../../ui/error-summary.tsx';
import { FieldError, Select, TextField } from '../../ui/form-fields.tsx';
import {
  FIELD_IDS as F,
  gradesFor,
  LEVELS,
  type MetadataDraft,
  subjectsFor,
  VISIBILITIES,
  withLevels,
} from './metadata-form.ts';

interface Props {
  draft: MetadataDraft;
  onChange: (next: MetadataDraft) => void;
  reference: Reference | undefined;
  errors: FieldErrors;
}

const describedBy = (id: string, hint: boolean, errors: FieldErrors) =>
  [hint ? `${id}-hint` : null, errors[id] ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

/**
 * The metadata of a resource (Dublin Core and the curriculum): title, description, levels, the
 * grades and subjects of those levels (GDPT 2018, from /api/library/reference), textbook series,
 * topic, keywords, authors, language, licence, visibility. Errors sit beside their fields.
 */
export function MetadataFields({ draft, onChange, reference, errors }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.resolvedLanguage === 'en';
  const set = <K extends keyof MetadataDraft>(key: K, value: MetadataDraft[K]) => onChange({ ...draft, [key]: value });
  const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
    on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
  const grades = gradesFor(draft.levels);
  const subjects = subjectsFor(reference, draft.levels);

  return (
    <>
      <TextField
        id={F.title}
        label={t('library.form.title')}
        value={draft.title}
        maxLength={300}
        autoComplete="off"
        error={errors[F.title]}
        onChange={(e) => set('title', e.target.value)}
      />
      <div className="field">
        <label htmlFor={F.description}>{t('library.form.description')}</label>
        <textarea
          id={F.description}
          rows={4}
          maxLength={5000}
          value={draft.description}
          aria-invalid={errors[F.description] ? true : undefined}
          aria-describedby={describedBy(F.description, false, errors)}
          onChange={(e) => set('description', e.target.value)}
        />
        <FieldError id={F.description} error={errors[F.description]} />
      </div>
      <Checkboxes
        id={F.levels}
        legend={t('library.form.levels')}
        hint={t('library.form.levelsHint')}
        error={errors[F.levels]}
        options={LEVELS.map((l) => ({ value: l, label: t(`library.levels.${l}`) }))}
        checked={(l) => draft.levels.includes(l)}
        onToggle={(l, on) => onChange(withLevels(draft, toggle<LibraryLevel>(draft.levels, l, on), reference))}
      />
      <Checkboxes
        id={F.grades}
        legend={t('library.form.grades')}
        hint={grades.length === 0 ? t('library.form.chooseLevelFirst') : undefined}
        error={errors[F.grades]}
        inline
        options={grades.map((g) => ({ value: g, label: t('library.gradeN', { n: g }) }))}
        checked={(g) => draft.grades.includes(g)}
        onToggle={(g, on) => set('grades', toggle(draft.grades, g, on))}
      />
      <Checkboxes
        id={F.subjects}
        legend={t('library.form.subjects')}
        hint={subjects.length === 0 ? t('library.form.chooseLevelFirst') : t('library.form.subjectsHint')}
        error={errors[F.subjects]}
        options={subjects.map((s) => ({ value: s.code, label: en ? s.nameEn : s.nameVi }))}
        checked={(s) => draft.subjects.includes(s)}
        onToggle={(s, on) => set('subjects', toggle(draft.subjects, s, on))}
      />
      <Select
        id={F.seriesCode}
        label={t('library.form.series')}
        value={draft.seriesCode}
        error={errors[F.seriesCode]}
        onChange={(v) => set('seriesCode', v)}
      >
        <option value="">{t('library.form.noSeries')}</option>
        {reference?.series.map((s) => (
          <option key={s.code} value={s.code}>
            {s.nameVi}
          </option>
        ))}
      </Select>
      <TextField
        id={F.topic}
        label={t('library.form.topic')}
        value={draft.topic}
        maxLength={300}
        error={errors[F.topic]}
        onChange={(e) => set('topic', e.target.value)}
      />
      <TextField
        id={F.keywords}
        label={t('library.form.keywords')}
        hint={t('library.form.keywordsHint')}
        value={draft.keywords}
        error={errors[F.keywords]}
        onChange={(e) => set('keywords', e.target.value)}
      />
      <div className="field">
        <label htmlFor={F.authors}>{t('library.form.authors')}</label>
        <p id={`${F.authors}-hint`} className="hint field-hint">
          {t('library.form.authorsHint')}
        </p>
        <textarea
          id={F.authors}
          rows={2}
          value={draft.authors}
          aria-invalid={errors[F.authors] ? true : undefined}
          aria-describedby={describedBy(F.authors, true, errors)}
          onChange={(e) => set('authors', e.target.value)}
        />
        <FieldError id={F.authors} error={errors[F.authors]} />
      </div>
      <Select
        id={F.languageCode}
        label={t('library.form.language')}
        value={draft.languageCode}
        error={errors[F.languageCode]}
        onChange={(v) => set('languageCode', v)}
      >
        {(reference?.languages ?? [{ code: 'vi', nameVi: 'Tiếng Việt', nameEn: 'Vietnamese' }]).map((l) => (
          <option key={l.code} value={l.code}>
            {en ? l.nameEn : l.nameVi}
          </option>
        ))}
      </Select>
      <Select
        id={F.licenceCode}
        label={t('library.form.licence')}
        hint={t('library.form.licenceHint')}
        value={draft.licenceCode}
        error={errors[F.licenceCode]}
        onChange={(v) => set('licenceCode', v)}
      >
        <option value="">{t('library.form.chooseLicence')}</option>
        {reference?.licences.map((l) => (
          <option key={l.code} value={l.code}>
            {en ? l.nameEn : l.nameVi}
          </option>
        ))}
      </Select>
      <fieldset
        id={F.visibility}
        tabIndex={-1}
        className="fieldset"
        aria-describedby={describedBy(F.visibility, false, errors)}
      >
        <legend>{t('library.form.visibility')}</legend>
        {VISIBILITIES.map((v) => (
          <div className="checkbox" key={v}>
            <input
              id={`${F.visibility}-${v}`}
              type="radio"
              name="visibility"
              value={v}
              checked={draft.visibility === v}
              onChange={() => set('visibility', v)}
              aria-describedby={`${F.visibility}-${v}-hint`}
            />
            <label htmlFor={`${F.visibility}-${v}`}>
              {t(`library.visibility.${v}`)}
              <span id={`${F.visibility}-${v}-hint`} className="hint block">
                {t(`library.visibility.${v}Hint`)}
              </span>
            </label>
          </div>
        ))}
        <FieldError id={F.visibility} error={errors[F.visibility]} />
      </fieldset>
    </>
  );
}

function Checkboxes<T extends string | number>(props: {
  id: string;
  legend: string;
  hint?: string | undefined;
  error: string | undefined;
  inline?: boolean;
  options: { value: T; label: string }[];
  checked: (value: T) => boolean;
  onToggle: (value: T, on: boolean) => void;
}) {
  const { id, legend, hint, error, inline, options, checked, onToggle } = props;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={id} tabIndex={-1} className="fieldset" aria-describedby={described}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="hint field-hint">
          {hint}
        </p>
      )}
      {options.length > 0 && (
        <div className={inline ? 'lib-choices lib-choices-inline' : 'lib-choices'}>
          {options.map((o) => (
            <div className="checkbox" key={o.value}>
              <input
                id={`${id}-${o.value}`}
                type="checkbox"
                checked={checked(o.value)}
                onChange={(e) => onToggle(o.value, e.target.checked)}
              />
              <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </div>
      )}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
