import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { useMe, useSession } from '../../lib/session.ts';
// The library's tus client (resumable, remembered per file): packages are uploaded the same way as resources.
import { tusUpload } from '../../lib/tus-client.ts';
import { FormStatus } from '../../ui/error-alert.tsx';
import { importPackage, PACKAGE_UPLOAD_PURPOSE, type PackageImportSummary } from './reports-api.ts';
import './library-reports.css';

type Step =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number; total: number }
  | { kind: 'importing' }
  | { kind: 'done'; summary: PackageImportSummary }
  | { kind: 'failed'; error: unknown };

const VISIBILITIES = ['province', 'public', 'school'] as const;

/**
 * /hoc-lieu/nhap-goi — import an offline package made by another giaoducso installation: the zip
 * is uploaded with tus (resumable: choosing the same file again continues where it stopped), then
 * checked whole by the server and its resources become drafts of the chosen school; the summary
 * says what was created, what had been imported before, and what could not be, with why.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('libraryReports.import.title'));
  const me = useMe();
  const session = useSession();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const units = [...new Map(me.grants.map((g) => [g.unitId, g.unitName])).entries()];
  const busy = step.kind === 'uploading' || step.kind === 'importing';
  const status = useRef<HTMLDivElement>(null);

  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    if (step.kind === 'done') status.current?.focus();
  }, [step.kind]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get('package');
    if (!(file instanceof File) || file.size === 0) {
      form.querySelector<HTMLElement>('#lr-package')?.focus();
      setStep({ kind: 'failed', error: null });
      return;
    }
    const c = new AbortController();
    controller.current = c;
    const csrf = session.data?.csrfToken;
    setStep({ kind: 'uploading', sent: 0, total: file.size });
    try {
      const uploaded = await tusUpload({
        endpoint: '/api/uploads',
        file,
        metadata: { purpose: PACKAGE_UPLOAD_PURPOSE, filename: file.name, filetype: file.type || 'application/zip' },
        signal: c.signal,
        headers: () => ({
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
          'accept-language': i18n.resolvedLanguage === 'en' ? 'en' : 'vi',
        }),
        onProgress: (sent, total) => setStep({ kind: 'uploading', sent, total }),
      });
      setStep({ kind: 'importing' });
      const schoolId = String(data.get('schoolId') ?? '') || undefined;
      const summary = await importPackage({
        fileId: uploaded.fileId,
        visibility: String(data.get('visibility') ?? 'province'),
        ...(schoolId ? { schoolId } : {}),
      });
      setStep({ kind: 'done', summary });
    } catch (error) {
      setStep(c.signal.aborted ? { kind: 'idle' } : { kind: 'failed', error });
    }
  }

  const percent = step.kind === 'uploading' ? Math.floor((step.sent / Math.max(1, step.total)) * 100) : 0;

  return (
    <>
      <p>
        <Link to="/hoc-lieu/goi-ngoai-tuyen">{t('libraryReports.import.back')}</Link>
      </p>
      <h1>{t('libraryReports.import.title')}</h1>
      <p className="lead">{t('libraryReports.import.intro')}</p>
      <form className="form card narrow" onSubmit={submit} noValidate aria-describedby="lr-import-status">
        <div className="field">
          <label htmlFor="lr-package">{t('libraryReports.import.file')}</label>
          <p id="lr-package-hint" className="hint field-hint">
            {t('libraryReports.import.fileHint')}
          </p>
          <input
            id="lr-package"
            name="package"
            type="file"
            accept=".zip,application/zip"
            required
            disabled={busy}
            aria-describedby="lr-package-hint"
          />
        </div>
        {units.length > 1 && (
          <div className="field">
            <label htmlFor="lr-school">{t('libraryReports.import.school')}</label>
            <select id="lr-school" name="schoolId" disabled={busy}>
              {units.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="lr-visibility">{t('libraryReports.import.visibility')}</label>
          <p id="lr-visibility-hint" className="hint field-hint">
            {t('libraryReports.import.visibilityHint')}
          </p>
          <select
            id="lr-visibility"
            name="visibility"
            defaultValue="province"
            disabled={busy}
            aria-describedby="lr-visibility-hint"
          >
            {VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {t(`libraryReports.visibility.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t('libraryReports.import.submit')}
          </button>
          {step.kind === 'uploading' && (
            <button type="button" className="button secondary" onClick={() => controller.current?.abort()}>
              {t('libraryReports.import.stop')}
            </button>
          )}
        </div>
        {step.kind === 'uploading' && (
          <div className="lr-progress">
            <label htmlFor="lr-progress">{t('libraryReports.import.uploading')}</label>
            <progress id="lr-progress" max={100} value={percent}>
              {percent}%
            </progress>
            <span aria-hidden="true"> {percent}%</span>
          </div>
        )}
        <div id="lr-import-status" role="status" aria-live="polite" className="small">
          {step.kind === 'importing' && t('libraryReports.import.checking')}
        </div>
        <FormStatus
          error={step.kind === 'failed' && step.error ? step.error : undefined}
          problem={step.kind === 'failed' && !step.error ? t('libraryReports.import.noFile') : null}
        />
      </form>
      {step.kind === 'done' && (
        <div ref={status} tabIndex={-1}>
          <Summary summary={step.summary} />
        </div>
      )}
    </>
  );
}

function Summary({ summary }: { summary: PackageImportSummary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  return (
    <section aria-labelledby="lr-summary" className="lr-summary">
      <h2 id="lr-summary">{t('libraryReports.import.summary')}</h2>
      <p className="alert alert-success">
        {t('libraryReports.import.result', {
          created: formatNumber(summary.created.length),
          skipped: formatNumber(summary.skipped.length),
          errors: formatNumber(summary.errors.length),
        })}
      </p>
      <dl className="facts card">
        <dt>{t('libraryReports.import.collection')}</dt>
        <dd>{summary.collectionTitle}</dd>
        <dt>{t('libraryReports.import.source')}</dt>
        <dd>
          {summary.installation.name}
          {summary.installation.url && <span className="block small">{summary.installation.url}</span>}
        </dd>
        <dt>{t('libraryReports.import.exportedAt')}</dt>
        <dd>{formatDateTime(summary.exportedAt)}</dd>
        <dt>{t('libraryReports.import.files')}</dt>
        <dd>{t('libraryReports.import.filesValue', summary.files)}</dd>
      </dl>
      {summary.created.length > 0 && (
        <>
          <h3>{t('libraryReports.import.created')}</h3>
          <p>{t('libraryReports.import.createdHint')}</p>
          <ul>
            {summary.created.map((c) => (
              <li key={c.resourceId}>
                <Link to={`/hoc-lieu/${c.resourceId}`}>{c.title}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.skipped.length > 0 && (
        <>
          <h3>{t('libraryReports.import.skipped')}</h3>
          <ul>
            {summary.skipped.map((c) => (
              <li key={c.sourceId}>
                <Link to={`/hoc-lieu/${c.resourceId}`}>{c.title}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.errors.length > 0 && (
        <>
          <h3>{t('libraryReports.import.errors')}</h3>
          <ul className="lr-errors">
            {summary.errors.map((e) => (
              <li key={e.sourceId}>
                <strong>{e.title}</strong>: {e.messages[lang]}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
