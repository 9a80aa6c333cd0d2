import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { NotFoundPage } from '../../ui/status-pages.tsx';
import { documentUrl, type FileDetail, getFile, requestRead } from './archive-api.ts';
import { DocumentActions } from './document-actions.tsx';
import { DocumentForm } from './document-form.tsx';
import './archive.css';

/** /luu-tru/ho-so/:id — a file's description (Thông tư 05/2025/TT-BNV) and, when allowed, its documents. */
export function ArchiveFilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const notice = (useLocation().state as { notice?: 'created' | 'saved' } | null)?.notice;
  const file = useQuery({ queryKey: ['archive-file', id], queryFn: ({ signal }) => getFile(id, signal), retry: false });
  usePageTitle(file.data?.title ?? t('archive.file.title'));
  if (file.isPending) return <Loading />;
  if (file.isError) {
    if (file.error instanceof ApiError && file.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={file.error} />;
  }
  const f = file.data;
  const retention =
    f.retentionYears === null ? t('archive.file.permanent') : t('archive.file.years', { count: f.retentionYears });
  const facts: [string, string][] = [
    [t('archive.file.code'), f.code],
    [t('archive.file.fonds'), f.fondsName],
    [t('archive.file.creator'), f.creatorUnitName],
    [t('archive.file.dates'), `${formatDate(f.startDate)} – ${formatDate(f.endDate)}`],
    [t('archive.file.retention'), retention],
    [t('archive.file.access'), t(`archive.level.${f.accessLevel}`)],
    [t('archive.file.language'), f.language],
    [t('archive.file.keywords'), f.keywords.join(', ') || '—'],
    [
      t('archive.file.counts'),
      t('archive.file.countsValue', {
        documents: formatNumber(f.documentCount),
        sheets: formatNumber(f.sheetCount),
        pages: formatNumber(f.pageCount),
      }),
    ],
    [t('archive.file.reliability'), t(`archive.reliability.${f.reliability}`)],
    ...(f.paperCode ? ([[t('archive.file.paperCode'), f.paperCode]] as [string, string][]) : []),
    ...(f.physicalCondition ? ([[t('archive.file.condition'), f.physicalCondition]] as [string, string][]) : []),
    [t('archive.file.backup'), t(`archive.backup.${f.backupStatus}`)],
  ];
  return (
    <article className="arc-page">
      <p className="breadcrumb">
        <Link to="/luu-tru">{t('archive.file.back')}</Link>
      </p>
      <h1>{f.title}</h1>
      {notice && (
        <p role="status" className="alert alert-success">
          {t(`archive.form.${notice}`)}
        </p>
      )}
      {f.canManage && (
        <p className="actions">
          <Link className="button secondary" to={`/luu-tru/ho-so/${f.id}/sua`}>
            {t('archive.form.edit')}
          </Link>
        </p>
      )}
      <dl className="arc-facts">
        {facts.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="arc-docs">
        <h2 id="arc-docs">{t('archive.file.documents')}</h2>
        {f.documents === null ? <RequestForm file={f} /> : <Documents file={f} />}
      </section>
      {f.canManage && <DocumentForm file={f} />}
    </article>
  );
}

/**
 * The file's documents. Archivists also see the withdrawn ones, marked "đã rút" with when, by
 * whom and why, and may edit or withdraw the others; readers are never sent withdrawn ones.
 */
function Documents({ file }: { file: FileDetail }) {
  const { t } = useTranslation();
  if (!file.documents?.length) return <p>{t('archive.file.noDocuments')}</p>;
  return (
    <ol className="arc-list">
      {file.documents.map((d) => (
        <li key={d.id} className={d.withdrawn ? 'arc-card arc-doc-withdrawn' : 'arc-card'}>
          <p>
            <strong>{d.title}</strong>
            {d.withdrawn && (
              <>
                {' '}
                <span className="state-badge arc-withdrawn-badge">{t('archive.doc.withdrawnBadge')}</span>
              </>
            )}
          </p>
          <p className="arc-meta">
            {[d.docNumber, d.docDate ? formatDate(d.docDate) : null, d.author].filter(Boolean).join(' · ')}
          </p>
          {d.withdrawn && (
            <p className="arc-meta">
              {t('archive.doc.withdrawnOn', {
                date: formatDate(d.withdrawn.at),
                by: d.withdrawn.byName ?? '—',
                reason: d.withdrawn.reason,
              })}
            </p>
          )}
          {d.file && (
            <p>
              <a href={documentUrl(file.id, d.id)}>{t('archive.file.open', { name: d.file.filename })}</a>{' '}
              <span className="arc-hash" title="SHA-256">
                SHA-256 {d.file.sha256.slice(0, 16)}…
              </span>
            </p>
          )}
          {file.canManage && !d.withdrawn && <DocumentActions file={file} doc={d} />}
        </li>
      ))}
    </ol>
  );
}

/** A restricted file without an approved request: ask to read it, saying why. */
function RequestForm({ file }: { file: FileDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();
  const [purpose, setPurpose] = useState('');
  const send = useMutation({
    mutationFn: () => requestRead(file.id, purpose),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['archive-requests'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  if (!session.data) return <p>{t('archive.file.signInToRequest')}</p>;
  return (
    <>
      <p>{t('archive.file.restricted')}</p>
      {send.isSuccess ? (
        <p role="status">
          {t('archive.file.requestSent')} <Link to="/luu-tru/yeu-cau">{t('archive.requests.nav')}</Link>
        </p>
      ) : (
        <form className="arc-form" onSubmit={submit}>
          <label htmlFor="arc-purpose">{t('archive.file.purpose')}</label>
          <textarea
            id="arc-purpose"
            required
            minLength={5}
            maxLength={2000}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
            aria-describedby={send.isError ? 'arc-request-error' : undefined}
          />
          {send.isError && (
            <div id="arc-request-error">
              <ErrorAlert error={send.error} />
            </div>
          )}
          <button type="submit" className="button" disabled={send.isPending}>
            {t('archive.file.sendRequest')}
          </button>
        </form>
      )}
    </>
  );
}
