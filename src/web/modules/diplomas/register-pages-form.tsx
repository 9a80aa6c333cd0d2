import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterList } from '../../../shared/diplomas.schema.ts';
import { ApiError } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { useSession } from '../../lib/session.ts';
import { tusUpload } from '../../lib/tus-client.ts';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { FieldError, Select, TextField } from '../../ui/form-fields.tsx';
import { typeLabel } from './diploma-labels.ts';
import { attachRegisterPages } from './diplomas-api.ts';

/** Field ids; a server error's path (`body.fromNo`, `fileIds.0`…) is mapped to them. */
const F = {
  registerId: 'rp-register',
  fromNo: 'rp-from',
  toNo: 'rp-to',
  label: 'rp-label',
  fileIds: 'rp-file',
} as const;
/** The server allows at most this many numbers in one range (diplomas.schema RegisterPagesAttach). */
const MAX_SPAN = 500;

function fieldOfPath(path: string): string | null {
  const head = path.split('.').filter((p) => p !== '' && p !== 'body')[0];
  return head && Object.hasOwn(F, head) ? F[head as keyof typeof F] : null;
}

/** The server writes rule messages "vi / en": the part in the UI language. */
function inLanguage(message: string, lang: string | undefined): string {
  const parts = message.split(' / ');
  if (parts.length !== 2) return message;
  return (lang === 'en' ? parts[1] : parts[0])!.trim();
}

type Upload =
  | { step: 'idle' }
  | { step: 'sending'; percent: number }
  | { step: 'failed'; message: string }
  | { step: 'done'; fileId: string; name: string };

/**
 * One scanned page of a master register holds many entries: the clerk gives the range of
 * register numbers written on it, the page's label ("Trang 12") and the scan, uploaded at once
 * with the resumable upload client (purpose diploma-pages), and attaches it to every entry of
 * the range. The answer says how many entries were linked (those that already had the page are
 * not counted).
 */
