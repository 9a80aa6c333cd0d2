import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../lib/session.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { UserMenu } from './user-menu.tsx';

/** Banner: product name and province, language switch, and the user menu when signed in. */
export function Header() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  return (
    <header className="header">
      <Link to="/" className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-org">{t('app.organisation')}</span>
      </Link>
      <div className="header-tools">
        <LanguageSwitch />
        {session && <UserMenu user={session.user} />}
      </div>
    </header>
  );
}
