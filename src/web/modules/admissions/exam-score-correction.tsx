import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamScore } from '../../../shared/admission-exam-scores.schema.ts';
import { FormStatus } from '../../ui/error-alert.tsx';
import { TextField } from '../../ui/form-fields.tsx';
import { useCorrectScore } from './allocation-api.ts';
import { fieldErrors } from './field-errors.ts';
import { numberText, toNumber } from './round-section.tsx';

/** Sets or corrects one application's exam scores, with the reason for the audit trail. */
export function ScoreCorrectionForm({
  roundId,
  score,
  subjects,
  onDone,
}: {
  roundId: string;
  score: ExamScore;
  subjects: { code: string; name: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const correct = useCorrectScore(roundId);
  const heading = useRef<HTMLHeadingElement>(null);
  const [absent, setAbsent] = useState(score.absent);
  const [disqualified, setDisqualified] = useState(score.disqualified);
  const errors = fieldErrors(correct.error);

  useEffect(() => heading.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (k: string) => String(data.get(k) ?? '');
    const marks: Record<string, number> = {};
    for (const s of subjects) {
      const v = toNumber(text(`mark-${s.code}`));
      if (v !== null) marks[s.code] = v;
    }
    correct.mutate(
      {
        dossierId: score.dossierId,
        registrationNo: text('registrationNo'),
        marks,
        priorityPoints: toNumber(text('priorityPoints')) ?? 0,
        bonusPoints: toNumber(text('bonusPoints')) ?? 0,
        absent,
        disqualified,
        reason: text('reason'),
        expectedVersion: score.version ?? undefined,
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="correction-title">
      <h4 id="correction-title" ref={heading} tabIndex={-1}>
        {t('admissions.scores.correctTitle', { name: score.childName, code: score.dossierCode })}
      </h4>
      <TextField
        id="corr-regno"
        name="registrationNo"
        label={t('admissions.scores.registrationNo')}
        defaultValue={score.registrationNo ?? ''}
        error={errors.registrationNo}
      />
      <div className="filters">
        {subjects.map((s) => (
          <TextField
            key={s.code}
            id={`corr-mark-${s.code}`}
            name={`mark-${s.code}`}
            label={s.name}
            inputMode="decimal"
            defaultValue={numberText(score.marks[s.code])}
            error={errors[`marks.${s.code}`]}
          />
        ))}
        <TextField
          id="corr-priority"
          name="priorityPoints"
          label={t('admissions.scores.priority')}
          inputMode="decimal"
          defaultValue={numberText(score.priorityPoints)}
          error={errors.priorityPoints}
        />
        <TextField
          id="corr-bonus"
          name="bonusPoints"
          label={t('admissions.scores.bonus')}
          inputMode="decimal"
          defaultValue={numberText(score.bonusPoints)}
          error={errors.bonusPoints}
        />
      </div>
      <div className="checkbox">
        <input id="corr-absent" type="checkbox" checked={absent} onChange={(e) => setAbsent(e.target.checked)} />
        <label htmlFor="corr-absent">{t('admissions.scores.absent')}</label>
      </div>
      <div className="checkbox">
        <input
          id="corr-dq"
          type="checkbox"
          checked={disqualified}
          onChange={(e) => setDisqualified(e.target.checked)}
        />
        <label htmlFor="corr-dq">{t('admissions.scores.disqualified')}</label>
      </div>
      <TextField
        id="corr-reason"
        name="reason"
        label={t('admissions.scores.reason')}
        hint={t('admissions.scores.reasonHint')}
        error={errors.reason}
      />
      <FormStatus error={correct.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={correct.isPending}>
          {t('admissions.scores.save')}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
