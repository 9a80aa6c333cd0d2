import { useTranslation } from 'react-i18next';
import { FieldError } from '../../ui/form-fields.tsx';
import { catchmentSchool, chosenResidence } from './apply-state.ts';
import type { PublicRound } from './public-api.ts';
import type { StepProps } from './steps-child.tsx';

type RoundStepProps = StepProps & { round: PublicRound };

/** A priority group's name in the UI language (English falls back to Vietnamese). */
export function groupName(g: PublicRound['priorityGroups'][number], lang: string | undefined): string {
  return lang === 'en' && g.nameEn ? g.nameEn : g.nameVi;
}

/** Step 5: the round's priority groups, or none. Evidence is uploaded after filing. */
export function PriorityStep({ form, patch, errors, round }: RoundStepProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage;
  return (
    <fieldset className="fieldset" id="ap-priority" tabIndex={-1}>
      <legend>{t('admissionsPublic.priority.question')}</legend>
      <p className="hint">{t('admissionsPublic.priority.hint')}</p>
      <div className="radio-list">
        <label className="ap-radio">
          <input
            type="radio"
            name="ap-priority"
            checked={form.priorityGroup === null}
            onChange={() => patch({ priorityGroup: null })}
          />
          {t('admissionsPublic.priority.none')}
        </label>
        {round.priorityGroups.map((g) => {
          const evidence = lang === 'en' && g.evidenceEn ? g.evidenceEn : g.evidenceVi;
          return (
            <label key={g.code} className="ap-radio">
              <input
                type="radio"
                name="ap-priority"
                checked={form.priorityGroup === g.code}
                onChange={() => patch({ priorityGroup: g.code })}
              />
              <span>
                {groupName(g, lang)}
                {evidence && (
                  <span className="block small muted">
                    {t('admissionsPublic.priority.evidence')}: {evidence}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
      <FieldError id="ap-priority" error={errors['ap-priority']} />
    </fieldset>
  );
}

/** Step 6: ordered wishes (as many as the round allows); the catchment school is named. */
export function WishesStep({ form, patch, errors, round }: RoundStepProps) {
  const { t } = useTranslation();
  const catchment = catchmentSchool(round, chosenResidence(form));
  const catchmentName = round.schools.find((s) => s.schoolId === catchment)?.name;
  const count = round.rules.wishCount;
  const set = (i: number, id: string) => {
    const next = form.wishes.slice(0, count);
    if (id) next[i] = id;
    else next.splice(i);
    patch({ wishes: next.filter(Boolean) });
  };
  return (
    <>
      {round.level !== 10 &&
        (catchmentName ? (
          <p className="alert alert-info">{t('admissionsPublic.wishes.catchment', { school: catchmentName })}</p>
        ) : (
          <p className="alert alert-info">{t('admissionsPublic.wishes.noCatchment')}</p>
        ))}
      <p className="hint">{t('admissionsPublic.wishes.hint', { count })}</p>
      {Array.from({ length: count }, (_, i) => {
        const id = `ap-wish-${i}`;
        return (
          <div className="field" key={id}>
            <label htmlFor={id}>
              {t('admissionsPublic.wishes.wish', { n: i + 1 })}
              {i > 0 && ` (${t('admissionsPublic.wishes.optional')})`}
            </label>
            <select
              id={id}
              value={form.wishes[i] ?? ''}
              disabled={i > form.wishes.length}
              aria-invalid={errors[id] ? true : undefined}
              aria-describedby={errors[id] ? `${id}-error` : undefined}
              onChange={(e) => set(i, e.target.value)}
            >
              <option value="">{t('admissionsPublic.wishes.choose')}</option>
              {round.schools.map((s) => (
                <option key={s.schoolId} value={s.schoolId}>
                  {s.name}
                  {s.schoolId === catchment ? ` — ${t('admissionsPublic.wishes.catchmentTag')}` : ''}
                </option>
              ))}
            </select>
            <FieldError id={id} error={errors[id]} />
          </div>
        );
      })}
    </>
  );
}
