import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundDetail, Timeline } from '../../../shared/admissions.schema.ts';
import { formatDateRange } from '../../lib/format.ts';
import { TextField } from '../../ui/form-fields.tsx';
import { useRoundWrites } from './admissions-api.ts';
import { DateTimeField } from './date-time-field.tsx';
import { fieldErrors } from './field-errors.ts';
import { TIMELINE_FIELDS } from './round-labels.ts';
import { RoundSection } from './round-section.tsx';

/** The round's name (code, level, school year and running unit never change: copy instead). */
export function GeneralSection({ round, editable }: { round: RoundDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { patch } = useRoundWrites(round);
  const [name, setName] = useState(round.name);
  const errors = fieldErrors(patch.error);
  return (
    <RoundSection
      id="round-general"
      title={t('admissions.section.general')}
      lead={t('admissions.section.generalLead')}
      editable={editable && round.status === 'draft'}
      saving={patch.isPending}
      error={patch.error}
      saved={patch.isSuccess}
      onSave={() => patch.mutate({ name })}
    >
      <TextField
        id="round-name"
        label={t('admissions.field.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
      />
    </RoundSection>
  );
}

type Times = Partial<Record<keyof Timeline, string | null | 'invalid'>>;

/**
 * The timeline: trial window, registration, review, results, confirmation deadline and the
 * supplementary round, each a day (dd/mm/yyyy) and a time in Vietnam. Only changed moments are
 * sent; once the round is open the server accepts only deadlines moved later.
 */
export function TimelineSection({ round, editable }: { round: RoundDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { patch } = useRoundWrites(round);
  const [times, setTimes] = useState<Times>({});
  const [problem, setProblem] = useState<string | null>(null);
  const errors = fieldErrors(patch.error);

  function save() {
    const bad = Object.entries(times).filter(([, v]) => v === 'invalid');
    if (bad.length > 0) {
      setProblem(
        t('admissions.timeline.invalid', { fields: bad.map(([k]) => t(`admissions.timeline.${k}`)).join(', ') }),
      );
      return;
    }
    setProblem(null);
    patch.mutate({ timeline: times as Partial<Record<keyof Timeline, string | null>> });
  }

  return (
    <RoundSection
      id="round-timeline"
      title={t('admissions.section.timeline')}
      lead={t('admissions.section.timelineLead')}
      gist={t('admissions.section.timelineGist', {
        range: formatDateRange(round.timeline.registerFrom, round.timeline.registerTo),
      })}
      editable={editable && round.status !== 'closed'}
      saving={patch.isPending}
      error={patch.error}
      saved={patch.isSuccess && !problem}
      onSave={save}
    >
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {TIMELINE_FIELDS.map(({ key, required }) => (
        <DateTimeField
          key={key}
          id={`timeline-${key}`}
          legend={t(`admissions.timeline.${key}`)}
          defaultValue={round.timeline[key]}
          required={required}
          error={errors[`timeline.${key}`]}
          onChange={(value) => setTimes((prev) => ({ ...prev, [key]: value }))}
        />
      ))}
    </RoundSection>
  );
}
