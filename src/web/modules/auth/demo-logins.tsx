import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Localized } from '../../../shared/common.schema.ts';
import { apiGet } from '../../lib/api.ts';
import { pickLocalized } from '../../lib/text.ts';

/** GET /api/public/info: the synthetic-data notice and, when the demo is loaded, its logins. */
interface PublicInfo {
  notice: Localized;
  demoUsers?: { username: string; description: Localized }[];
  demoPassword?: string;
}

export type FillLogin = (username: string, password: string | undefined) => void;

/** The public notice and the demo accounts, listed under the sign-in form. */
export function DemoLogins({ onFill }: { onFill: FillLogin }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage;
  const { data } = useQuery({
    queryKey: ['public-info'],
    queryFn: ({ signal }) => apiGet<PublicInfo>('/api/public/info', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!data) return null;
  const users = data.demoUsers ?? [];
  return (
    <>
      {data.notice && <p className="notice">{pickLocalized(data.notice, lang)}</p>}
      {users.length > 0 && (
        <section className="card" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('login.demoTitle')}</h2>
          {data.demoPassword && (
            <p>
              {t('login.demoPassword')}: <code>{data.demoPassword}</code>
            </p>
          )}
          <ul className="demo-list">
            {users.map((u) => (
              <li key={u.username}>
                <button type="button" className="link-button" onClick={() => onFill(u.username, data.demoPassword)}>
                  <span className="visually-hidden">{t('login.useDemo')} </span>
                  <code>{u.username}</code>
                </button>
                <span> — {pickLocalized(u.description, lang)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
