import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/audit.schema.ts';
import { formatDateTime } from '../../lib/format.ts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { useAuditLabels } from './audit-labels.ts';

function json(value: unknown): string {
  return value == null ? '—' : JSON.stringify(value, null, 2);
}

/**
 * Audit entries in words (Đăng nhập, Tài khoản…), with the raw action code beneath for support
 * staff; each row can be expanded to show the ids and the record before and after the change.
 * A table on wide screens, a stack of cards on a phone (`table-stack`, see styles.css).
 */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <ScrollRegion labelledBy="audit-caption">
      <table className="table table-stack">
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
            const at = formatDateTime(e.at);
            const action = labels.action(e.action);
            return (
              <Fragment key={e.id}>
                <tr>
                  <th scope="row" className="nowrap">
                    {at}
                  </th>
                  <td data-label={t('audit.action')}>
                    <div>
                      {action && <span className="block">{action}</span>}
                      <code className={action ? 'code-line' : undefined}>{e.action}</code>
                    </div>
                  </td>
                  <td data-label={t('audit.entity')}>{labels.entity(e.entityType)}</td>
                  <td data-label={t('audit.unit')}>{e.unitName ?? '—'}</td>
                  <td data-label={t('audit.actor')}>{labels.actor(e.actorName)}</td>
                  <td data-label={t('audit.details')}>
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={open}
                      aria-controls={open ? detailId : undefined}
                      onClick={() => setOpenId(open ? null : e.id)}
                    >
                      {open ? t('audit.hide') : t('audit.show')}
                      <span className="visually-hidden">
                        {' '}
                        {t('audit.showFor', { action: action ?? e.action, time: at })}
                      </span>
                    </button>
                  </td>
                </tr>
                {open && (
                  <tr id={detailId} className="detail-row">
                    <td colSpan={6}>
                      <dl className="facts small">
                        <dt>{t('audit.entityId')}</dt>
                        <dd>
                          <code className="id">{e.entityId ?? '—'}</code>
                        </dd>
                        <dt>{t('audit.actorId')}</dt>
                        <dd>
                          <code className="id">{e.actorId ?? '—'}</code>
                        </dd>
                        <dt>{t('audit.unitId')}</dt>
                        <dd>
                          <code className="id">{e.unitId ?? '—'}</code>
                        </dd>
                        <dt>{t('audit.requestId')}</dt>
                        <dd>
                          <code className="id">{e.requestId ?? '—'}</code>
                        </dd>
                        <dt>{t('audit.ip')}</dt>
                        <dd>
                          <code className="id">{e.ip ?? '—'}</code>
                        </dd>
                      </dl>
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
