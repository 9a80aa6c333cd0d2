import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceKind } from '../../../shared/library.schema.ts';
import { ApiError } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { tusUpload } from '../../lib/tus-client.ts';
import { FieldError } from '../../ui/form-fields.tsx';

/** A finished upload: what a version's `fileId` takes. */
export interface Uploaded {
  fileId: string;
  name: string;
  size: number;
}

/** What the file picker offers per kind (the server sniffs the bytes and decides: upload.type_refused). */
const ACCEPT: Partial<Record<ResourceKind, string>> = {
  image: 'image/jpeg,image/png,image/gif,image/webp',
  video: 'video/mp4,video/webm,.mp4,.webm',
  audio: 'audio/mpeg,audio/mp4,audio/ogg,.mp3,.m4a,.ogg',
  document: '.pdf,.docx,.doc,.pptx,.ppt,.xlsx,.xls',
  lesson_plan: '.pdf,.docx,.doc',
  etextbook: '.pdf',
  simulation: '.zip,application/zip',
};

const sizeFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
/** Bytes as "1,2 MB" / "35 KB" (Vietnamese decimal comma, whatever the UI language, as format.ts). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${sizeFormat.format(n / 1024 / 1024)} MB`;
  return `${sizeFormat.format(Math.max(1, Math.round(n / 1024)))} KB`;
}

type State =
  | { step: 'idle' }
  | { step: 'sending'; sent: number; total: number; resumedFrom: number | null }
  | { step: 'paused'; sent: number; total: number }
  | { step: 'failed'; error: unknown; sent: number; total: number }
  | { step: 'done'; uploaded: Uploaded };

interface Props {
  id: string;
  kind: ResourceKind;
  label: string;
  /** A server error about the content (a refused file id), shown under the field. */
  error?: string | undefined;
  onChange: (uploaded: Uploaded | null) => void;
}

/**
 * Picks a file and uploads it at once with tus (resumable): a progress bar, "Tạm dừng" / "Tải
 * tiếp", and after a dropped connection or a reloaded page the upload continues where the server's
 * copy ends. The finished upload's stored-file id goes to the form.
 */
export function FileUpload({ id, kind, label, error, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const csrf = session.data?.csrfToken;

  // Leaving the page stops the upload; it stays resumable (remembered per file).
  useEffect(() => () => controller.current?.abort(), []);

  async function start(f: File) {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    onChange(null);
    setState({ step: 'sending', sent: 0, total: f.size, resumedFrom: null });
    try {
      const result = await tusUpload({
        endpoint: '/api/uploads',
        file: f,
        metadata: { purpose: 'library', filename: f.name, filetype: f.type },
        signal: c.signal,
        headers: () => ({
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
          'accept-language': i18n.resolvedLanguage === 'en' ? 'en' : 'vi',
        }),
        onProgress: (sent, total) =>
          setState((s) => ({ step: 'sending', sent, total, resumedFrom: s.step === 'sending' ? s.resumedFrom : null })),
        onResume: (offset) => setState({ step: 'sending', sent: offset, total: f.size, resumedFrom: offset }),
      });
      const uploaded = { fileId: result.fileId, name: f.name, size: f.size };
      setState({ step: 'done', uploaded });
      onChange(uploaded);
    } catch (e) {
      if (c.signal.aborted) {
        setState((s) => (s.step === 'sending' ? { step: 'paused', sent: s.sent, total: s.total } : s));
        return;
      }
      setState((s) => ({
        step: 'failed',
        error: e,
        sent: s.step === 'sending' ? s.sent : 0,
        total: f.size,
      }));
    }
  }

  const pick = (f: File | null) => {
    setFile(f);
    if (!f) {
      controller.current?.abort();
      setState({ step: 'idle' });
      onChange(null);
      return;
    }
    void start(f);
  };

  const percent =
    state.step === 'sending' || state.step === 'paused' || state.step === 'failed'
      ? Math.floor((state.sent / Math.max(1, state.total)) * 100)
      : state.step === 'done'
        ? 100
        : 0;
  const message =
    state.step === 'failed'
      ? state.error instanceof ApiError
        ? state.error.messageFor(i18n.resolvedLanguage)
        : t('error.generic')
      : undefined;
  const described = [`${id}-hint`, `${id}-status`, error ? `${id}-error` : null].filter(Boolean).join(' ');

  return (
    <div className="field lib-upload">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="hint field-hint">
        {t('library.upload.hint')}
      </p>
      <input
        id={id}
        type="file"
        accept={ACCEPT[kind]}
        aria-describedby={described}
        aria-invalid={error || message ? true : undefined}
        onChange={(e) => pick(e.target.files?.[0] ?? null)}
      />
      {state.step !== 'idle' && (
        <progress className="lib-progress" max={100} value={percent} aria-labelledby={`${id}-status`} />
      )}
      <p id={`${id}-status`} className="lib-upload-status" aria-live="polite">
        {state.step === 'sending' &&
          (state.resumedFrom
            ? t('library.upload.resumed', { percent, from: formatBytes(state.resumedFrom) })
            : t('library.upload.sending', {
                percent,
                sent: formatBytes(state.sent),
                total: formatBytes(state.total),
              }))}
        {state.step === 'paused' && t('library.upload.paused', { percent })}
        {state.step === 'done' &&
          t('library.upload.done', { name: state.uploaded.name, size: formatBytes(state.uploaded.size) })}
      </p>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      <FieldError id={id} error={error} />
      {file && (state.step === 'sending' || state.step === 'paused' || state.step === 'failed') && (
        <div className="actions">
          {state.step === 'sending' ? (
            <button type="button" className="button secondary" onClick={() => controller.current?.abort()}>
              {t('library.upload.pause')}
            </button>
          ) : (
            <button type="button" className="button secondary" onClick={() => void start(file)}>
              {t('library.upload.resume')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
