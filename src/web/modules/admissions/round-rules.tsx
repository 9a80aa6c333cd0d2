import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundDetail } from '../../../shared/admissions.schema.ts';
import { TextField } from '../../ui/form-fields.tsx';
import { useRoundWrites } from './admissions-api.ts';
import { fieldErrors } from './field-errors.ts';
import { ExamRulesFields, type ExamRulesState, examRulesOf, examStateOf } from './round-rules-exam.tsx';
import { RoundSection, toNumber } from './round-section.tsx';

/**
 * The admission rules. Grades 1 and 6: how many wishes, and whether seats left after the
 * catchment go to a lottery among out-of-catchment children. Grade 10: subjects and
 * coefficients, wishes and their offsets, specialised schools first, bonus points, tie-breakers
 * and what happens to a tie at the last seat.
 */
export function RulesSection({ round, editable }: { round: RoundDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { patch } = useRoundWrites(round);
  const rules = round.rules;
  const [wishCount, setWishCount] = useState(String(rules.wishCount));
  const [lottery, setLottery] = useState(rules.method === 'catchment' ? rules.lotteryForOutOfCatchment : true);
  const [exam, setExam] = useState<ExamRulesState | null>(() => (rules.method === 'exam' ? examStateOf(rules) : null));
  const errors = fieldErrors(patch.error);

  function save() {
    if (exam) patch.mutate({ rules: examRulesOf(exam) });
    else
      patch.mutate({
        rules: { method: 'catchment', wishCount: toNumber(wishCount) as number, lotteryForOutOfCatchment: lottery },
      });
  }

  return (
    <RoundSection
      id="round-rules"
      title={t('admissions.section.rules')}
      lead={t(exam ? 'admissions.section.rulesLead10' : 'admissions.section.rulesLead16')}
      gist={t('admissions.section.rulesGist', { count: rules.wishCount })}
      editable={editable && round.status === 'draft'}
      saving={patch.isPending}
      error={patch.error}
      saved={patch.isSuccess}
      onSave={save}
    >
      {exam ? (
        <ExamRulesFields state={exam} onChange={setExam} errors={errors} />
      ) : (
        <>
          <TextField
            id="rules-wishes"
            label={t('admissions.rules.wishCount')}
            hint={t('admissions.rules.wishCountHint16')}
            inputMode="numeric"
            value={wishCount}
            error={errors['rules.wishCount']}
            onChange={(e) => setWishCount(e.target.value)}
          />
          <div className="checkbox">
            <input
              id="rules-lottery"
              type="checkbox"
              checked={lottery}
              onChange={(e) => setLottery(e.target.checked)}
            />
            <label htmlFor="rules-lottery">{t('admissions.rules.lottery')}</label>
          </div>
        </>
      )}
    </RoundSection>
  );
}
