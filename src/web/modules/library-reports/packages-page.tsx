import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useSession } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { collectionsQuery, packageUrl } from './reports-api.ts';
import './library-reports.css';

/**
 * /hoc-lieu/goi-ngoai-tuyen — offline packages: each collection as a zip to carry on a USB stick
 * to a school without internet (open index.html, no server needed), with what the reader may see
 * of it; contributors import a package from another installation.
 */
export function PackagesPage() {
  const { t } = useTranslation();
  usePageTitle(t('libraryReports.packages.title'));
  const session = useSession();
  const collections = useQuery(collectionsQuery);
  const canImport = hasPermission(session.data?.user, 'library.contribute');

  return (
    <>
      <h1>{t('libraryReports.packages.title')}</h1>
      <p className="lead">{t('libraryReports.packages.intro')}</p>
      <ol className="lr-steps">
        <li>{t('libraryReports.packages.step1')}</li>
        <li>{t('libraryReports.packages.step2')}</li>
        <li>{t('libraryReports.packages.step3')}</li>
      </ol>
      {!session.data && <p className="notice">{t('libraryReports.packages.signInHint')}</p>}
      <h2 id="lr-collections">{t('libraryReports.packages.collections')}</h2>
      {collections.isPending && <Loading />}
      {collections.isError && <ErrorAlert error={collections.error} onRetry={() => void collections.refetch()} />}
      {collections.data && collections.data.items.length === 0 && (
        <p className="empty">{t('libraryReports.packages.none')}</p>
      )}
      {collections.data && collections.data.items.length > 0 && (
        <ul className="lr-collections" aria-labelledby="lr-collections">
          {collections.data.items.map((c) => (
            <li key={c.id} className="card">
              <h3>{c.title}</h3>
              {c.description && <p>{c.description}</p>}
              <p className="small muted">
                {t('libraryReports.packages.size', { count: c.size, n: formatNumber(c.size) })}
              </p>
              <a className="button" href={packageUrl(c.id)} download>
                {t('libraryReports.packages.export')}
                <span className="visually-hidden">: {c.title}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {canImport && (
        <section aria-labelledby="lr-import">
          <h2 id="lr-import">{t('libraryReports.import.title')}</h2>
          <p>{t('libraryReports.packages.importHint')}</p>
          <p>
            <Link to="/hoc-lieu/nhap-goi" className="button secondary">
              {t('libraryReports.import.nav')}
            </Link>
          </p>
        </section>
      )}
    </>
  );
}
