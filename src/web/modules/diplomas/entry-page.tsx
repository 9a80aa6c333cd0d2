import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type Entry, parsePartialDate } from '../../../shared/diplomas.schema.ts';
import { ApiError } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useSession } from '../../lib/session.ts';
import { tusUpload } from '../../lib/tus-client.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { TextField } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import { birthText } from './diploma-labels.ts';
import { attachPages, correctEntry, fetchEntry, fetchPages, pageUrl } from './diplomas-api.ts';
import './diplomas.css';

/** /van-bang/ban-ghi/:id — one entry (the view is audited), its corrections, and a new correction. */
export function EntryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const entry = useQuery({ queryKey: ['diploma-entry', id], queryFn: () => fetchEntry(id) });
  usePageTitle(entry.data?.fullName ?? t('diplomas.entry.title'));
  if (entry.isPending) return <Loading />;
  if (entry.error) return <ErrorAlert error={entry.error} onRetry={() => void entry.refetch()} />;
  const e = entry.data;
  const gender = e.gender ? t(`diplomas.gender.${e.gender}`) : '—';
  const facts: [string, string][] = [
    [t('diplomas.fields.registerNo'), e.registerNo],
    [t('diplomas.fields.serial'), e.serial ?? '—'],
    [t('diplomas.fields.birthDate'), birthText(e.birthDate)],
    [t('diplomas.fields.birthPlace'), e.birthPlace ?? '—'],
    [t('diplomas.fields.gender'), gender],
    [t('diplomas.fields.ethnicity'), e.ethnicity ?? '—'],
    [t('diplomas.fields.school'), e.schoolName],
    [t('diplomas.fields.year'), String(e.year)],
    [t('diplomas.fields.classification'), e.classification ?? '—'],
    [t('diplomas.fields.decision'), [e.decisionNo, e.decisionDate].filter(Boolean).join(' — ') || '—'],
    [t('diplomas.fields.issuingUnit'), e.issuingUnitName],
  ];
  return (
    <div className="narrow dp-page">
      <h1>{e.fullName}</h1>
      <dl className="dp-facts card">
        {facts.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <PagesSection id={e.id} count={e.pageFileIds.length} />
      <AddPagesForm id={e.id} />
      <section aria-labelledby="de-history">
        <h2 id="de-history">{t('diplomas.entry.corrections')}</h2>
        {e.corrections.length === 0 && <p>{t('diplomas.entry.noCorrections')}</p>}
        {e.corrections.map((c) => (
          <article key={c.id} className="card">
            <h3>
              {c.decisionNo} — {c.decisionDate.split('-').reverse().join('/')}
            </h3>
            <p>
              {t('diplomas.correction.signer')}: {c.signer}. {c.reason}
            </p>
            <ul>
              {c.changes.map((ch) => (
                <li key={ch.field}>
                  {t(`diplomas.correctable.${ch.field}`)}: {String(ch.before ?? '—')} → {String(ch.after ?? '—')}
                </li>
              ))}
            </ul>
          </article>
        ))}
      </section>
      <CorrectionForm entry={e} />
    </div>
  );
}