export function RegisterPagesForm({ registers }: { registers: RegisterList }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const client = useQueryClient();
  const lang = i18n.resolvedLanguage;
  const csrf = session.data?.csrfToken;
  const errors = useFormErrors();
  const e = errors.fields;
  const [registerId, setRegister] = useState(registers.items[0]?.id ?? '');
  const [fromNo, setFrom] = useState('');
  const [toNo, setTo] = useState('');
  const [label, setLabel] = useState('');
  const [upload, setUpload] = useState<Upload>({ step: 'idle' });
  const [formKey, setFormKey] = useState(0);
  const [linked, setLinked] = useState<{ entries: number; label: string; from: number; to: number } | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const named = (id: string, message: string) => {
    const key = {
      [F.registerId]: 'diplomas.rangePages.register',
      [F.fromNo]: 'diplomas.rangePages.fromNo',
      [F.toNo]: 'diplomas.rangePages.toNo',
      [F.label]: 'diplomas.rangePages.label',
      [F.fileIds]: 'diplomas.rangePages.file',
    }[id];
    return key ? `${t(key)}: ${message}` : message;
  };

  async function start(file: File | null) {
    controller.current?.abort();
    if (!file) return setUpload({ step: 'idle' });
    const c = new AbortController();
    controller.current = c;
    setUpload({ step: 'sending', percent: 0 });
    try {
      const up = await tusUpload({
        endpoint: '/api/uploads',
        file,
        metadata: { purpose: 'diploma-pages', filename: file.name, filetype: file.type },
        signal: c.signal,
        headers: () => ({ ...(csrf ? { 'x-csrf-token': csrf } : {}), 'accept-language': lang === 'en' ? 'en' : 'vi' }),
        onProgress: (sent, total) =>
          setUpload({ step: 'sending', percent: Math.floor((sent / Math.max(1, total)) * 100) }),
      });
      setUpload({ step: 'done', fileId: up.fileId, name: file.name });
    } catch (err) {
      if (c.signal.aborted) return;
      setUpload({
        step: 'failed',
        message: err instanceof ApiError ? inLanguage(err.messageFor(lang), lang) : t('error.generic'),
      });
    }
  }

  const attach = useMutation({
    mutationFn: (body: { registerId: string; fileIds: string[]; fromNo: number; toNo: number; label: string | null }) =>
      attachRegisterPages(body.registerId, {
        fileIds: body.fileIds,
        fromNo: body.fromNo,
        toNo: body.toNo,
        label: body.label,
      }),
    onSuccess: (r, body) => {
      setLinked({ entries: r.entries, label: body.label ?? '', from: body.fromNo, to: body.toNo });
      setFrom('');
      setTo('');
      setLabel('');
      setUpload({ step: 'idle' });
      setFormKey((k) => k + 1);
      errors.clear();
      void client.invalidateQueries({ queryKey: ['diploma-entry'] });
    },
    onError: (err) => {
      const { fields, general } = apiErrors(err, lang, fieldOfPath, t('error.generic'));
      const out: Record<string, string> = {};
      for (const [id, message] of Object.entries(fields)) out[id] = named(id, inLanguage(message, lang));
      errors.show(out, general === null ? null : inLanguage(general, lang));
    },
  });

  function submit(ev: FormEvent) {
    ev.preventDefault();
    setLinked(null);
    const problems: Record<string, string> = {};
    const from = /^\d{1,8}$/.test(fromNo.trim()) ? Number(fromNo) : Number.NaN;
    const to = /^\d{1,8}$/.test(toNo.trim()) ? Number(toNo) : Number.NaN;
    if (!registerId) problems[F.registerId] = named(F.registerId, t('diplomas.rangePages.errors.register'));
    if (!(from >= 1)) problems[F.fromNo] = named(F.fromNo, t('diplomas.rangePages.errors.number'));
    if (!(to >= 1)) problems[F.toNo] = named(F.toNo, t('diplomas.rangePages.errors.number'));
    else if (from >= 1 && to < from) problems[F.toNo] = named(F.toNo, t('diplomas.rangePages.errors.order'));
    else if (from >= 1 && to - from >= MAX_SPAN)
      problems[F.toNo] = named(F.toNo, t('diplomas.rangePages.errors.span', { max: MAX_SPAN }));
    if (upload.step === 'sending') problems[F.fileIds] = named(F.fileIds, t('diplomas.rangePages.errors.wait'));
    else if (upload.step !== 'done') problems[F.fileIds] = named(F.fileIds, t('diplomas.rangePages.errors.file'));
    if (Object.keys(problems).length) return errors.show(problems);
    if (upload.step !== 'done') return;
    attach.mutate({ registerId, fileIds: [upload.fileId], fromNo: from, toNo: to, label: label.trim() || null });
  }

  const fileDescribed = [
    `${F.fileIds}-hint`,
    `${F.fileIds}-status`,
    upload.step === 'failed' ? `${F.fileIds}-failed` : null,
    e[F.fileIds] ? `${F.fileIds}-error` : null,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <section aria-labelledby="rp-title" className="dp-range-pages">
      <h2 id="rp-title">{t('diplomas.rangePages.title')}</h2>
      <p className="hint">{t('diplomas.rangePages.intro')}</p>
      <div aria-live="polite">
        {linked && (
          <p className={linked.entries > 0 ? 'alert alert-success' : 'alert alert-info'}>
            {linked.entries > 0
              ? t('diplomas.rangePages.linked', {
                  count: linked.entries,
                  n: formatNumber(linked.entries),
                  label: linked.label || t('diplomas.rangePages.thePage'),
                  from: linked.from,
                  to: linked.to,
                })
              : t('diplomas.rangePages.noneLinked', { from: linked.from, to: linked.to })}
          </p>
        )}
      </div>
      <form key={formKey} className="form card" noValidate onSubmit={submit}>
        <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
        <Select
          id={F.registerId}
          label={t('diplomas.rangePages.register')}
          value={registerId}
          error={e[F.registerId]}
          onChange={setRegister}
        >
          {registers.items.map((r) => (
            <option key={r.id} value={r.id}>
              {`${r.year} · ${typeLabel(registers.types, r.typeCode, lang)} · ${r.issuingUnitName}`}
            </option>
          ))}
        </Select>
        <div className="dp-range">
          <TextField
            id={F.fromNo}
            label={t('diplomas.rangePages.fromNo')}
            inputMode="numeric"
            autoComplete="off"
            value={fromNo}
            error={e[F.fromNo]}
            onChange={(ev) => setFrom(ev.target.value)}
          />
          <TextField
            id={F.toNo}
            label={t('diplomas.rangePages.toNo')}
            inputMode="numeric"
            autoComplete="off"
            value={toNo}
            error={e[F.toNo]}
            onChange={(ev) => setTo(ev.target.value)}
          />
        </div>
        <TextField
          id={F.label}
          label={t('diplomas.rangePages.label')}
          hint={t('diplomas.rangePages.labelHint')}
          maxLength={100}
          autoComplete="off"
          value={label}
          error={e[F.label]}
          onChange={(ev) => setLabel(ev.target.value)}
        />
        <div className="field">
          <label htmlFor={F.fileIds}>{t('diplomas.rangePages.file')}</label>
          <p id={`${F.fileIds}-hint`} className="hint field-hint">
            {t('diplomas.entry.pageFileHint')}
          </p>
          <input
            id={F.fileIds}
            type="file"
            accept="image/jpeg,image/png,image/webp,application/pdf"
            aria-describedby={fileDescribed}
            aria-invalid={e[F.fileIds] || upload.step === 'failed' ? true : undefined}
            onChange={(ev) => void start(ev.target.files?.[0] ?? null)}
          />
          {upload.step === 'sending' && (
            <progress
              className="dp-progress"
              max={100}
              value={upload.percent}
              aria-labelledby={`${F.fileIds}-status`}
            />
          )}
          <p id={`${F.fileIds}-status`} aria-live="polite" className="hint">
            {upload.step === 'sending' && t('diplomas.entry.pageSending', { percent: upload.percent })}
            {upload.step === 'done' && t('diplomas.rangePages.uploaded', { name: upload.name })}
          </p>
          {upload.step === 'failed' && (
            <p id={`${F.fileIds}-failed`} className="field-error" role="alert">
              {upload.message}
            </p>
          )}
          <FieldError id={F.fileIds} error={e[F.fileIds]} />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={attach.isPending || upload.step === 'sending'}>
            {attach.isPending ? t('diplomas.rangePages.attaching') : t('diplomas.rangePages.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
