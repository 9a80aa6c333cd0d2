import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormStatus } from '../../ui/error-alert.tsx';
import { TextField } from '../../ui/form-fields.tsx';
import { gradesOf } from './header-fields.tsx';
import { useCreatePlan, useReference } from './lesson-plans-api.ts';

/**
 * A new plan: subject, grade, title and periods give the empty frame of CV 5512 (the school and
 * the teacher are filled in by the server); or the synthetic sample plan as a starting point.
 */
export function CreatePlanForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const reference = useReference();
  const create = useCreatePlan();
  const [subject, setSubject] = useState('');
  const [grade, setGrade] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const grades = gradesOf(reference.data, subject);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const s = reference.data?.subjects.find((x) => x.code === subject);
    const title = String(data.get('title') ?? '').trim();
    if (!s || grade === null || title.length < 2) {
      setProblem(t('lessonPlans.create.needFields'));
      return;
    }
    setProblem(null);
    create.mutate(
      {
        from: 'empty',
        header: {
          subject: { code: s.code, name: s.nameVi },
          grade,
          title,
          periods: Number(data.get('periods') ?? 1) || 1,
        },
      },
      { onSuccess: (plan) => onCreated(plan.id) },
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="lp-create-title">
      <h2 id="lp-create-title">{t('lessonPlans.create.title')}</h2>
      <div className="lp-grid">
        <div className="field">
          <label htmlFor="lp-create-subject">{t('lessonPlans.editor.subject')}</label>
          <select
            id="lp-create-subject"
            value={subject}
            onChange={(e) => {
              setSubject(e.target.value);
              const next = gradesOf(reference.data, e.target.value);
              setGrade(grade !== null && next.includes(grade) ? grade : (next[0] ?? null));
            }}
          >
            <option value="">{t('lessonPlans.create.chooseSubject')}</option>
            {reference.data?.subjects.map((s) => (
              <option key={s.code} value={s.code}>
                {s.nameVi}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="lp-create-grade">{t('lessonPlans.editor.grade')}</label>
          <select
            id="lp-create-grade"
            value={grade ?? ''}
            disabled={grades.length === 0}
            onChange={(e) => setGrade(Number(e.target.value))}
          >
            {grades.length === 0 && <option value="">{t('lessonPlans.create.gradeFirst')}</option>}
            {grades.map((g) => (
              <option key={g} value={g}>
                {t('lessonPlans.gradeN', { n: g })}
              </option>
            ))}
          </select>
        </div>
        <div className="lp-span">
          <TextField
            id="lp-create-title-field"
            name="title"
            label={t('lessonPlans.editor.titleField')}
            hint={t('lessonPlans.create.titleHint')}
            maxLength={300}
          />
        </div>
        <TextField
          id="lp-create-periods"
          name="periods"
          type="number"
          inputMode="numeric"
          min={1}
          max={30}
          defaultValue={1}
          label={t('lessonPlans.editor.periods')}
        />
      </div>
      <FormStatus problem={problem} error={create.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {t('lessonPlans.create.submit')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={create.isPending}
          onClick={() => create.mutate({ from: 'sample' }, { onSuccess: (plan) => onCreated(plan.id) })}
        >
          {t('lessonPlans.create.sample')}
        </button>
      </div>
      <p className="hint">{t('lessonPlans.create.sampleHint')}</p>
    </form>
  );
}
