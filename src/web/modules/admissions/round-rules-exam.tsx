import { useTranslation } from 'react-i18next';
import type { AdmissionRules } from '../../../shared/admissions.schema.ts';
import { FieldError, TextField } from '../../ui/form-fields.tsx';
import { FIXED_TIE_BREAKERS } from './round-labels.ts';
import { numberText, toNumber } from './round-section.tsx';

type ExamRules = Extract<AdmissionRules, { method: 'exam' }>;

/** The grade-10 rules as typed (numbers as text until saved). */
export interface ExamRulesState {
  subjects: { code: string; name: string; coefficient: string }[];
  wishCount: string;
  wishOffsets: string[];
  specialisedFirst: boolean;
  maxBonusPoints: string;
  tieBreakers: string[];
  tieAtLastSeat: 'admit_all' | 'admit_none';
}

export function examStateOf(r: {
  subjects: { code: string; name: string; coefficient: number }[];
  wishCount: number;
  wishOffsets: number[];
  specialisedFirst: boolean;
  maxBonusPoints: number;
  tieBreakers: string[];
  tieAtLastSeat: 'admit_all' | 'admit_none';
}): ExamRulesState {
  return {
    subjects: r.subjects.map((s) => ({ code: s.code, name: s.name, coefficient: String(s.coefficient) })),
    wishCount: String(r.wishCount),
    wishOffsets: r.wishOffsets.map(numberText),
    specialisedFirst: r.specialisedFirst,
    maxBonusPoints: numberText(r.maxBonusPoints),
    tieBreakers: [...r.tieBreakers],
    tieAtLastSeat: r.tieAtLastSeat,
  };
}

export function examRulesOf(s: ExamRulesState): ExamRules {
  return {
    method: 'exam',
    subjects: s.subjects.map((x) => ({
      code: x.code.trim(),
      name: x.name,
      coefficient: toNumber(x.coefficient) as number,
    })),
    wishCount: toNumber(s.wishCount) as number,
    wishOffsets: s.wishOffsets.map((o) => toNumber(o) as number),
    specialisedFirst: s.specialisedFirst,
    maxBonusPoints: toNumber(s.maxBonusPoints) as number,
    tieBreakers: s.tieBreakers,
    tieAtLastSeat: s.tieAtLastSeat,
  };
}

/** Wish offsets follow the number of wishes: one per wish, the first always 0. */
function resizeOffsets(offsets: string[], count: number): string[] {
  if (!Number.isInteger(count) || count < 1 || count > 5) return offsets;
  return Array.from({ length: count }, (_, i) => offsets[i] ?? offsets[offsets.length - 1] ?? '0');
}

interface Props {
  state: ExamRulesState;
  onChange: (next: ExamRulesState) => void;
  errors: Record<string, string>;
}

