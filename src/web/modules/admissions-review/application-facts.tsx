import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '../../../shared/admission-processing.schema.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { pickLocalized } from '../../lib/text.ts';

/** The child, residence (registry match or correction with its reason), priority and wishes. */
export function ApplicationFacts({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const r = app.residence;
  return (
    <div className="review-grid">
      <section className="card" aria-labelledby="child-title">
        <h2 id="child-title">{t('admissionsReview.detail.child')}</h2>
        <dl className="facts review-facts">
          <dt>{t('admissionsReview.detail.fullName')}</dt>
          <dd>{app.child.fullName}</dd>
          <dt>{t('admissionsReview.detail.dateOfBirth')}</dt>
          <dd>{formatDate(app.child.dateOfBirth)}</dd>
          <dt>{t('admissionsReview.detail.gender')}</dt>
          <dd>{t(`admissionsReview.gender.${app.child.gender}`)}</dd>
          <dt>{t('admissionsReview.detail.contact')}</dt>
          <dd>{t(`admissionsReview.detail.contact_${app.contactChannel}`)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="residence-title">
        <h2 id="residence-title">{t('admissionsReview.detail.residence')}</h2>
        <dl className="facts review-facts">
          <dt>{t('admissionsReview.detail.commune')}</dt>
          <dd>{r.commune.name}</dd>
          <dt>{t('admissionsReview.detail.village')}</dt>
          <dd>{r.village ?? '—'}</dd>
          <dt>{t('admissionsReview.detail.registry')}</dt>
          <dd>
            {r.registryMatch
              ? t('admissionsReview.detail.registryMatch')
              : t('admissionsReview.detail.registryNoMatch')}
          </dd>
          <dt>{t('admissionsReview.detail.residenceStatus')}</dt>
          <dd>{t(`admissionsReview.residence.${r.status}`)}</dd>
          {r.status === 'correction' && (
            <>
              <dt>{t('admissionsReview.detail.correctionReason')}</dt>
              <dd>{r.correctionReason ?? '—'}</dd>
            </>
          )}
        </dl>
        {!r.registryMatch && <p className="notice small">{t('admissionsReview.detail.checkDocuments')}</p>}
      </section>
      <section className="card" aria-labelledby="wishes-title">
        <h2 id="wishes-title">{t('admissionsReview.detail.wishes')}</h2>
        <ol className="review-wishes">
          {[...app.wishes]
            .sort((a, b) => a.rank - b.rank)
            .map((w) => (
              <li key={w.id}>
                <span className="visually-hidden">{t('admissionsReview.detail.wishRank', { rank: w.rank })} </span>
                {w.name}
              </li>
            ))}
        </ol>
        <h3>{t('admissionsReview.detail.priority')}</h3>
        <p>
          {app.priorityGroup
            ? `${app.priorityGroup.name} (${app.priorityGroup.code})`
            : t('admissionsReview.detail.noPriority')}
        </p>
      </section>
    </div>
  );
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

/** The documents the procedure asks for, and what was attached (each opens or downloads). */
export function ApplicationDocuments({ app }: { app: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const names = new Map(
    app.documents.map((d) => [d.code, pickLocalized({ vi: d.nameVi, en: d.nameEn }, i18n.resolvedLanguage)]),
  );
  return (
    <section className="card" aria-labelledby="documents-title">
      <h2 id="documents-title">{t('admissionsReview.detail.attachments')}</h2>
      {app.attachments.length === 0 ? (
        <p>{t('admissionsReview.detail.noAttachments')}</p>
      ) : (
        <ul className="review-files">
          {app.attachments.map((a) => (
            <li key={a.id}>
              <a href={a.downloadUrl} target="_blank" rel="noopener">
                {a.filename}
                <span className="visually-hidden"> {t('admissionsReview.detail.opensNewTab')}</span>
              </a>{' '}
              <span className="small muted">
                {names.get(a.documentCode) ?? a.documentCode} · {size(a.sizeBytes)} ·{' '}
                {t(`admissionsReview.detail.uploadedBy_${a.uploadedByKind}`)} · {formatDateTime(a.createdAt)}
              </span>{' '}
              <a href={a.downloadUrl} download className="small">
                {t('admissionsReview.detail.download')}
                <span className="visually-hidden"> {a.filename}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {app.documents.length > 0 && (
        <>
          <h3>{t('admissionsReview.detail.required')}</h3>
          <ul className="review-files">
            {app.documents.map((d) => {
              const has = app.attachments.some((a) => a.documentCode === d.code);
              return (
                <li key={d.code}>
                  {names.get(d.code)}{' '}
                  <span className="small muted">
                    ({d.required ? t('admissionsReview.detail.mandatory') : t('admissionsReview.detail.optional')}
                    {' · '}
                    {has ? t('admissionsReview.detail.attached') : t('admissionsReview.detail.notAttached')})
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
