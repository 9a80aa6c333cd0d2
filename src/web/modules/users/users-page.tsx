import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination, pageFromParams } from '../../ui/pagination.tsx';
import { TemporaryPassword } from './temporary-password.tsx';
import { UserCreateForm } from './user-create-form.tsx';
import { useUsers } from './users-api.ts';
import { UsersTable } from './users-table.tsx';

/** /admin/users — list and search users; with users.manage also create, reset and unlock. */
export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  const me = useMe();
  const canManage = hasPermission(me, 'users.manage');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const users = useUsers({ q: q || undefined, page: pageFromParams(params) });
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    setParams(value ? { q: value } : {});
  }

  return (
    <>
      <h1>{t('users.title')}</h1>
      {secret && <TemporaryPassword {...secret} onDismiss={() => setSecret(null)} />}
      {canManage && (
        <section aria-labelledby="create-title" className="card">
          <h2 id="create-title">{t('users.create')}</h2>
          {creating ? (
            <UserCreateForm
              onCancel={() => setCreating(false)}
              onCreated={(username, password) => {
                setCreating(false);
                if (password) setSecret({ username, password });
              }}
            />
          ) : (
            <button type="button" className="button" onClick={() => setCreating(true)}>
              {t('users.openCreate')}
            </button>
          )}
        </section>
      )}
      <search>
        <form className="filters card" onSubmit={search}>
          <div className="field field-wide">
            <label htmlFor="users-q">{t('users.search')}</label>
            <input id="users-q" name="q" type="search" defaultValue={q} key={q} />
          </div>
          <button type="submit" className="button">
            {t('action.search')}
          </button>
        </form>
      </search>
      <p aria-live="polite" className="result-count">
        {users.data && t('users.count', { count: users.data.total, formatted: formatNumber(users.data.total) })}
      </p>
      {users.isPending && <Loading />}
      {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && users.data.items.length === 0 && <p className="empty">{t('status.noResults')}</p>}
      {users.data && users.data.items.length > 0 && (
        <UsersTable users={users.data.items} canManage={canManage} onTemporaryPassword={setSecret} />
      )}
      {users.data && <Pagination page={users.data.page} pageSize={users.data.pageSize} total={users.data.total} />}
    </>
  );
}
