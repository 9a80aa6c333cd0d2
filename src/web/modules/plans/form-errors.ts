import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrors, type FieldErrors, useFormErrors } from '../../ui/error-summary.tsx';

/** "vi / en" field messages of the plans API → the part in the UI language. */
export function messageIn(message: string, lang: string | undefined): string {
  const parts = message.split(' / ');
  if (parts.length !== 2) return message;
  return lang === 'en' ? parts[1]!.trim() : parts[0]!.trim();
}

/**
 * The errors of a plans form: the server's details beside their fields (by path `body.x`),
 * named by the field's label and in the UI language; the rest in the summary, which takes focus.
 */
export function usePlanFormErrors(fieldOfPath: (path: string) => string | null, labels: Record<string, string>) {
  const { t, i18n } = useTranslation();
  const errors = useFormErrors();
  const { show } = errors;
  const lang = i18n.resolvedLanguage;
  const fromApi = useCallback(
    (error: unknown) => {
      const { fields, general } = apiErrors(error, lang, fieldOfPath, t('error.generic'));
      const named: FieldErrors = {};
      for (const [id, message] of Object.entries(fields)) {
        const key = labels[id];
        const text = messageIn(message, lang);
        named[id] = key ? `${t(key)}: ${text}` : text;
      }
      show(named, general === null ? null : messageIn(general, lang));
    },
    [lang, show, t, fieldOfPath, labels],
  );
  const fromClient = useCallback(
    (fields: Record<string, string>) => {
      const named: FieldErrors = {};
      for (const [id, key] of Object.entries(fields)) named[id] = labels[id] ? `${t(labels[id])}: ${t(key)}` : t(key);
      show(named, null);
    },
    [labels, show, t],
  );
  return { ...errors, fromApi, fromClient };
}

/** A field id of a form from an API path (`body.progress` → `<prefix>-progress`), for known fields only. */
export function pathToField(prefix: string, known: readonly string[]) {
  return (path: string): string | null => {
    const head = path.split('.').filter((p) => p !== '' && p !== 'body')[0];
    return head && known.includes(head) ? `${prefix}-${head}` : null;
  };
}
