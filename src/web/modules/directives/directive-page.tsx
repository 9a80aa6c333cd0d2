import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { NotFoundPage } from '../../ui/status-pages.tsx';
import {
  closeDirective,
  type DirectiveDetail,
  fileUrl,
  getDirective,
  issueDirective,
  markRead,
} from './directives-api.ts';
import { FollowTable } from './follow-table.tsx';
import { RespondSection } from './respond-form.tsx';
import { CountsLine } from './status.tsx';
import './directives.css';

/**
 * /chi-dao/:id — a directive. A recipient's opening records the unit's first read; it then sees
 * its answer and the form to answer or amend. The issuer sees the counts and the per-unit table.
 */
export function DirectivePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const key = ['directive', id];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => getDirective(id, signal), retry: false });
  usePageTitle(q.data?.title ?? t('directives.title'));
  const marking = useRef(false);
  const d = q.data;
  const unread = d ? d.mine.some((m) => m.firstReadAt === null) : false;
  useEffect(() => {
    if (!unread || marking.current) return;
    marking.current = true;
    void markRead(id).then(() => {
      void qc.invalidateQueries({ queryKey: ['directive', id] });
      void qc.invalidateQueries({ queryKey: ['directives-inbox'] });
    });
  }, [unread, id, qc]);
  if (q.isPending) return <Loading />;
  if (q.isError) {
    if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={q.error} />;
  }
  return (
    <article className="dir-page">
      <p className="breadcrumb">
        <Link to={d!.isIssuer && d!.mine.length === 0 ? '/chi-dao?tab=sent' : '/chi-dao'}>{t('directives.back')}</Link>
      </p>
      <h1>{d!.title}</h1>
      <Facts d={d!} />
      {d!.isIssuer && <IssuerActions d={d!} />}
      {d!.mine.map((m) => (
        <RespondSection key={m.unitId} directive={d!} mine={m} />
      ))}
      {d!.isIssuer && d!.state !== 'draft' && <FollowTable directive={d!} />}
    </article>
  );
}

function Facts({ d }: { d: DirectiveDetail }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('directives.f.number'), d.number ?? '—'],
    [t('directives.f.docDate'), d.docDate ? formatDate(d.docDate) : '—'],
    [t('directives.f.issuer'), d.issuerUnitName],
    [t('directives.f.deadline'), d.deadline ? formatDate(d.deadline) : t('directives.noDeadline')],
    [t('directives.f.responseKind'), t(`directives.kind.${d.responseKind}`)],
    [t('directives.f.state'), t(`directives.state.${d.state}`)],
  ];
  return (
    <>
      <dl className="dir-facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {d.summary && <p className="dir-summary">{d.summary}</p>}
      {d.attachments.length > 0 && (
        <section aria-labelledby="dir-att-h">
          <h2 id="dir-att-h">{t('directives.f.attachments')}</h2>
          <ul>
            {d.attachments.map((f) => (
              <li key={f.id}>
                <a href={fileUrl(d.id, f.id)}>{f.filename}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function IssuerActions({ d }: { d: DirectiveDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const act = useMutation({
    mutationFn: (what: 'issue' | 'close') => (what === 'issue' ? issueDirective(d.id) : closeDirective(d.id)),
    onSuccess: (next) => {
      qc.setQueryData(['directive', d.id], next);
      void qc.invalidateQueries({ queryKey: ['directives-sent'] });
    },
  });
  return (
    <section aria-labelledby="dir-issuer-h" className="dir-issuer">
      <h2 id="dir-issuer-h">{t('directives.follow.title')}</h2>
      {d.counts && <CountsLine counts={d.counts} />}
      {d.issuedAt && <p className="dir-meta">{t('directives.issuedAt', { at: formatDateTime(d.issuedAt) })}</p>}
      <p className="actions">
        {d.state === 'draft' && (
          <>
            <button type="button" className="button" disabled={act.isPending} onClick={() => act.mutate('issue')}>
              {t('directives.issue')}
            </button>
            <Link className="button secondary" to={`/chi-dao/${d.id}/sua`}>
              {t('directives.edit.link')}
            </Link>
          </>
        )}
        {d.state === 'issued' && (
          <button
            type="button"
            className="button secondary"
            disabled={act.isPending}
            onClick={() => act.mutate('close')}
          >
            {t('directives.close')}
          </button>
        )}
      </p>
      {act.isError && <ErrorAlert error={act.error} />}
    </section>
  );
}
