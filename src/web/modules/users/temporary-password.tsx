import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A temporary password, shown once: the server keeps only its hash, and the user must
 * change it at first sign-in. Focus moves here so that it is read out.
 */
export function TemporaryPassword({
  username,
  password,
  onDismiss,
}: {
  username: string;
  password: string;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="alert alert-success" role="status" tabIndex={-1} ref={ref}>
      <p>{t('users.tempPassword', { username })}</p>
      <p>
        <code className="secret">{password}</code>
      </p>
      <p className="small">{t('users.tempPasswordOnce')}</p>
      <button type="button" className="button secondary" onClick={onDismiss}>
        {t('users.tempPasswordDone')}
      </button>
    </div>
  );
}