/** The scanned pages of the master register for this entry (each opening of one is audited). */
function PagesSection({ id, count }: { id: string; count: number }) {
  const { t } = useTranslation();
  const pages = useQuery({ queryKey: ['diploma-pages', id, count], queryFn: () => fetchPages(id), enabled: count > 0 });
  return (
    <section aria-labelledby="de-pages">
      <h2 id="de-pages">{t('diplomas.entry.pages')}</h2>
      {count === 0 && <p>{t('diplomas.entry.noPages')}</p>}
      {count > 0 && pages.isPending && <Loading />}
      {pages.error && <ErrorAlert error={pages.error} onRetry={() => void pages.refetch()} />}
      {pages.data && (
        <ul className="dp-pages">
          {pages.data.items.map((p, i) => (
            <li key={p.fileId}>
              <a href={pageUrl(id, p.fileId)} target="_blank" rel="noopener">
                {p.label ?? t('diplomas.entry.page', { n: i + 1 })}: {p.filename}
              </a>{' '}
              <span className="hint">({p.contentType === 'application/pdf' ? 'PDF' : t('diplomas.entry.image')})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Staff who manage the registers attach a scan (image or PDF) of the master register's page:
 * uploaded resumably (purpose diploma-pages), then attached to this entry.
 */
function AddPagesForm({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const client = useQueryClient();
  const [state, setState] = useState<
    | { step: 'idle' }
    | { step: 'sending'; percent: number }
    | { step: 'done'; name: string }
    | { step: 'error'; message: string }
  >({ step: 'idle' });
  if (!hasPermission(session.data?.user, 'diplomas.manage')) return null;
  const csrf = session.data?.csrfToken;
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';

  async function send(file: File | undefined) {
    if (!file) return;
    setState({ step: 'sending', percent: 0 });
    try {
      const up = await tusUpload({
        endpoint: '/api/uploads',
        file,
        metadata: { purpose: 'diploma-pages', filename: file.name, filetype: file.type },
        headers: () => ({ ...(csrf ? { 'x-csrf-token': csrf } : {}), 'accept-language': lang }),
        onProgress: (sent, total) =>
          setState({ step: 'sending', percent: Math.floor((sent / Math.max(1, total)) * 100) }),
      });
      await attachPages(id, [up.fileId]);
      await client.invalidateQueries({ queryKey: ['diploma-entry', id] });
      setState({ step: 'done', name: file.name });
    } catch (err) {
      setState({ step: 'error', message: err instanceof ApiError ? err.messageFor(lang) : t('error.generic') });
    }
  }

  return (
    <section aria-labelledby="de-add-pages">
      <h2 id="de-add-pages">{t('diplomas.entry.addPage')}</h2>
      <div className="field">
        <label htmlFor="de-page-file">{t('diplomas.entry.pageFile')}</label>
        <p className="hint" id="de-page-file-hint">
          {t('diplomas.entry.pageFileHint')}
        </p>
        <input
          id="de-page-file"
          type="file"
          accept="image/jpeg,image/png,image/webp,application/pdf"
          aria-describedby="de-page-file-hint"
          disabled={state.step === 'sending'}
          onChange={(ev) => void send(ev.target.files?.[0])}
        />
      </div>
      <div aria-live="polite" className="form-status">
        {state.step === 'sending' && <p>{t('diplomas.entry.pageSending', { percent: state.percent })}</p>}
        {state.step === 'done' && (
          <p className="alert alert-success">{t('diplomas.entry.pageAdded', { name: state.name })}</p>
        )}
        {state.step === 'error' && <p className="alert alert-error">{state.message}</p>}
      </div>
    </section>
  );
}

function CorrectionForm({ entry }: { entry: Entry }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const errors = useFormErrors();
  const [v, setV] = useState({
    decisionNo: '',
    decisionDate: '',
    signer: '',
    reason: '',
    fullName: entry.fullName,
    birthDate: birthText(entry.birthDate),
    birthPlace: entry.birthPlace ?? '',
  });
  const save = useMutation({
    mutationFn: () => {
      const birth = parsePartialDate(v.birthDate);
      const [d, m, y] = v.decisionDate.split('/');
      return correctEntry(entry.id, {
        decisionNo: v.decisionNo,
        decisionDate: `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`,
        signer: v.signer,
        reason: v.reason,
        version: entry.version,
        changes: {
          ...(v.fullName !== entry.fullName ? { fullName: v.fullName } : {}),
          ...(birth && v.birthDate !== birthText(entry.birthDate) ? { birthDate: birth } : {}),
          ...(v.birthPlace !== (entry.birthPlace ?? '') ? { birthPlace: v.birthPlace } : {}),
        },
      });
    },
    onSuccess: (next) => client.setQueryData(['diploma-entry', entry.id], next),
    onError: (error) =>
      errors.show({}, apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic')).general),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!v.decisionNo.trim()) problems['dc-no'] = t('diplomas.correction.errors.decisionNo');
    if (!/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(v.decisionDate.trim()))
      problems['dc-date'] = t('diplomas.correction.errors.date');
    if (v.signer.trim().length < 2) problems['dc-signer'] = t('diplomas.correction.errors.signer');
    if (v.reason.trim().length < 2) problems['dc-reason'] = t('diplomas.correction.errors.reason');
    if (!parsePartialDate(v.birthDate)) problems['dc-birth'] = t('diplomas.verify.errors.birthDate');
    if (Object.keys(problems).length) return errors.show(problems);
    errors.show({});
    save.mutate();
  };
  const field = (id: string, key: keyof typeof v, label: string, hint?: string) => (
    <TextField
      id={id}
      label={label}
      hint={hint}
      error={errors.fields[id]}
      value={v[key]}
      onChange={(e) => setV({ ...v, [key]: e.target.value })}
    />
  );
  return (
    <section aria-labelledby="dc-title">
      <h2 id="dc-title">{t('diplomas.correction.title')}</h2>
      <form className="form card" onSubmit={submit} noValidate>
        <ErrorSummary {...errors} />
        {field('dc-no', 'decisionNo', t('diplomas.correction.decisionNo'))}
        {field('dc-date', 'decisionDate', t('diplomas.correction.decisionDate'), 'dd/mm/yyyy')}
        {field('dc-signer', 'signer', t('diplomas.correction.signer'))}
        {field('dc-reason', 'reason', t('diplomas.correction.reason'))}
        {field('dc-name', 'fullName', t('diplomas.fields.fullName'))}
        {field('dc-birth', 'birthDate', t('diplomas.fields.birthDate'), t('diplomas.verify.birthDateHint'))}
        {field('dc-place', 'birthPlace', t('diplomas.fields.birthPlace'))}
        <button type="submit" className="button" disabled={save.isPending}>
          {t('diplomas.correction.submit')}
        </button>
        {save.isSuccess && <p role="status">{t('diplomas.correction.saved')}</p>}
      </form>
    </section>
  );
}
