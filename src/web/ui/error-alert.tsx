import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.ts';

/** The message of any error in the UI language, with the API's field details listed below. */
export function ErrorContent({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!(error instanceof ApiError)) return <p>{t('error.generic')}</p>;
  return (
    <>
      <p>{error.messageFor(i18n.resolvedLanguage)}</p>
      {error.details.length > 0 && (
        <ul className="error-details">
          {error.details.map((d) => (
            <li key={`${d.path}:${d.message}`}>
              {d.path && <span className="error-path">{d.path}: </span>}
              {d.message}
            </li>
          ))}
        </ul>
      )}
      {error.requestId && (
        <p className="small">
          {t('error.requestId')}: <code>{error.requestId}</code>
        </p>
      )}
    </>
  );
}

/** An error that appears in place of content (a failed query); announced as an alert. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error" role="alert">
      <ErrorContent error={error} />
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * A live region kept in the page under a form, so that screen readers announce the error
 * of each submission (a region inserted together with its text is often not announced).
 */
export function FormStatus({
  error,
  problem,
  success,
}: {
  /** An error thrown by the API call. */
  error?: unknown;
  /** A problem found before sending (client-side validation), already translated. */
  problem?: string | null;
  success?: string | null;
}) {
  return (
    <div aria-live="assertive" aria-atomic="true" className="form-status">
      {problem ? (
        <div className="alert alert-error">
          <p>{problem}</p>
        </div>
      ) : error ? (
        <div className="alert alert-error">
          <ErrorContent error={error} />
        </div>
      ) : success ? (
        <div className="alert alert-success">
          <p>{success}</p>
        </div>
      ) : null}
    </div>
  );
}
