import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { getFixity, runFixity } from './archive-api.ts';
import './archive.css';

/** /luu-tru/toan-ven — the last fixity check of the archive's stored files, its problems, a run now. */
export function FixityPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  usePageTitle(t('archive.fixity.title'));
  const report = useQuery({ queryKey: ['archive-fixity'], queryFn: ({ signal }) => getFixity(signal) });
  const run = useMutation({
    mutationFn: runFixity,
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['archive-fixity'] }),
  });
  return (
    <div className="arc-page">
      <h1>{t('archive.fixity.title')}</h1>
      <p className="lead">{t('archive.fixity.intro')}</p>
      <button type="button" className="button" disabled={run.isPending} onClick={() => run.mutate()}>
        {run.isPending ? t('archive.fixity.running') : t('archive.fixity.run')}
      </button>
      {run.isError && <ErrorAlert error={run.error} />}
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <section aria-labelledby="arc-fix-last" aria-live="polite">
          <h2 id="arc-fix-last">{t('archive.fixity.last')}</h2>
          {report.data.lastRunAt === null ? (
            <p>{t('archive.fixity.never')}</p>
          ) : (
            <p>
              {t('archive.fixity.summary', {
                at: formatDateTime(report.data.lastRunAt),
                checked: formatNumber(report.data.checked),
                problems: formatNumber(report.data.problems.length),
              })}
            </p>
          )}
          {report.data.problems.length > 0 && (
            <ul className="arc-list">
              {report.data.problems.map((p) => (
                <li key={p.documentId} className="arc-card" role="alert">
                  <p>
                    <strong>{t(`archive.fixity.outcome.${p.outcome}`)}</strong> —{' '}
                    <Link to={`/luu-tru/ho-so/${p.fileId}`}>{p.fileCode}</Link>: {p.documentTitle}
                  </p>
                  <p className="arc-hash">
                    {t('archive.fixity.expected')} {p.expectedSha256}
                    <br />
                    {t('archive.fixity.actual')} {p.actualSha256 ?? '—'}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
