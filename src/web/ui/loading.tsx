import { useTranslation } from 'react-i18next';

/** A polite "loading" status line. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {label ?? t('status.loading')}
    </p>
  );
}
