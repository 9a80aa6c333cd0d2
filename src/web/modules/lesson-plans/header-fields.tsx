import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../ui/form-fields.tsx';
import { type Errors, ItemList } from './fields.tsx';
import type { LessonPlan, Reference } from './lesson-plans-api.ts';
import { fieldId } from './plan-edit.ts';

type Header = LessonPlan['header'];

/** The grades in which a subject is taught (2018 curriculum, from the library's reference data). */
export function gradesOf(ref: Reference | undefined, code: string): number[] {
  const s = ref?.subjects.find((x) => x.code === code);
  return [...new Set(s?.levels.flatMap((l) => l.grades) ?? [])].sort((a, b) => a - b);
}

interface Props {
  header: Header;
  reference: Reference | undefined;
  errors: Errors;
  onChange: (header: Header) => void;
}

function Input({
  path,
  label,
  errors,
  ...input
}: { path: string; label: string; errors: Errors } & InputHTMLAttributes<HTMLInputElement>) {
  const id = fieldId(path);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={errors[id] ? true : undefined}
        aria-describedby={errors[id] ? `${id}-error` : undefined}
        {...input}
      />
      <FieldError id={id} error={errors[id]} />
    </div>
  );
}

/** The plan's header: school and department, subject and grade, title, periods, teachers, textbook series. */
export function HeaderFields({ header, reference, errors, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<Header>) => onChange({ ...header, ...patch });
  const grades = gradesOf(reference, header.subject.code);
  const subjectId = fieldId('header.subject.code');
  const gradeId = fieldId('header.grade');
  const seriesId = fieldId('header.series.code');
  return (
    <fieldset className="fieldset lp-grid">
      <legend>{t('lessonPlans.editor.header')}</legend>
      <Input
        path="header.title"
        label={t('lessonPlans.editor.titleField')}
        errors={errors}
        value={header.title}
        onChange={(e) => set({ title: e.target.value })}
      />
      <div className="field">
        <label htmlFor={subjectId}>{t('lessonPlans.editor.subject')}</label>
        <select
          id={subjectId}
          value={header.subject.code}
          aria-invalid={errors[subjectId] ? true : undefined}
          aria-describedby={errors[subjectId] ? `${subjectId}-error` : undefined}
          onChange={(e) => {
            const s = reference?.subjects.find((x) => x.code === e.target.value);
            if (!s) return;
            const next = gradesOf(reference, s.code);
            set({
              subject: { code: s.code, name: s.nameVi },
              grade: next.includes(header.grade) ? header.grade : (next[0] ?? header.grade),
            });
          }}
        >
          {!reference?.subjects.some((s) => s.code === header.subject.code) && (
            <option value={header.subject.code}>{header.subject.name}</option>
          )}
          {reference?.subjects.map((s) => (
            <option key={s.code} value={s.code}>
              {s.nameVi}
            </option>
          ))}
        </select>
        <FieldError id={subjectId} error={errors[subjectId]} />
      </div>
      <div className="field">
        <label htmlFor={gradeId}>{t('lessonPlans.editor.grade')}</label>
        <select
          id={gradeId}
          value={header.grade}
          aria-invalid={errors[gradeId] ? true : undefined}
          aria-describedby={errors[gradeId] ? `${gradeId}-error` : undefined}
          onChange={(e) => set({ grade: Number(e.target.value) })}
        >
          {(grades.includes(header.grade) ? grades : [header.grade, ...grades]).map((g) => (
            <option key={g} value={g}>
              {t('lessonPlans.gradeN', { n: g })}
            </option>
          ))}
        </select>
        <FieldError id={gradeId} error={errors[gradeId]} />
      </div>
      <Input
        path="header.periods"
        label={t('lessonPlans.editor.periods')}
        errors={errors}
        type="number"
        inputMode="numeric"
        min={1}
        max={30}
        value={header.periods}
        onChange={(e) => set({ periods: Number(e.target.value) || 1 })}
      />
      <div className="field">
        <label htmlFor={seriesId}>{t('lessonPlans.editor.series')}</label>
        <select
          id={seriesId}
          value={header.series?.code ?? ''}
          onChange={(e) => {
            const s = reference?.series.find((x) => x.code === e.target.value);
            set({ series: s ? { code: s.code, name: s.nameVi } : null });
          }}
        >
          <option value="">{t('lessonPlans.editor.noSeries')}</option>
          {reference?.series.map((s) => (
            <option key={s.code} value={s.code}>
              {s.nameVi}
            </option>
          ))}
        </select>
        <FieldError id={seriesId} error={errors[seriesId]} />
      </div>
      <Input
        path="header.school"
        label={t('lessonPlans.editor.school')}
        errors={errors}
        value={header.school}
        onChange={(e) => set({ school: e.target.value })}
      />
      <Input
        path="header.department"
        label={t('lessonPlans.editor.department')}
        errors={errors}
        value={header.department ?? ''}
        placeholder={t('lessonPlans.editor.departmentPlaceholder')}
        onChange={(e) => set({ department: e.target.value.trim() === '' ? null : e.target.value })}
      />
      <div className="lp-span">
        <ItemList
          path="header.teachers"
          legend={t('lessonPlans.editor.teachers')}
          items={header.teachers}
          min={1}
          short
          errors={errors}
          onChange={(teachers) => set({ teachers })}
        />
      </div>
    </fieldset>
  );
}
