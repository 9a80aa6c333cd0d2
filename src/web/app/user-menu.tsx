import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../shared/auth.schema.ts';
import { apiSend, setCsrfToken } from '../lib/api.ts';
import { sessionKey } from '../lib/session.ts';
import { PASSWORD_PATH } from '../modules/auth/routes.tsx';

/** Disclosure button with the user's name, revealing "change password" and "log out". */
export function UserMenu({ user }: { user: Me }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  async function logout() {
    setOpen(false);
    await apiSend('POST', '/api/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(sessionKey, null);
    await navigate('/login');
  }

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="visually-hidden">{t('shell.userMenu')}: </span>
        <span className="user-name">{user.fullName}</span>
        <span aria-hidden="true"> ▾</span>
      </button>
      <ul id={id} className="user-menu-list" hidden={!open}>
        <li>
          <Link to={PASSWORD_PATH} onClick={() => setOpen(false)}>
            {t('nav.changePassword')}
          </Link>
        </li>
        <li>
          <button type="button" className="link-button" onClick={() => void logout()}>
            {t('nav.logout')}
          </button>
        </li>
      </ul>
    </div>
  );
}
