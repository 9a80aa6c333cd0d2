import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '../../../shared/admission-processing.schema.ts';
import { formatDateTime } from '../../lib/format.ts';
import { pickLocalized } from '../../lib/text.ts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { useAuditLabels } from '../audit/audit-labels.ts';

function json(value: unknown): string {
  return value == null ? '—' : JSON.stringify(value, null, 2);
}

/** Each transition: when, who, from which state to which, the reason and what was asked for. */
export function ApplicationTimeline({ app }: { app: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const docName = new Map(
    app.documents.map((d) => [d.code, pickLocalized({ vi: d.nameVi, en: d.nameEn }, i18n.resolvedLanguage)]),
  );
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('admissionsReview.detail.timeline')}</h2>
      <ol className="review-timeline">
        {app.timeline.map((e) => (
          <li key={e.id}>
            <p className="review-timeline-head">
              <strong>{t(`admissionsReview.transition.${e.action}`, { defaultValue: e.action })}</strong>
              {' — '}
              {t(`admissionsReview.state.${e.toState}`)}
            </p>
            <p className="small muted">
              {formatDateTime(e.at)} · {e.actorName ?? t(`admissionsReview.actorKind.${e.actorKind}`)}
            </p>
            {e.reason && (
              <p className="small">
                {t('admissionsReview.detail.reason')}: {e.reason}
              </p>
            )}
            {(e.details?.documents?.length ?? 0) > 0 && (
              <p className="small">
                {t('admissionsReview.detail.askedFor')}:{' '}
                {(e.details?.documents ?? []).map((c) => docName.get(c) ?? c).join(', ')}
              </p>
            )}
            {e.details?.note && (
              <p className="small">
                {t('admissionsReview.detail.note')}: {e.details.note}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The versions of the editable part (wishes, priority, residence) kept at each edit. */
export function ApplicationVersions({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('admissionsReview.detail.versions')}</h2>
      {app.versions.length === 0 ? (
        <p>{t('admissionsReview.detail.noVersions')}</p>
      ) : (
        <ol className="review-timeline">
          {app.versions.map((v) => (
            <li key={v.version}>
              <details>
                <summary>
                  {t('admissionsReview.detail.versionOf', { version: v.version, at: formatDateTime(v.editedAt) })}
                  {' · '}
                  {v.editedBy === 'applicant'
                    ? t('admissionsReview.actorKind.applicant')
                    : t('admissionsReview.actorKind.user')}
                </summary>
                <pre className="review-message">{json(v.data)}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Who did what with this dossier (audit_log), including who only looked at it. */
export function ApplicationAudit({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('admissionsReview.detail.audit')}</h2>
      {app.audit === null ? (
        <p>{t('admissionsReview.detail.auditHidden')}</p>
      ) : app.audit.length === 0 ? (
        <p>{t('admissionsReview.detail.auditEmpty')}</p>
      ) : (
        <ScrollRegion labelledBy="audit-caption">
          <table className="table table-stack">
            <caption id="audit-caption" className="visually-hidden">
              {t('admissionsReview.detail.audit')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('admissionsReview.detail.auditAt')}</th>
                <th scope="col">{t('admissionsReview.detail.auditAction')}</th>
                <th scope="col">{t('admissionsReview.detail.auditActor')}</th>
              </tr>
            </thead>
            <tbody>
              {app.audit.map((e, i) => {
                const action = labels.action(e.action);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: audit rows carry no id here and never reorder
                  <tr key={i}>
                    <th scope="row" className="nowrap">
                      {formatDateTime(e.at)}
                    </th>
                    <td data-label={t('admissionsReview.detail.auditAction')}>
                      <div>
                        {action && <span className="block">{action}</span>}
                        <code className={action ? 'code-line' : undefined}>{e.action}</code>
                      </div>
                    </td>
                    <td data-label={t('admissionsReview.detail.auditActor')}>{labels.actor(e.actorName)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
