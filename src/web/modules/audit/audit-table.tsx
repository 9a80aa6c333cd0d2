import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/audit.schema.ts';
import { formatDateTime } from '../../lib/format.ts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';

function json(value: unknown): string {
  return value == null ? '—' : JSON.stringify(value, null, 2);
}

/** Audit entries; each row can be expanded to show the record before and after the change. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <ScrollRegion labelledBy="audit-caption">
      <table className="table">
        <caption id="audit-caption" className="visually-hidden">
          {t('audit.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.entity')}</th>
            <th scope="col">{t('audit.unit')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const open = openId === e.id;
            const detailId = `audit-detail-${e.id}`;
            return (
              <Fragment key={e.id}>
                <tr>
                  <td className="nowrap">{formatDateTime(e.at)}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.entityType}
                    {e.entityId && <span className="muted small"> {e.entityId}</span>}
                  </td>
                  <td>{e.unitName ?? '—'}</td>
                  <td>{e.actorName ?? t('audit.system')}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={open}
                      aria-controls={open ? detailId : undefined}
                      onClick={() => setOpenId(open ? null : e.id)}
                    >
                      {open ? t('audit.hide') : t('audit.show')}
                    </button>
                  </td>
                </tr>
                {open && (
                  <tr id={detailId} className="detail-row">
                    <td colSpan={6}>
                      <div className="diff">
                        <div>
                          <p className="small">
                            <strong>{t('audit.before')}</strong>
                          </p>
                          <pre>{json(e.before)}</pre>
                        </div>
                        <div>
                          <p className="small">
                            <strong>{t('audit.after')}</strong>
                          </p>
                          <pre>{json(e.after)}</pre>
                        </div>
                      </div>
                      <p className="small muted">
                        {t('audit.requestId')}: {e.requestId ?? '—'} · IP: {e.ip ?? '—'}
                      </p>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
