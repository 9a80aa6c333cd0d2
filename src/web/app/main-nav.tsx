import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { hasPermission, useSession } from '../lib/session.ts';
import { navItems } from '../modules/registry.ts';
import { activeNavPath } from './nav-match.ts';

/**
 * Main navigation from the module registry, filtered by sign-in and permissions. On narrow
 * screens it collapses behind a labelled menu button; on wide screens it is a side bar.
 */
export function MainNav() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const { pathname } = useLocation();
  // The menu is open for the page it was opened on, so it closes by itself on navigation.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;

  const user = session?.user;
  const items = navItems.filter((item) => {
    if (item.public) return true;
    if (!user || user.mustChangePassword) return false;
    return hasPermission(user, item.permission);
  });
  if (items.length === 0) return null;
  const active = activeNavPath(items, pathname);

  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <button
        type="button"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls="main-nav-list"
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        <span aria-hidden="true" className="nav-toggle-icon">
          {open ? '✕' : '☰'}
        </span>
        {t('nav.menu')}
      </button>
      <ul id="main-nav-list" className="nav-list" data-open={open}>
        {items.map((item) => (
          <li key={item.path}>
            <Link to={item.path} aria-current={item.path === active ? 'page' : undefined}>
              {t(item.labelKey)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
