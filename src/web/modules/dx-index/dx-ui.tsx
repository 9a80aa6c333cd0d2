import { useTranslation } from 'react-i18next';
import type { DxCriterion, DxGroupScore, DxLevel } from '../../../shared/dx-index.schema.ts';
import { formatNumber } from '../../lib/format.ts';

/** "Mức 2 – Đáp ứng cơ bản", with a colour that is not the only cue (the text says it). */
export function LevelBadge({ level }: { level: DxLevel | null }) {
  const { t } = useTranslation();
  if (level === null) return <span className="muted">—</span>;
  return <span className={`dx-level dx-level-${level}`}>{t(`dx.level.${level}`)}</span>;
}

/** A group's total out of 100 and its level; says when an unmet mandatory condition caps it. */
export function GroupScore({ title, score }: { title: string; score: DxGroupScore }) {
  const { t } = useTranslation();
  return (
    <div className="dx-score">
      <p className="dx-score-title">{title}</p>
      <p className="dx-score-total">
        {t('dx.points', { points: formatNumber(score.total) })} <LevelBadge level={score.level} />
      </p>
      {!score.mandatoryMet && <p className="dx-warn">{t('dx.mandatoryUnmet')}</p>}
    </div>
  );
}

export interface Choice {
  option: string | null;
  points: string;
}

/**
 * The input of one criterion: radios for a scale or met/not met, a number for points. `idBase`
 * names the inputs; the first one gets `${idBase}-choice` so that errors can link to it.
 */
export function ChoiceInput({
  criterion,
  idBase,
  value,
  disabled,
  error,
  legend,
  onChange,
}: {
  criterion: DxCriterion;
  idBase: string;
  value: Choice;
  disabled: boolean;
  error: string | undefined;
  legend: string;
  onChange: (v: Choice) => void;
}) {
  const { t } = useTranslation();
  const errorId = error ? `${idBase}-choice-error` : undefined;
  if (criterion.kind === 'points') {
    return (
      <div className="field">
        <label htmlFor={`${idBase}-choice`}>{legend}</label>
        <input
          id={`${idBase}-choice`}
          type="number"
          inputMode="decimal"
          min={0}
          max={criterion.maxPoints}
          step={0.5}
          value={value.points}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          onChange={(e) => onChange({ option: null, points: e.target.value })}
        />
        <p className="hint">{t('dx.pointsRange', { max: criterion.maxPoints })}</p>
        {error && (
          <p id={errorId} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  }
  return (
    <fieldset className="dx-choices" aria-describedby={errorId}>
      <legend>{legend}</legend>
      {criterion.options.map((o, i) => (
        <label key={o.code} className="dx-choice">
          <input
            type="radio"
            id={i === 0 ? `${idBase}-choice` : undefined}
            name={`${idBase}-choice`}
            value={o.code}
            checked={value.option === o.code}
            disabled={disabled}
            onChange={() => onChange({ option: o.code, points: '' })}
          />{' '}
          {o.label}
          {criterion.kind === 'options' && <span className="muted"> ({t('dx.points', { points: o.points })})</span>}
        </label>
      ))}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The label of a school's choice on a criterion, for reading. */
export function choiceLabel(c: DxCriterion, option: string | null, points: number | null, none: string): string {
  if (c.kind === 'points') return points === null ? none : String(points);
  return c.options.find((o) => o.code === option)?.label ?? none;
}

/** A Choice as the API takes it (points parsed; '' is none). */
export function toApi(c: DxCriterion, v: Choice): { option: string | null; points: number | null } {
  if (c.kind === 'points') {
    const text = v.points.trim().replace(',', '.');
    return { option: null, points: text === '' ? null : Number(text) };
  }
  return { option: v.option, points: null };
}
