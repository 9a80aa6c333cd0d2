import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { NotFoundPage } from '../../ui/status-pages.tsx';
import { collectionQuery, collectionsQuery, favouritesQuery, labeller, referenceQuery } from './library-api.ts';
import { ResourceCard } from './resource-card.tsx';
import './library.css';

/** /hoc-lieu/bo-suu-tap — the curated collections (e.g. "Vật lí 10 – Kết nối tri thức"). */
export function CollectionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('library.collections.title'));
  const collections = useQuery(collectionsQuery);
  return (
    <div className="lib-page">
      <p className="breadcrumb">
        <Link to="/hoc-lieu">{t('library.resource.back')}</Link>
      </p>
      <h1>{t('library.collections.title')}</h1>
      <p className="lead">{t('library.collections.intro')}</p>
      {collections.isPending && <Loading />}
      {collections.isError && <ErrorAlert error={collections.error} onRetry={() => void collections.refetch()} />}
      {collections.data?.items.length === 0 && <p className="empty">{t('library.collections.none')}</p>}
      {collections.data && collections.data.items.length > 0 && (
        <ul className="lib-cards">
          {collections.data.items.map((c) => (
            <li key={c.id} className="lib-card card">
              <h2 className="lib-card-title">
                <Link to={`/hoc-lieu/bo-suu-tap/${c.id}`}>{c.title}</Link>
              </h2>
              {c.description && <p className="lib-card-meta">{c.description}</p>}
              <p className="lib-card-meta small muted">
                {t('library.collections.size', { count: c.size, n: formatNumber(c.size) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** /hoc-lieu/bo-suu-tap/:id — one collection's resources (those the reader may see), in the curator's order. */
export function CollectionPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const collection = useQuery(collectionQuery(id));
  const reference = useQuery(referenceQuery);
  usePageTitle(collection.data?.title ?? t('library.collections.title'));
  if (collection.isPending) return <Loading />;
  if (collection.isError) {
    if (collection.error instanceof ApiError && collection.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={collection.error} onRetry={() => void collection.refetch()} />;
  }
  const c = collection.data;
  const label = labeller(reference.data, i18n.resolvedLanguage, (k, o) => t(k, o));
  return (
    <div className="lib-page">
      <p className="breadcrumb">
        <Link to="/hoc-lieu/bo-suu-tap">{t('library.collections.title')}</Link>
      </p>
      <h1>{c.title}</h1>
      {c.description && <p className="lead">{c.description}</p>}
      <p>
        <a className="button secondary" href={`/api/library/collections/${encodeURIComponent(c.id)}/package`} download>
          {t('library.collections.package')}
        </a>
      </p>
      {c.items.length === 0 ? (
        <p className="empty">{t('library.collections.empty')}</p>
      ) : (
        <ul className="lib-cards">
          {c.items.map((r) => (
            <ResourceCard key={r.id} r={r} label={label} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** /hoc-lieu/yeu-thich — the signed-in reader's favourites. */
export function FavouritesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('library.favourites.title'));
  const session = useSession();
  const favourites = useQuery({ ...favouritesQuery, enabled: Boolean(session.data) });
  const reference = useQuery(referenceQuery);
  const label = labeller(reference.data, i18n.resolvedLanguage, (k, o) => t(k, o));
  return (
    <div className="lib-page">
      <p className="breadcrumb">
        <Link to="/hoc-lieu">{t('library.resource.back')}</Link>
      </p>
      <h1>{t('library.favourites.title')}</h1>
      {favourites.isPending && <Loading />}
      {favourites.isError && <ErrorAlert error={favourites.error} onRetry={() => void favourites.refetch()} />}
      {favourites.data?.items.length === 0 && <p className="empty">{t('library.favourites.none')}</p>}
      {favourites.data && favourites.data.items.length > 0 && (
        <ul className="lib-cards">
          {favourites.data.items.map((r) => (
            <ResourceCard key={r.id} r={r} label={label} />
          ))}
        </ul>
      )}
    </div>
  );
}
