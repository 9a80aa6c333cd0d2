import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { Session } from '../../../shared/auth.schema.ts';
import { apiFetch, setCsrfToken } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { safeNext, sessionKey, useSession } from '../../lib/session.ts';
import { FormStatus } from '../../ui/error-alert.tsx';
import { DemoLogins, type FillLogin } from './demo-logins.tsx';
import { PASSWORD_PATH } from './routes.tsx';

/** Sign-in form; returns to `?next=` afterwards, or to /password when a change is due. */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const login = useMutation({
    mutationFn: () =>
      apiFetch<Session>('/api/auth/login', { method: 'POST', body: { username, password }, quietAuth: true }),
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      queryClient.setQueryData(sessionKey, result);
      await navigate(result.user.mustChangePassword ? `${PASSWORD_PATH}?next=${encodeURIComponent(next)}` : next, {
        replace: true,
      });
    },
  });

  if (session && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    login.mutate();
  }

  const fill: FillLogin = (user, pass) => {
    setUsername(user);
    if (pass) setPassword(pass);
    document.getElementById('login-password')?.focus();
  };

  return (
    <div className="narrow">
      <h1>{t('login.title')}</h1>
      <form className="form card" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="login-username">{t('login.username')}</label>
          <input
            id="login-username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <FormStatus error={login.error} />
        <button type="submit" className="button" disabled={login.isPending || !username || !password}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <DemoLogins onFill={fill} />
    </div>
  );
}
