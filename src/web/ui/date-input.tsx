import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, type ParsedDate, parseDate } from '../lib/format.ts';

/** The pattern shown in the empty field; the same in every language (Vietnamese usage). */
export const DATE_PLACEHOLDER = 'dd/mm/yyyy';

interface Props {
  id: string;
  label: string;
  /** Form field name: a hidden input of that name carries the ISO date ('' while blank or invalid). */
  name?: string;
  /** The initial date, ISO `yyyy-mm-dd`. */
  defaultValue?: string | null;
  /** Called on each edit with the ISO date, '' when blank, or null while the text is not a date. */
  onValueChange?: (iso: string | null) => void;
  /**
   * An error found elsewhere (the form's check, the server's answer), shown under the field and
   * tied to it (aria-invalid, aria-describedby). The field's own "not a date" message, when
   * shown, comes first. Omit it and the field behaves as before.
   */
  error?: string | null;
}

function isoOf(parsed: ParsedDate): string | null {
  if (parsed.kind === 'valid') return parsed.iso;
  return parsed.kind === 'empty' ? '' : null;
}

/**
 * A date field typed day first, dd/mm/yyyy, whatever the browser's language (an
 * `<input type="date">` follows the browser's locale: mm/dd/yyyy on an English phone).
 * It renders the label, a format hint, the text input and an inline error, which appears when
 * the field is left (or the form checked) and goes as soon as the text is a date again.
 *
 * In a form, the hidden input `name` carries the ISO date, and a wrong date makes the text
 * input `:invalid`, so `form.checkValidity()` returns false and shows the error (give the form
 * `noValidate` and focus `form.querySelector(':invalid')` to keep the browser's bubble away).
 */
export function DateInput({ id, label, name, defaultValue, onValueChange, error: outside }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatDate(defaultValue));
  const [checked, setChecked] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const parsed = parseDate(text);
  const error =
    parsed.kind === 'invalid'
      ? t(parsed.reason === 'impossible' ? 'date.impossible' : 'date.format', { value: text.trim() })
      : '';
  const showOwn = checked && error !== '';
  const shown = showOwn ? error : outside || '';
  const showError = shown !== '';
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  useEffect(() => {
    input.current?.setCustomValidity(error);
  }, [error]);

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={hintId} className="hint field-hint">
        {t('date.hint')}
      </p>
      <input
        ref={input}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={DATE_PLACEHOLDER}
        value={text}
        aria-invalid={showError || undefined}
        aria-describedby={showError ? `${hintId} ${errorId}` : hintId}
        onChange={(event) => {
          const next = parseDate(event.target.value);
          setText(event.target.value);
          // Correcting the text removes the error at once; a new mistake shows when leaving.
          if (next.kind !== 'invalid') setChecked(false);
          onValueChange?.(isoOf(next));
        }}
        onBlur={() => {
          setChecked(true);
          if (parsed.kind === 'valid') setText(formatDate(parsed.iso));
        }}
        onInvalid={() => setChecked(true)}
      />
      <p id={errorId} className="field-error" aria-live="polite">
        {shown}
      </p>
      {name && <input type="hidden" name={name} value={isoOf(parsed) ?? ''} />}
    </div>
  );
}
