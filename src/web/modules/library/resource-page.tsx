import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ResourceDetail } from '../../../shared/library.schema.ts';
import { ApiError } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useSession } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { NotFoundPage } from '../../ui/status-pages.tsx';
import { favouritesQuery, getResource, labeller, referenceQuery, setFavourite } from './library-api.ts';
import { Preview } from './preview.tsx';
import { ResourceFacts } from './resource-facts.tsx';
import './library.css';

/** /hoc-lieu/:id — one resource: metadata, licence, authors and school, a preview, favourite. */
export function ResourcePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const resource = useQuery({ queryKey: ['library-resource', id], queryFn: ({ signal }) => getResource(id, signal) });
  const reference = useQuery(referenceQuery);
  usePageTitle(resource.data?.title ?? t('library.resource.title'));
  if (resource.isPending) return <Loading />;
  if (resource.isError) {
    if (resource.error instanceof ApiError && resource.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={resource.error} onRetry={() => void resource.refetch()} />;
  }
  const r = resource.data;
  const label = labeller(reference.data, i18n.resolvedLanguage, (k, o) => t(k, o));
  const link = r.versions.find((v) => v.id === (r.publishedVersionId ?? r.currentVersionId))?.url ?? null;
  return (
    <article className="lib-page lib-resource">
      <p className="breadcrumb">
        <Link to="/hoc-lieu">{t('library.resource.back')}</Link>
      </p>
      <p className="lib-kind">{label('kind', r.kind)}</p>
      <h1>{r.title}</h1>
      <FavouriteToggle id={r.id} />
      {r.description && <p className="lead">{r.description}</p>}
      <section aria-labelledby="lib-preview-title">
        <h2 id="lib-preview-title">{t('library.resource.preview')}</h2>
        {link ? (
          <p>
            <a href={link} target="_blank" rel="noopener noreferrer">
              {t('library.resource.openLink')}
            </a>
          </p>
        ) : (
          <Preview r={r} />
        )}
      </section>
      <AdaptLink r={r} />
      <section aria-labelledby="lib-facts-title">
        <h2 id="lib-facts-title">{t('library.resource.details')}</h2>
        <ResourceFacts r={r} />
      </section>
    </article>
  );
}

/** A published lesson plan: a teacher may start their own plan from it (copy and adapt, with attribution). */
function AdaptLink({ r }: { r: ResourceDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  if (r.kind !== 'lesson_plan' || !r.publishedVersionId || !hasPermission(session.data?.user, 'library.contribute'))
    return null;
  return (
    <p>
      <Link className="button secondary" to={`/giao-an/phong-theo/${r.id}`}>
        {t('lessonPlans.adapt.fromLibrary')}
      </Link>
    </p>
  );
}

function FavouriteToggle({ id }: { id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const client = useQueryClient();
  const signedIn = Boolean(session.data);
  const favourites = useQuery({ ...favouritesQuery, enabled: signedIn });
  const on = favourites.data?.items.some((x) => x.id === id) ?? false;
  const toggle = useMutation({
    mutationFn: (next: boolean) => setFavourite(id, next),
    onSuccess: () => client.invalidateQueries({ queryKey: favouritesQuery.queryKey }),
  });
  if (!signedIn || !favourites.data) return null;
  return (
    <div className="lib-fav">
      <button
        type="button"
        className="button secondary"
        aria-pressed={on}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate(!on)}
      >
        {on ? t('library.resource.favourited') : t('library.resource.favourite')}
      </button>
      {toggle.isError && <ErrorAlert error={toggle.error} />}
    </div>
  );
}
