import { type InputHTMLAttributes, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';

/*
 * Form pieces of the parent's pages (WCAG 2.1 AA, GOV.UK error pattern): each error beside its
 * field, and a summary at the top that takes focus and links to each field. They could move to
 * src/web/ui/ if staff forms want the same pattern.
 */

/** Field id → message (already translated). */
export type FieldErrors = Record<string, string>;

interface Shown {
  fields: FieldErrors;
  /** An error that belongs to no field (network, rate limit…). */
  general: string | null;
  /** Bumped on each show, so that focus moves even when the same errors come back. */
  seq: number;
}

/** Translates an API error: details whose path maps to a field go there, the rest to `general`. */
export function apiErrors(
  error: unknown,
  lang: string | undefined,
  fieldOf: (path: string) => string | null,
  fallback: string,
): { fields: FieldErrors; general: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, general: fallback };
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const d of error.details) {
    const id = fieldOf(d.path);
    if (id && !fields[id]) fields[id] = d.message;
    else rest.push(d.message);
  }
  const message = error.messageFor(lang);
  const general = Object.keys(fields).length > 0 && rest.length === 0 ? null : [message, ...rest].join(' ');
  return { fields, general };
}

/** Errors of one form, and the summary that shows them. */
export function useFormErrors() {
  const [shown, setShown] = useState<Shown>({ fields: {}, general: null, seq: 0 });
  const show = useCallback((fields: FieldErrors, general: string | null = null) => {
    setShown((s) => ({ fields, general, seq: s.seq + 1 }));
  }, []);
  const clear = useCallback(() => setShown((s) => ({ fields: {}, general: null, seq: s.seq })), []);
  return { fields: shown.fields, general: shown.general, seq: shown.seq, show, clear };
}

/** "There are N problems": focused when shown, each item a link to its field. */
export function ErrorSummary({ fields, general, seq }: { fields: FieldErrors; general: string | null; seq: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(fields);
  const count = entries.length + (general ? 1 : 0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows each new show (seq), not each render
  useEffect(() => {
    if (seq > 0 && count > 0) ref.current?.focus();
  }, [seq]);
  if (count === 0) return null;
  return (
    <div
      className="alert alert-error ap-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="ap-summary-title"
    >
      <h2 id="ap-summary-title" className="ap-summary-title">
        {t('admissionsPublic.errors.summary', { count })}
      </h2>
      <ul>
        {general && <li>{general}</li>}
        {entries.map(([id, message]) => (
          <li key={id}>
            <a
              href={`#${id}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(id)?.focus();
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled text input with its hint and its error, tied together by aria-describedby. */
export function TextField({ id, label, hint, error, ...input }: FieldProps) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint field-hint">
          {hint}
        </p>
      )}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} {...input} />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A field's error line (for fields that are not a TextField: radios, selects, textareas). */
export function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  );
}
