import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { NotFoundPage } from '../../ui/status-pages.tsx';
import {
  favouritesQuery,
  fileAvailable,
  fileUrl,
  getResource,
  labeller,
  type ResourceDetail,
  referenceQuery,
  schoolQuery,
  setFavourite,
  simulationUrl,
} from './library-api.ts';
import './library.css';

/** /hoc-lieu/:id — one resource: metadata, licence, authors and school, a preview, favourite. */
export function ResourcePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const resource = useQuery({ queryKey: ['library-resource', id], queryFn: ({ signal }) => getResource(id, signal) });
  const reference = useQuery(referenceQuery);
  const school = useQuery({ ...schoolQuery(resource.data?.schoolId ?? ''), enabled: Boolean(resource.data) });
  usePageTitle(resource.data?.title ?? t('library.resource.title'));
  if (resource.isPending) return <Loading />;
  if (resource.isError) {
    if (resource.error instanceof ApiError && resource.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={resource.error} onRetry={() => void resource.refetch()} />;
  }
  const r = resource.data;
  const label = labeller(reference.data, i18n.resolvedLanguage, (k, o) => t(k, o));
  const licence = reference.data?.licences.find((l) => l.code === r.licenceCode);
  const publisher = school.data?.name ?? r.dublinCore['dc:publisher']?.[0];
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
      <section aria-labelledby="lib-facts-title">
        <h2 id="lib-facts-title">{t('library.resource.details')}</h2>
        <dl className="facts">
          {r.subjects.length > 0 && (
            <>
              <dt>{t('library.facets.subject')}</dt>
              <dd>{r.subjects.map((s) => label('subject', s)).join(', ')}</dd>
            </>
          )}
          {r.levels.length > 0 && (
            <>
              <dt>{t('library.facets.level')}</dt>
              <dd>{r.levels.map((l) => label('level', l)).join(', ')}</dd>
            </>
          )}
          {r.grades.length > 0 && (
            <>
              <dt>{t('library.facets.grade')}</dt>
              <dd>{r.grades.map((g) => label('grade', String(g))).join(', ')}</dd>
            </>
          )}
          {r.seriesCode && (
            <>
              <dt>{t('library.facets.series')}</dt>
              <dd>{label('series', r.seriesCode)}</dd>
            </>
          )}
          {r.topic && (
            <>
              <dt>{t('library.resource.topic')}</dt>
              <dd>{r.topic}</dd>
            </>
          )}
          <dt>{t('library.facets.licence')}</dt>
          <dd>
            {licence?.url ? (
              <a href={licence.url} target="_blank" rel="license noopener noreferrer">
                {label('licence', r.licenceCode)}
              </a>
            ) : (
              label('licence', r.licenceCode)
            )}
          </dd>
          {r.authors.length > 0 && (
            <>
              <dt>{t('library.resource.authors')}</dt>
              <dd>{r.authors.join(', ')}</dd>
            </>
          )}
          {publisher && (
            <>
              <dt>{t('library.resource.school')}</dt>
              <dd>{publisher}</dd>
            </>
          )}
          {r.keywords.length > 0 && (
            <>
              <dt>{t('library.resource.keywords')}</dt>
              <dd>{r.keywords.join(', ')}</dd>
            </>
          )}
          {r.publishedAt && (
            <>
              <dt>{t('library.resource.published')}</dt>
              <dd>{formatDate(r.publishedAt)}</dd>
            </>
          )}
          <dt>{t('library.resource.usage')}</dt>
          <dd>{t('library.resource.usageCounts', { views: r.viewCount, downloads: r.downloadCount })}</dd>
        </dl>
      </section>
    </article>
  );
}

/** The file as the server offers it; a download link when it offers no preview (or no file yet). */
function Preview({ r }: { r: ResourceDetail }) {
  const { t } = useTranslation();
  const sim = useQuery({
    queryKey: ['library-sim', r.id],
    queryFn: ({ signal }) => simulationUrl(r.id, signal),
    enabled: r.kind === 'simulation',
    retry: false,
  });
  const file = useQuery({
    queryKey: ['library-file', r.id],
    queryFn: ({ signal }) => fileAvailable(r.id, signal),
    retry: false,
  });
  if (file.isPending || (r.kind === 'simulation' && sim.isPending)) return <Loading />;
  const src = fileUrl(r.id);
  const type = file.data?.type ?? '';
  const download = file.data?.ok ? (
    <p>
      <a href={src} download>
        {t('library.resource.download')}
      </a>
    </p>
  ) : null;
  if (r.kind === 'simulation' && sim.data)
    return (
      <>
        <iframe className="lib-frame lib-sim" src={sim.data} sandbox="allow-scripts" title={r.title} />
        {download}
      </>
    );
  if (!file.data?.ok) return <p className="muted">{t('library.resource.noPreview')}</p>;
  if (type.startsWith('image/') || r.kind === 'image')
    return (
      <>
        <img className="lib-image" src={src} alt={r.description || r.title} />
        {download}
      </>
    );
  if (type.startsWith('video/') || r.kind === 'video')
    return (
      <>
        {/* biome-ignore lint/a11y/useMediaCaption: contributors' videos come without caption tracks */}
        <video className="lib-media" src={src} controls preload="metadata" />
        {download}
      </>
    );
  if (type.startsWith('audio/') || r.kind === 'audio')
    return (
      <>
        {/* biome-ignore lint/a11y/useMediaCaption: contributors' audio comes without caption tracks */}
        <audio className="lib-audio" src={src} controls preload="metadata" />
        {download}
      </>
    );
  if (type === 'application/pdf')
    return (
      <>
        <iframe className="lib-frame" src={src} title={r.title} />
        {download}
      </>
    );
  return download;
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
