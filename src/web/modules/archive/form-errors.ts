import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { apiErrors, type FieldErrors, useFormErrors } from '../../ui/error-summary.tsx';
import { messageIn } from './file-form.ts';

/**
 * The errors of an archive form: the server's 400/422/409 details go beside their fields (by
 * path: `body.code`, `keywords.1`…), in the UI language and named by the field's label, the rest
 * to the summary, which takes focus. `labels` maps a field id to its label key; `codeField`
 * receives archive.code_taken (a 409 without a path).
 */
export function useArchiveFormErrors(
  fieldOfPath: (path: string) => string | null,
  labels: Record<string, string>,
  codeField?: string,
) {
  const { t, i18n } = useTranslation();
  const errors = useFormErrors();
  const { show } = errors;
  const lang = i18n.resolvedLanguage;
  const fromApi = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.code === 'archive.code_taken' && codeField) {
        const key = labels[codeField];
        const message = error.messageFor(lang);
        show({ [codeField]: key ? `${t(key)}: ${message}` : message }, null);
        return;
      }
      const { fields, general } = apiErrors(error, lang, fieldOfPath, t('error.generic'));
      const named: FieldErrors = {};
      for (const [id, message] of Object.entries(fields)) {
        const key = labels[id];
        const text = messageIn(message, lang);
        named[id] = key ? `${t(key)}: ${text}` : text;
      }
      show(named, general === null ? null : messageIn(general, lang));
    },
    [lang, show, t, fieldOfPath, labels, codeField],
  );
  const fromClient = useCallback(
    (fields: Record<string, string>) => {
      const named: FieldErrors = {};
      for (const [id, key] of Object.entries(fields)) {
        const label = labels[id];
        named[id] = label ? `${t(label)}: ${t(key)}` : t(key);
      }
      show(named, null);
    },
    [labels, show, t],
  );
  return { ...errors, fromApi, fromClient };
}
