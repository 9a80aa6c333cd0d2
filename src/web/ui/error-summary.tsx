import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.ts';

/*
 * The error summary of a form (WCAG 2.1 AA, GOV.UK error pattern): each error beside its field
 * (TextField, FieldError in form-fields.tsx), and a summary at the top that takes focus and
 * links to each field.
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
      className="alert alert-error error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" className="error-summary-title">
        {t('error.summary', { count })}
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
