import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { apiSend } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { safeNext, sessionKey, useMe } from '../../lib/session.ts';
import { FormStatus } from '../../ui/error-alert.tsx';
import { checkPasswordPolicy } from './password-policy.ts';

/** Change password, voluntarily or because `mustChangePassword` is set (then nothing else is reachable). */
export function PasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('password.title'));
  const me = useMe();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const change = useMutation({
    mutationFn: () => apiSend<void>('POST', '/api/auth/password', { currentPassword: current, newPassword: next }),
    onSuccess: async () => {
      setDone(true);
      setCurrent('');
      setNext('');
      setConfirm('');
      const wasForced = me.mustChangePassword;
      await queryClient.invalidateQueries({ queryKey: sessionKey });
      if (wasForced) await navigate(safeNext(params.get('next')), { replace: true });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    const policy = checkPasswordPolicy(next, current);
    if (policy) return setProblem(t(`password.problem.${policy}`));
    if (next !== confirm) return setProblem(t('password.problem.mismatch'));
    setProblem(null);
    change.mutate();
  }

  return (
    <div className="narrow">
      <h1>{t('password.title')}</h1>
      {me.mustChangePassword && <p className="alert alert-info">{t('password.forced')}</p>}
      <form className="form card" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="pw-current">{t('password.current')}</label>
          <input
            id="pw-current"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="pw-new">{t('password.new')}</label>
          <input
            id="pw-new"
            type="password"
            autoComplete="new-password"
            aria-describedby="pw-hint"
            required
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
          <p id="pw-hint" className="hint">
            {t('password.hint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="pw-confirm">{t('password.confirm')}</label>
          <input
            id="pw-confirm"
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        </div>
        <FormStatus problem={problem} error={change.error} success={done ? t('password.done') : null} />
        <button type="submit" className="button" disabled={change.isPending || !current || !next}>
          {t('password.submit')}
        </button>
      </form>
    </div>
  );
}
