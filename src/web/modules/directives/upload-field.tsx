import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { tusUpload } from '../../lib/tus-client.ts';
import { messageIn } from './directives-api.ts';

export interface Uploaded {
  fileId: string;
  name: string;
}

/**
 * Files sent at once with tus (platform uploads, purpose `directives`, resumable): the list of
 * finished ones (each removable), the progress of the current one, and its error, tied to the
 * input. `error` is the form's (server's) message for the field.
 */
export function UploadField(props: {
  id: string;
  label: string;
  hint: string;
  files: Uploaded[];
  onChange: (files: Uploaded[]) => void;
  onBusy?: (busy: boolean) => void;
  error?: string | undefined;
}) {
  const { id, label, hint, files, onChange, onBusy, error } = props;
  const { t, i18n } = useTranslation();
  const session = useSession();
  const csrf = session.data?.csrfToken;
  const lang = i18n.resolvedLanguage;
  const [percent, setPercent] = useState<number | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  async function send(list: FileList | null) {
    if (!list?.length) return;
    const c = new AbortController();
    controller.current = c;
    setFailed(null);
    onBusy?.(true);
    let next = files;
    try {
      for (const f of Array.from(list)) {
        setPercent(0);
        const r = await tusUpload({
          endpoint: '/api/uploads',
          file: f,
          metadata: { purpose: 'directives', filename: f.name, filetype: f.type },
          signal: c.signal,
          headers: () => ({
            ...(csrf ? { 'x-csrf-token': csrf } : {}),
            'accept-language': lang === 'en' ? 'en' : 'vi',
          }),
          onProgress: (sent, total) => setPercent(Math.floor((sent / Math.max(1, total)) * 100)),
        });
        next = [...next.filter((x) => x.fileId !== r.fileId), { fileId: r.fileId, name: f.name }];
        onChange(next);
      }
    } catch (err) {
      if (!c.signal.aborted)
        setFailed(err instanceof ApiError ? messageIn(err.messageFor(lang), lang) : t('error.generic'));
    } finally {
      setPercent(null);
      onBusy?.(false);
    }
  }

  const shown = error ?? failed;
  const described = [`${id}-hint`, `${id}-status`, shown ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="hint field-hint">
        {hint}
      </p>
      <input
        id={id}
        type="file"
        multiple
        aria-describedby={described}
        aria-invalid={shown ? true : undefined}
        onChange={(e) => {
          void send(e.target.files);
          e.target.value = '';
        }}
      />
      <p id={`${id}-status`} aria-live="polite" className="small muted">
        {percent !== null && t('directives.upload.sending', { percent })}
      </p>
      {percent !== null && <progress max={100} value={percent} aria-labelledby={`${id}-status`} />}
      {files.length > 0 && (
        <ul className="dir-files">
          {files.map((f) => (
            <li key={f.fileId}>
              <span>{f.name}</span>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => onChange(files.filter((x) => x.fileId !== f.fileId))}
              >
                {t('directives.upload.remove', { name: f.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {shown && (
        <p id={`${id}-error`} className="field-error">
          {shown}
        </p>
      )}
    </div>
  );
}
