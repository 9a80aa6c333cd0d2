import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { pickLocalized } from '../../lib/text.ts';
import { comingSoon, navItems } from '../registry.ts';

/** Home: greeting, the user's role grants, tiles for what they may use, and modules to come. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('nav.home'));
  const me = useMe();
  const tiles = navItems.filter((item) => item.descriptionKey && hasPermission(me, item.permission));

  return (
    <>
      <h1>{t('home.greeting', { name: me.fullName })}</h1>
      <section aria-labelledby="grants-title">
        <h2 id="grants-title">{t('home.grants')}</h2>
        {me.grants.length === 0 ? (
          <p>{t('home.noGrants')}</p>
        ) : (
          <ul className="grants">
            {me.grants.map((g) => (
              <li key={g.id}>
                <strong>{pickLocalized(g.roleName, i18n.resolvedLanguage)}</strong> — {g.unitName}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="tiles-title">
        <h2 id="tiles-title">{t('home.functions')}</h2>
        <ul className="tiles">
          {tiles.map((item) => (
            <li key={item.path} className="tile">
              <Link to={item.path} className="tile-link">
                <span className="tile-title">{t(item.labelKey)}</span>
                {item.descriptionKey && <span className="tile-text">{t(item.descriptionKey)}</span>}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {comingSoon.length > 0 && (
        <section aria-labelledby="soon-title">
          <h2 id="soon-title">{t('home.comingSoon')}</h2>
          <ul className="tiles">
            {comingSoon.map((item) => (
              <li key={item.key} className="tile tile-soon">
                <span className="tile-title">{t(item.labelKey)}</span>
                <span className="tile-text">{t(item.descriptionKey)}</span>
                <span className="badge">{t('home.soonBadge')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
