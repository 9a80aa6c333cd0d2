import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../shared/users.schema.ts';
import { formatDateTime } from '../../lib/format.ts';
import { pickLocalized } from '../../lib/text.ts';
import { FormStatus } from '../../ui/error-alert.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { isLocked, useResetPassword, useUnlock } from './users-api.ts';

interface Props {
  users: UserSummary[];
  canManage: boolean;
  onTemporaryPassword: (secret: { username: string; password: string }) => void;
}

/**
 * Users with their grants and state; managers can reset passwords and unlock accounts.
 * A table on wide screens, a stack of cards on a phone (`table-stack`, see styles.css).
 */
export function UsersTable({ users, canManage, onTemporaryPassword }: Props) {
  const { t, i18n } = useTranslation();
  const reset = useResetPassword();
  const unlock = useUnlock();

  function resetPassword(user: UserSummary) {
    if (!window.confirm(t('users.confirmReset', { username: user.username }))) return;
    reset.mutate(user, {
      onSuccess: (r) => onTemporaryPassword({ username: user.username, password: r.temporaryPassword }),
    });
  }

  return (
    <>
      <FormStatus error={reset.error ?? unlock.error} success={unlock.isSuccess ? t('users.unlocked') : null} />
      <ScrollRegion labelledBy="users-caption">
        <table className="table table-stack">
          <caption id="users-caption" className="visually-hidden">
            {t('users.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('users.username')}</th>
              <th scope="col">{t('users.fullName')}</th>
              <th scope="col">{t('users.grants')}</th>
              <th scope="col">{t('users.state')}</th>
              {canManage && <th scope="col">{t('users.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const locked = isLocked(u);
              return (
                <tr key={u.id}>
                  <th scope="row">
                    <code>{u.username}</code>
                  </th>
                  <td data-label={t('users.fullName')}>{u.fullName}</td>
                  <td data-label={t('users.grants')}>
                    <div>
                      {u.grants.map((g) => (
                        <div key={g.id}>
                          {pickLocalized(g.roleName, i18n.resolvedLanguage)} — {g.unitName}
                        </div>
                      ))}
                      {u.grants.length === 0 && '—'}
                    </div>
                  </td>
                  <td data-label={t('users.state')}>
                    <div>
                      {u.disabled && <div>{t('users.disabled')}</div>}
                      {locked && <div>{t('users.lockedUntil', { time: formatDateTime(u.lockedUntil) })}</div>}
                      {u.mustChangePassword && <div>{t('users.mustChange')}</div>}
                      {!u.disabled && !locked && !u.mustChangePassword && <div>{t('users.active')}</div>}
                    </div>
                  </td>
                  {canManage && (
                    <td className="cell-actions">
                      <div className="row-actions">
                        <button type="button" className="link-button" onClick={() => resetPassword(u)}>
                          {t('users.reset')}
                          <span className="visually-hidden"> {u.username}</span>
                        </button>
                        {locked && (
                          <button type="button" className="link-button" onClick={() => unlock.mutate(u)}>
                            {t('users.unlock')}
                            <span className="visually-hidden"> {u.username}</span>
                          </button>
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
