import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrors, type FieldErrors, useFormErrors } from '../../ui/error-summary.tsx';
import { FIELD_IDS, fieldOfPath } from './metadata-form.ts';

/** The label of each field, which a server message is prefixed with so that it reads on its own in the summary. */
const LABEL_KEYS: Record<string, string> = {
  [FIELD_IDS.kind]: 'library.form.kind',
  [FIELD_IDS.content]: 'library.contribute.content',
  [FIELD_IDS.title]: 'library.form.title',
  [FIELD_IDS.description]: 'library.form.description',
  [FIELD_IDS.keywords]: 'library.form.keywords',
  [FIELD_IDS.levels]: 'library.form.levels',
  [FIELD_IDS.grades]: 'library.form.grades',
  [FIELD_IDS.subjects]: 'library.form.subjects',
  [FIELD_IDS.seriesCode]: 'library.form.series',
  [FIELD_IDS.topic]: 'library.form.topic',
  [FIELD_IDS.authors]: 'library.form.authors',
  [FIELD_IDS.languageCode]: 'library.form.language',
  [FIELD_IDS.licenceCode]: 'library.form.licence',
  [FIELD_IDS.visibility]: 'library.form.visibility',
};

/**
 * The errors of a library form: the server's 400/422 details go beside their fields (by path:
 * `body.title`, `grades`…), named by the field's label, the rest to the summary, which takes focus.
 */
export function useLibraryFormErrors() {
  const { t, i18n } = useTranslation();
  const errors = useFormErrors();
  const { show } = errors;
  const fromApi = useCallback(
    (error: unknown) => {
      const { fields, general } = apiErrors(error, i18n.resolvedLanguage, fieldOfPath, t('error.generic'));
      const named: FieldErrors = {};
      for (const [id, message] of Object.entries(fields)) {
        const key = LABEL_KEYS[id];
        named[id] = key ? `${t(key)}: ${message}` : message;
      }
      show(named, general);
    },
    [i18n.resolvedLanguage, show, t],
  );
  const fromClient = useCallback((fields: FieldErrors) => show(fields, null), [show]);
  return { ...errors, fromApi, fromClient };
}
