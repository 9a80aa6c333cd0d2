import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { fileUrl, type ResourceDetail } from './library-api.ts';

/**
 * A resource's versions (newest first, the published and the pending one marked, each file or
 * link reachable) and its moderation history (oldest first, with who and the comments).
 */
export function ResourceHistory({ r, headingLevel = 2 }: { r: ResourceDetail; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const actionLabel = (action: string, to: string) =>
    i18n.exists(`library.action.${action}`) ? t(`library.action.${action}`) : t(`library.status.${to}`);
  return (
    <>
      <section aria-labelledby="lib-versions-title">
        <H id="lib-versions-title">{t('library.history.versions')}</H>
        {r.versions.length === 0 ? (
          <p className="muted">{t('library.history.noVersion')}</p>
        ) : (
          <ul className="lib-versions">
            {r.versions.map((v) => (
              <li key={v.id}>
                <strong>{t('library.history.versionN', { n: v.number })}</strong>
                {v.id === r.publishedVersionId && (
                  <span className="state-badge lib-status-published">{t('library.history.published')}</span>
                )}
                {v.id === r.currentVersionId && v.id !== r.publishedVersionId && (
                  <span className="state-badge lib-status-submitted">{t('library.history.pending')}</span>
                )}
                <span className="small muted block">{formatDateTime(v.createdAt)}</span>
                {v.url ? (
                  <a href={v.url} target="_blank" rel="noopener noreferrer" className="small">
                    {t('library.history.openUrl')}
                  </a>
                ) : v.fileId ? (
                  <a href={fileUrl(r.id, v.number)} className="small" download>
                    {t('library.history.download', { n: v.number })}
                  </a>
                ) : null}
                {v.note && <p className="small">{v.note}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="lib-transitions-title">
        <H id="lib-transitions-title">{t('library.history.title')}</H>
        {r.transitions.length === 0 ? (
          <p className="muted">{t('library.history.none')}</p>
        ) : (
          <ol className="events lib-events">
            {r.transitions.map((tr, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only and shown in its order
              <li key={i}>
                <span className="small muted">{formatDateTime(tr.at)}</span>{' '}
                <strong>{actionLabel(tr.action, tr.toStatus)}</strong>
                {tr.actorName && <span> — {tr.actorName}</span>}
                {tr.comment && <blockquote className="lib-comment">{tr.comment}</blockquote>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
