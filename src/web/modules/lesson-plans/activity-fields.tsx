import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_STAGE_LABELS,
  ACTIVITY_STAGES,
  type ActivityStage,
  ORGANISATION_STEPS,
} from '../../../shared/lesson-plan.schema.ts';
import { FieldError } from '../../ui/form-fields.tsx';
import { AreaField, type Errors } from './fields.tsx';
import type { LessonPlan } from './lesson-plans-api.ts';
import { activityNumbers, fieldId, moved, newActivity } from './plan-edit.ts';

type Activity = LessonPlan['activities'][number];

/** III. Tiến trình dạy học: the activities in order, each with a)–d) and the four steps of d). */
export function ActivitiesFields({
  activities,
  errors,
  onChange,
}: {
  activities: Activity[];
  errors: Errors;
  onChange: (a: Activity[]) => void;
}) {
  const { t } = useTranslation();
  const numbers = activityNumbers(activities);
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  return (
    <section className="lp-section" aria-labelledby="lp-activities-title">
      <h2 id="lp-activities-title">{t('lessonPlans.editor.activities')}</h2>
      <FieldError id={fieldId('activities')} error={errors[fieldId('activities')]} />
      {activities.map((a, i) => (
        <ActivityFieldset
          // biome-ignore lint/suspicious/noArrayIndexKey: activities have no id; their position is what the paths use
          key={i}
          index={i}
          number={numbers[i]!}
          activity={a}
          count={activities.length}
          errors={errors}
          onChange={(next) => onChange(activities.map((x, k) => (k === i ? next : x)))}
          onMove={(delta) => {
            onChange(moved(activities, i, delta));
            focusLater(`lp-activity-${i + delta}-${delta < 0 ? 'up' : 'down'}`);
          }}
          onRemove={() => {
            onChange(activities.filter((_, k) => k !== i));
            focusLater('lp-add-activity');
          }}
        />
      ))}
      <div>
        <button
          type="button"
          id="lp-add-activity"
          className="button secondary"
          disabled={activities.length >= 20}
          onClick={() => {
            const stage = activities.at(-1)?.stage ?? 'opening';
            onChange([...activities, newActivity(stage)]);
            focusLater(fieldId(`activities.${activities.length}.name`));
          }}
        >
          {t('lessonPlans.editor.addActivity')}
        </button>
      </div>
    </section>
  );
}

interface Props {
  index: number;
  number: string;
  activity: Activity;
  count: number;
  errors: Errors;
  onChange: (a: Activity) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

function ActivityFieldset({ index, number, activity: a, count, errors, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const p = (field: string) => `activities.${index}.${field}`;
  const stageId = fieldId(p('stage'));
  const nameId = fieldId(p('name'));
  const minutesId = fieldId(p('minutes'));
  const set = (patch: Partial<Activity>) => onChange({ ...a, ...patch });
  const title = t('lessonPlans.editor.activity', { n: number });
  return (
    <fieldset className="fieldset lp-activity">
      <legend>
        {title}: {a.name}
      </legend>
      <div className="lp-grid">
        <div className="field">
          <label htmlFor={stageId}>{t('lessonPlans.editor.stage')}</label>
          <select
            id={stageId}
            value={a.stage}
            onChange={(e) => {
              const stage = e.target.value as ActivityStage;
              // A name still the old stage's default follows the new stage.
              const renamed = a.name === ACTIVITY_STAGE_LABELS[a.stage] ? ACTIVITY_STAGE_LABELS[stage] : a.name;
              set({ stage, name: renamed });
            }}
          >
            {ACTIVITY_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`lessonPlans.stages.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={minutesId}>{t('lessonPlans.editor.minutes')}</label>
          <input
            id={minutesId}
            type="number"
            inputMode="numeric"
            min={1}
            max={600}
            value={a.minutes ?? ''}
            aria-invalid={errors[minutesId] ? true : undefined}
            aria-describedby={errors[minutesId] ? `${minutesId}-error` : undefined}
            onChange={(e) => set({ minutes: e.target.value === '' ? null : Number(e.target.value) })}
          />
          <FieldError id={minutesId} error={errors[minutesId]} />
        </div>
        <div className="field lp-span">
          <label htmlFor={nameId}>{t('lessonPlans.editor.name')}</label>
          <input
            id={nameId}
            value={a.name}
            aria-invalid={errors[nameId] ? true : undefined}
            aria-describedby={errors[nameId] ? `${nameId}-error` : undefined}
            onChange={(e) => set({ name: e.target.value })}
          />
          <FieldError id={nameId} error={errors[nameId]} />
        </div>
      </div>
      <AreaField
        path={p('objective')}
        label={t('lessonPlans.editor.objective')}
        value={a.objective}
        errors={errors}
        onChange={(objective) => set({ objective })}
      />
      <AreaField
        path={p('content')}
        label={t('lessonPlans.editor.content')}
        value={a.content}
        errors={errors}
        onChange={(content) => set({ content })}
      />
      <AreaField
        path={p('product')}
        label={t('lessonPlans.editor.product')}
        value={a.product}
        errors={errors}
        onChange={(product) => set({ product })}
      />
      <fieldset className="fieldset">
        <legend>{t('lessonPlans.editor.organisation')}</legend>
        {ORGANISATION_STEPS.map((step) => (
          <AreaField
            key={step}
            path={p(`organisation.${step}`)}
            label={t(`lessonPlans.steps.${step}`)}
            value={a.organisation[step]}
            errors={errors}
            onChange={(text) => set({ organisation: { ...a.organisation, [step]: text } })}
          />
        ))}
      </fieldset>
      <div className="actions">
        <button
          type="button"
          id={`lp-activity-${index}-up`}
          className="button secondary"
          disabled={index === 0}
          aria-label={t('lessonPlans.editor.moveUp', { n: number })}
          onClick={() => onMove(-1)}
        >
          ↑ {t('lessonPlans.editor.up')}
        </button>
        <button
          type="button"
          id={`lp-activity-${index}-down`}
          className="button secondary"
          disabled={index === count - 1}
          aria-label={t('lessonPlans.editor.moveDown', { n: number })}
          onClick={() => onMove(1)}
        >
          ↓ {t('lessonPlans.editor.down')}
        </button>
        <button
          type="button"
          className="link-button"
          disabled={count <= 1}
          aria-label={t('lessonPlans.editor.removeActivity', { n: number })}
          onClick={onRemove}
        >
          {t('lessonPlans.editor.removeActivityShort')}
        </button>
      </div>
    </fieldset>
  );
}
