import { useTranslation } from 'react-i18next';
import { fieldId } from './plan-edit.ts';

/** Where a gap's link takes the teacher: the field, or the "add a line" button of an empty list. */
function targetOf(gap: string): string {
  if (gap === 'objectives.competences.general') return `${fieldId('objectives.competences.general.selfStudy')}-add`;
  if (gap === 'materials') return `${fieldId('materials.teacher')}-add`;
  if (gap.startsWith('objectives.')) return `${fieldId(gap)}-add`;
  return fieldId(gap);
}

/**
 * The checklist of what the frame of CV 5512 still asks for (lessonPlanGaps, recomputed as the
 * teacher types): each item a link that moves focus to its field.
 */
export function GapList({ gaps, numbers }: { gaps: string[]; numbers: string[] }) {
  const { t } = useTranslation();
  const label = (gap: string): string => {
    const m = /^activities\.(\d+)\.(.+)$/.exec(gap);
    if (!m) return t(`lessonPlans.gaps.${gap.replaceAll('.', '_')}`);
    return t('lessonPlans.gaps.activity', {
      n: numbers[Number(m[1])] ?? Number(m[1]) + 1,
      field: t(`lessonPlans.gaps.fields.${m[2]!.replace('organisation.', '')}`),
    });
  };
  return (
    <section className="lp-section lp-gaps" aria-labelledby="lp-gaps-title">
      <h2 id="lp-gaps-title">{t('lessonPlans.gaps.title')}</h2>
      {gaps.length === 0 ? (
        <p className="lp-complete">✓ {t('lessonPlans.gaps.none')}</p>
      ) : (
        <>
          <p className="hint">{t('lessonPlans.gaps.count', { count: gaps.length })}</p>
          <ul>
            {gaps.map((gap) => (
              <li key={gap}>
                <a
                  href={`#${targetOf(gap)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(targetOf(gap))?.focus();
                  }}
                >
                  {label(gap)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
