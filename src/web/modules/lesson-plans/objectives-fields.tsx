import { useTranslation } from 'react-i18next';
import { type Errors, ItemList } from './fields.tsx';
import type { LessonPlan } from './lesson-plans-api.ts';

type Objectives = LessonPlan['objectives'];
type Materials = LessonPlan['materials'];

/** I. Mục tiêu: knowledge, general and subject-specific competences, qualities. */
export function ObjectivesFields({
  objectives,
  errors,
  onChange,
}: {
  objectives: Objectives;
  errors: Errors;
  onChange: (o: Objectives) => void;
}) {
  const { t } = useTranslation();
  const general = objectives.competences.general;
  const setGeneral = (key: keyof typeof general, items: string[]) =>
    onChange({ ...objectives, competences: { ...objectives.competences, general: { ...general, [key]: items } } });
  return (
    <section className="lp-section" aria-labelledby="lp-objectives-title">
      <h2 id="lp-objectives-title">{t('lessonPlans.editor.objectives')}</h2>
      <ItemList
        path="objectives.knowledge"
        legend={t('lessonPlans.editor.knowledge')}
        hint={t('lessonPlans.editor.knowledgeHint')}
        items={objectives.knowledge}
        errors={errors}
        onChange={(knowledge) => onChange({ ...objectives, knowledge })}
      />
      <fieldset className="fieldset">
        <legend>{t('lessonPlans.editor.competences')}</legend>
        {(['selfStudy', 'communication', 'problemSolving'] as const).map((key) => (
          <ItemList
            key={key}
            path={`objectives.competences.general.${key}`}
            legend={t(`lessonPlans.editor.general.${key}`)}
            items={general[key]}
            errors={errors}
            onChange={(items) => setGeneral(key, items)}
          />
        ))}
        <ItemList
          path="objectives.competences.specific"
          legend={t('lessonPlans.editor.specific')}
          hint={t('lessonPlans.editor.specificHint')}
          items={objectives.competences.specific}
          errors={errors}
          onChange={(specific) => onChange({ ...objectives, competences: { ...objectives.competences, specific } })}
        />
      </fieldset>
      <ItemList
        path="objectives.qualities"
        legend={t('lessonPlans.editor.qualities')}
        hint={t('lessonPlans.editor.qualitiesHint')}
        items={objectives.qualities}
        errors={errors}
        onChange={(qualities) => onChange({ ...objectives, qualities })}
      />
    </section>
  );
}

/** II. Thiết bị dạy học và học liệu: what the teacher brings, what the students prepare. */
export function MaterialsFields({
  materials,
  errors,
  onChange,
}: {
  materials: Materials;
  errors: Errors;
  onChange: (m: Materials) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="lp-section" aria-labelledby="lp-materials-title">
      <h2 id="lp-materials-title">{t('lessonPlans.editor.materials')}</h2>
      <ItemList
        path="materials.teacher"
        legend={t('lessonPlans.editor.teacherMaterials')}
        items={materials.teacher}
        errors={errors}
        onChange={(teacher) => onChange({ ...materials, teacher })}
      />
      <ItemList
        path="materials.students"
        legend={t('lessonPlans.editor.studentMaterials')}
        items={materials.students}
        errors={errors}
        onChange={(students) => onChange({ ...materials, students })}
      />
    </section>
  );
}
