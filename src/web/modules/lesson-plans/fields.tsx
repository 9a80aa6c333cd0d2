import { type TextareaHTMLAttributes, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../ui/form-fields.tsx';
import { fieldId } from './plan-edit.ts';

/** Field id → message, from the last save's errors. */
export type Errors = Record<string, string>;

interface AreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange' | 'value'> {
  /** The document path (`activities.0.content`); the id is derived from it (fieldId). */
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: Errors;
  hint?: string;
}

/** A labelled textarea tied to its hint and its error (aria-describedby), growing with its text. */
export function AreaField({ path, label, value, onChange, errors, hint, ...rest }: AreaProps) {
  const id = fieldId(path);
  const error = errors[id];
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const lines = value.split('\n').length;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint field-hint">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        value={value}
        rows={Math.min(12, Math.max(2, lines + 1))}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
        {...rest}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

interface ListProps {
  path: string;
  legend: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  errors: Errors;
  hint?: string;
  /** Fewest lines kept (the remove buttons disappear below it). */
  min?: number;
  /** One-line inputs instead of textareas (names). */
  short?: boolean;
}

/**
 * A list of statements (objectives, equipment, teachers) in a fieldset: one field per line,
 * each with its remove button, and a button that adds a line and moves focus to it.
 */
export function ItemList({ path, legend, items, onChange, errors, hint, min = 0, short }: ListProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const groupError = errors[fieldId(path)];
  function add() {
    onChange([...items, '']);
    const next = fieldId(`${path}.${items.length}`);
    requestAnimationFrame(() => document.getElementById(next)?.focus());
  }
  return (
    <fieldset className="fieldset lp-list" aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={fieldId(path)} error={groupError} />
      {items.length === 0 && <p className="muted small">{t('lessonPlans.editor.noItems')}</p>}
      {items.map((item, i) => {
        const id = fieldId(`${path}.${i}`);
        const error = errors[id];
        const label = t('lessonPlans.editor.line', { n: i + 1 });
        const input = {
          id,
          value: item,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${id}-error` : undefined,
        } as const;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity of their own; the index is the line
          <div className="lp-item" key={i}>
            <label htmlFor={id} className="lp-item-label">
              {label}
            </label>
            {short ? (
              <input {...input} onChange={(e) => onChange(items.map((x, k) => (k === i ? e.target.value : x)))} />
            ) : (
              <textarea
                {...input}
                rows={2}
                onChange={(e) => onChange(items.map((x, k) => (k === i ? e.target.value : x)))}
              />
            )}
            {items.length > min && (
              <button
                type="button"
                className="link-button lp-remove"
                aria-label={t('lessonPlans.editor.removeLine', { n: i + 1, list: legend })}
                onClick={() => onChange(items.filter((_, k) => k !== i))}
              >
                {t('lessonPlans.editor.remove')}
              </button>
            )}
            <FieldError id={id} error={error} />
          </div>
        );
      })}
      <div>
        <button
          type="button"
          id={`${fieldId(path)}-add`}
          className="button secondary"
          aria-label={t('lessonPlans.editor.addLineTo', { list: legend })}
          onClick={add}
        >
          {t('lessonPlans.editor.addLine')}
        </button>
      </div>
    </fieldset>
  );
}
