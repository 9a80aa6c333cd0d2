import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/loading.tsx';
import { fileAvailable, fileUrl, type ResourceDetail, simulationUrl } from './library-api.ts';

/**
 * The file as the server offers it: an image, a PDF in a frame, video and audio (streamed with
 * byte ranges), a sandboxed simulation; a download link when it offers no preview (or no file
 * yet). `version`: a version by number (authors and moderators see the pending one); readers
 * get the published one.
 */
export function Preview({ r, version }: { r: ResourceDetail; version?: number }) {
  const { t } = useTranslation();
  const sim = useQuery({
    queryKey: ['library-sim', r.id, version ?? null],
    queryFn: ({ signal }) => simulationUrl(r.id, signal, version),
    enabled: r.kind === 'simulation',
    retry: false,
  });
  const file = useQuery({
    queryKey: ['library-file', r.id, version ?? null],
    queryFn: ({ signal }) => fileAvailable(r.id, signal, version),
    retry: false,
  });
  if (file.isPending || (r.kind === 'simulation' && sim.isPending)) return <Loading />;
  const src = fileUrl(r.id, version);
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
        <video className="lib-media" src={src} controls preload="metadata" aria-label={r.title} />
        {download}
      </>
    );
  if (type.startsWith('audio/') || r.kind === 'audio')
    return (
      <>
        {/* biome-ignore lint/a11y/useMediaCaption: contributors' audio comes without caption tracks */}
        <audio className="lib-audio" src={src} controls preload="metadata" aria-label={r.title} />
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