export function ExamRulesFields({ state, onChange, errors }: Props) {
  const { t } = useTranslation();
  const set = (change: Partial<ExamRulesState>) => onChange({ ...state, ...change });
  const setSubject = (i: number, change: Partial<ExamRulesState['subjects'][number]>) =>
    set({ subjects: state.subjects.map((x, j) => (j === i ? { ...x, ...change } : x)) });
  const available = [...FIXED_TIE_BREAKERS, ...state.subjects.map((s) => `subject:${s.code}`)].filter(
    (tb) => !state.tieBreakers.includes(tb),
  );
  const tieLabel = (tb: string) =>
    tb.startsWith('subject:')
      ? t('admissions.rules.tieSubject', {
          subject: state.subjects.find((s) => `subject:${s.code}` === tb)?.name ?? tb.slice(8),
        })
      : t(`admissions.rules.tie.${tb}`);
  const move = (i: number, by: -1 | 1) => {
    const next = [...state.tieBreakers];
    const [x] = next.splice(i, 1);
    next.splice(i + by, 0, x as string);
    set({ tieBreakers: next });
  };

  return (
    <>
      <fieldset className="fieldset">
        <legend>{t('admissions.rules.subjects')}</legend>
        {state.subjects.map((s, i) => {
          const n = i + 1;
          return (
            <div className="filters" key={`subject-${n}`}>
              <TextField
                id={`subject-${i}-name`}
                label={t('admissions.rules.subjectName', { n })}
                value={s.name}
                error={errors[`rules.subjects.${i}.name`]}
                onChange={(e) => setSubject(i, { name: e.target.value })}
              />
              <TextField
                id={`subject-${i}-code`}
                label={t('admissions.rules.subjectCode', { n })}
                value={s.code}
                error={errors[`rules.subjects.${i}.code`]}
                onChange={(e) => setSubject(i, { code: e.target.value })}
              />
              <TextField
                id={`subject-${i}-coefficient`}
                label={t('admissions.rules.coefficient', { n })}
                inputMode="numeric"
                value={s.coefficient}
                error={errors[`rules.subjects.${i}.coefficient`]}
                onChange={(e) => setSubject(i, { coefficient: e.target.value })}
              />
              <button
                type="button"
                className="button secondary"
                onClick={() => set({ subjects: state.subjects.filter((_, j) => j !== i) })}
              >
                {t('admissions.rules.removeSubject', { n })}
              </button>
            </div>
          );
        })}
        <FieldError id="subjects" error={errors['rules.subjects']} />
        <button
          type="button"
          className="button secondary"
          onClick={() => set({ subjects: [...state.subjects, { code: '', name: '', coefficient: '1' }] })}
        >
          {t('admissions.rules.addSubject')}
        </button>
      </fieldset>
      <TextField
        id="rules-wishes"
        label={t('admissions.rules.wishCount')}
        hint={t('admissions.rules.wishCountHint10')}
        inputMode="numeric"
        value={state.wishCount}
        error={errors['rules.wishCount']}
        onChange={(e) =>
          set({ wishCount: e.target.value, wishOffsets: resizeOffsets(state.wishOffsets, Number(e.target.value)) })
        }
      />
      <fieldset className="fieldset" aria-describedby="offsets-hint">
        <legend>{t('admissions.rules.offsets')}</legend>
        <p id="offsets-hint" className="hint">
          {t('admissions.rules.offsetsHint')}
        </p>
        <div className="filters">
          {state.wishOffsets.map((o, i) => (
            <TextField
              // biome-ignore lint/suspicious/noArrayIndexKey: one field per wish position, which is its identity
              key={`offset-${i + 1}`}
              id={`offset-${i}`}
              label={t('admissions.rules.offset', { n: i + 1 })}
              inputMode="decimal"
              value={o}
              error={errors[`rules.wishOffsets.${i}`]}
              onChange={(e) => set({ wishOffsets: state.wishOffsets.map((x, j) => (j === i ? e.target.value : x)) })}
            />
          ))}
        </div>
        <FieldError id="offsets" error={errors['rules.wishOffsets']} />
      </fieldset>
      <div className="checkbox">
        <input
          id="rules-specialised"
          type="checkbox"
          checked={state.specialisedFirst}
          onChange={(e) => set({ specialisedFirst: e.target.checked })}
        />
        <label htmlFor="rules-specialised">{t('admissions.rules.specialisedFirst')}</label>
      </div>
      <TextField
        id="rules-bonus"
        label={t('admissions.rules.maxBonus')}
        hint={t('admissions.rules.maxBonusHint')}
        inputMode="decimal"
        value={state.maxBonusPoints}
        error={errors['rules.maxBonusPoints']}
        onChange={(e) => set({ maxBonusPoints: e.target.value })}
      />
      <fieldset className="fieldset">
        <legend>{t('admissions.rules.tieBreakers')}</legend>
        <p className="hint">{t('admissions.rules.tieBreakersHint')}</p>
        <ol>
          {state.tieBreakers.map((tb, i) => (
            <li key={tb}>
              <span>{tieLabel(tb)}</span>{' '}
              <span className="row-actions">
                <button type="button" className="link-button" disabled={i === 0} onClick={() => move(i, -1)}>
                  {t('admissions.rules.up')}
                  <span className="visually-hidden"> {tieLabel(tb)}</span>
                </button>
                <button
                  type="button"
                  className="link-button"
                  disabled={i === state.tieBreakers.length - 1}
                  onClick={() => move(i, 1)}
                >
                  {t('admissions.rules.down')}
                  <span className="visually-hidden"> {tieLabel(tb)}</span>
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => set({ tieBreakers: state.tieBreakers.filter((x) => x !== tb) })}
                >
                  {t('action.remove')}
                  <span className="visually-hidden"> {tieLabel(tb)}</span>
                </button>
              </span>
              <FieldError id={`tie-${i}`} error={errors[`rules.tieBreakers.${i}`]} />
            </li>
          ))}
        </ol>
        {available.length > 0 && (
          <div className="field">
            <label htmlFor="tie-add">{t('admissions.rules.addTie')}</label>
            <select
              id="tie-add"
              value=""
              onChange={(e) => e.target.value && set({ tieBreakers: [...state.tieBreakers, e.target.value] })}
            >
              <option value="">{t('admissions.rules.choose')}</option>
              {available.map((tb) => (
                <option key={tb} value={tb}>
                  {tieLabel(tb)}
                </option>
              ))}
            </select>
          </div>
        )}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('admissions.rules.tieAtLastSeat')}</legend>
        {(['admit_all', 'admit_none'] as const).map((v) => (
          <div className="checkbox" key={v}>
            <input
              type="radio"
              id={`tie-last-${v}`}
              name="tieAtLastSeat"
              checked={state.tieAtLastSeat === v}
              onChange={() => set({ tieAtLastSeat: v })}
            />
            <label htmlFor={`tie-last-${v}`}>{t(`admissions.rules.lastSeat.${v}`)}</label>
          </div>
        ))}
      </fieldset>
    </>
  );
}
