import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { tusUpload } from '../../lib/tus-client.ts';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { FieldError, Select, TextArea, TextField } from '../../ui/form-fields.tsx';
import { messageIn, pathToField, usePlanFormErrors } from './form-errors.ts';
import { reportProgress, type TaskDetail } from './plans-api.ts';

const FIELDS = ['status', 'progress', 'note', 'unitId', 'storedFileIds'] as const;
const fieldOf = pathToField('rp', FIELDS);
const LABELS: Record<string, string> = {
  'rp-status': 'plans.report.status',
  'rp-progress': 'plans.report.progress',
  'rp-note': 'plans.report.note',
  'rp-unitId': 'plans.report.unit',
  'rp-storedFileIds': 'plans.report.files',
};
const STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.doc,.xls';

type Upload =
  | { step: 'idle' }
  | { step: 'sending'; percent: number }
  | { step: 'failed'; message: string }
  | { step: 'done' };

/**
 * Reports the progress of a task for one of the assigned units the user covers: status, percent,
 * a note, and evidence files uploaded at once with tus (purpose `plans`). The saved report
 * replaces the page's copy of the task (the history shows it first).
 */
export function ReportForm({ task }: { task: TaskDetail }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();
  const csrf = session.data?.csrfToken;
  const lang = i18n.resolvedLanguage;
  const [status, setStatus] = useState<string>(task.status === 'not_started' ? 'in_progress' : task.status);
  const [progress, setProgress] = useState(String(task.progress));
  const [note, setNote] = useState('');
  const [unitId, setUnitId] = useState(task.reportUnits[0]?.unitId ?? '');
  const [files, setFiles] = useState<{ id: string; name: string }[]>([]);
  const [upload, setUpload] = useState<Upload>({ step: 'idle' });
  const [saved, setSaved] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const errors = usePlanFormErrors(fieldOf, LABELS);
  const e = errors.fields;
  useEffect(() => () => controller.current?.abort(), []);

  async function send(f: File | null) {
    if (!f) return;
    const c = new AbortController();
    controller.current = c;
    setUpload({ step: 'sending', percent: 0 });
    try {
      const result = await tusUpload({
        endpoint: '/api/uploads',
        file: f,
        metadata: { purpose: 'plans', filename: f.name, filetype: f.type },
        signal: c.signal,
        headers: () => ({ ...(csrf ? { 'x-csrf-token': csrf } : {}), 'accept-language': lang === 'en' ? 'en' : 'vi' }),
        onProgress: (sent, total) =>
          setUpload({ step: 'sending', percent: Math.floor((sent / Math.max(1, total)) * 100) }),
      });
      setFiles((list) => [...list, { id: result.fileId, name: f.name }]);
      setUpload({ step: 'done' });
    } catch (err) {
      if (c.signal.aborted) return;
      setUpload({
        step: 'failed',
        message: err instanceof ApiError ? messageIn(err.messageFor(lang), lang) : t('error.generic'),
      });
    }
  }

  const save = useMutation({
    mutationFn: () =>
      reportProgress(task.id, {
        status,
        progress: /^\d{1,3}$/.test(progress.trim()) ? Number(progress) : progress,
        note,
        unitId: task.reportUnits.length > 1 ? unitId || null : null,
        storedFileIds: files.map((f) => f.id),
      }),
    onSuccess: (next) => {
      qc.setQueryData(['plan-task', task.id], next);
      void qc.invalidateQueries({ queryKey: ['plan', next.planId] });
      void qc.invalidateQueries({ queryKey: ['plan-tasks-mine'] });
      setNote('');
      setFiles([]);
      setUpload({ step: 'idle' });
      setSaved(true);
      errors.clear();
    },
    onError: (err) => errors.fromApi(err),
  });

  function submit(ev: FormEvent) {
    ev.preventDefault();
    setSaved(false);
    if (upload.step === 'sending') {
      errors.fromClient({ 'rp-storedFileIds': 'plans.report.waitUpload' });
      return;
    }
    save.mutate();
  }

  return (
    <section aria-labelledby="pl-report">
      <h2 id="pl-report">{t('plans.report.title')}</h2>
      {saved && (
        <p role="status" className="alert alert-success">
          {t('plans.report.saved')}
        </p>
      )}
      <form className="pl-form" noValidate onSubmit={submit}>
        <ErrorSummary fields={errors.fields} general={errors.general} seq={errors.seq} />
        {task.reportUnits.length > 1 && (
          <Select
            id="rp-unitId"
            label={t('plans.report.unit')}
            value={unitId}
            error={e['rp-unitId']}
            onChange={setUnitId}
          >
            {task.reportUnits.map((u) => (
              <option key={`${u.unitId}-${u.name}`} value={u.unitId ?? ''}>
                {u.name}
              </option>
            ))}
          </Select>
        )}
        <Select
          id="rp-status"
          label={t('plans.report.status')}
          value={status}
          error={e['rp-status']}
          onChange={setStatus}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`plans.taskStatus.${s}`)}
            </option>
          ))}
        </Select>
        <TextField
          id="rp-progress"
          label={t('plans.report.progress')}
          hint={t('plans.report.progressHint')}
          inputMode="numeric"
          value={progress}
          maxLength={3}
          error={e['rp-progress']}
          onChange={(ev) => setProgress(ev.target.value)}
        />
        <TextArea
          id="rp-note"
          label={t('plans.report.note')}
          rows={3}
          maxLength={4000}
          value={note}
          error={e['rp-note']}
          onChange={(ev) => setNote(ev.target.value)}
        />
        <div className="field">
          <label htmlFor="rp-storedFileIds">{t('plans.report.files')}</label>
          <p id="rp-storedFileIds-hint" className="hint field-hint">
            {t('plans.report.filesHint')}
          </p>
          <input
            id="rp-storedFileIds"
            type="file"
            accept={ACCEPT}
            aria-describedby={[
              'rp-storedFileIds-hint',
              'rp-storedFileIds-status',
              e['rp-storedFileIds'] ? 'rp-storedFileIds-error' : null,
            ]
              .filter(Boolean)
              .join(' ')}
            onChange={(ev) => void send(ev.target.files?.[0] ?? null)}
          />
          <p id="rp-storedFileIds-status" aria-live="polite" className="hint">
            {upload.step === 'sending'
              ? t('plans.report.uploading', { percent: upload.percent })
              : upload.step === 'failed'
                ? upload.message
                : files.map((f) => f.name).join(', ')}
          </p>
          <FieldError id="rp-storedFileIds" error={e['rp-storedFileIds']} />
        </div>
        <p>
          <button type="submit" className="button" disabled={save.isPending}>
            {t('plans.report.submit')}
          </button>
        </p>
      </form>
    </section>
  );
}
