import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldView } from '../../../shared/reports.schema.ts';
import { ApiError } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { tusUpload } from '../../lib/tus-client.ts';
import { DateInput } from '../../ui/date-input.tsx';
import { FieldError } from '../../ui/form-fields.tsx';
import { type RawValue, valueInputId } from './entry-model.ts';
import { formatViNumber, parseViNumber } from './report-values.ts';

interface Props {
  field: FieldView;
  value: RawValue;
  error: string | undefined;
  onChange: (value: RawValue) => void;
  /** The name of an attached file (file fields), when the report has one. */
  fileName?: string | undefined;
}

/** The label with the required mark (the word is read out; the star is only seen). */
function Label({ field, htmlFor }: { field: FieldView; htmlFor?: string }) {
  const { t } = useTranslation();
  const content = (
    <>
      {field.label}
      {field.required && (
        <>
          {' '}
          <span className="rp-required" aria-hidden="true">
            *
          </span>
          <span className="visually-hidden"> ({t('reports.entry.required')})</span>
        </>
      )}
    </>
  );
  return htmlFor ? <label htmlFor={htmlFor}>{content}</label> : <legend>{content}</legend>;
}

/** The help line: the designer's help text, the bounds and the unit of measure. */
function helpText(field: FieldView, t: TFunction): string {
  const parts: string[] = [];
  if (field.help) parts.push(field.help);
  if (field.type === 'integer' || field.type === 'decimal') {
    if (field.min != null && field.max != null)
      parts.push(t('reports.entry.between', { min: formatViNumber(field.min), max: formatViNumber(field.max) }));
    else if (field.min != null) parts.push(t('reports.entry.atLeast', { min: formatViNumber(field.min) }));
    else if (field.max != null) parts.push(t('reports.entry.atMost', { max: formatViNumber(field.max) }));
    if (field.unitLabel) parts.push(t('reports.entry.unitOf', { unit: field.unitLabel }));
  }
  if (field.type === 'multiple_choice') parts.push(t('reports.entry.chooseMany'));
  return parts.join(' · ');
}

/**
 * One field of a report, typed: numbers typed the Vietnamese way (1.234,5; shown grouped when
 * the field is left), text, long text, one or several choices, yes/no, a dd/mm/yyyy date, a file.
 * Each input is labelled, tied to its help and its error (aria-describedby).
 */
export function ValueField({ field, value, error, onChange, fileName }: Props) {
  const { t } = useTranslation();
  const id = valueInputId(field.code);
  const help = helpText(field, t);
  const described = [help ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const hint = help ? (
    <p id={`${id}-hint`} className="hint field-hint">
      {help}
    </p>
  ) : null;
  const text = typeof value === 'string' ? value : '';
  const list = Array.isArray(value) ? value : [];
  const invalid = error ? true : undefined;

  switch (field.type) {
    case 'integer':
    case 'decimal':
      return (
        <div className="field">
          <Label field={field} htmlFor={id} />
          {hint}
          <input
            id={id}
            className="rp-number"
            type="text"
            inputMode={field.type === 'integer' ? 'numeric' : 'decimal'}
            autoComplete="off"
            value={text}
            aria-invalid={invalid}
            aria-describedby={described}
            onChange={(e) => onChange(e.target.value)}
            onBlur={() => {
              const n = parseViNumber(text);
              if (n.kind === 'valid') onChange(formatViNumber(n.value));
            }}
          />
          <FieldError id={id} error={error} />
        </div>
      );
    case 'text':
    case 'long_text':
      return (
        <div className="field">
          <Label field={field} htmlFor={id} />
          {hint}
          {field.type === 'text' ? (
            <input
              id={id}
              type="text"
              value={text}
              aria-invalid={invalid}
              aria-describedby={described}
              onChange={(e) => onChange(e.target.value)}
            />
          ) : (
            <textarea
              id={id}
              rows={4}
              value={text}
              aria-invalid={invalid}
              aria-describedby={described}
              onChange={(e) => onChange(e.target.value)}
            />
          )}
          <FieldError id={id} error={error} />
        </div>
      );
    case 'single_choice':
    case 'yes_no': {
      const options =
        field.type === 'yes_no'
          ? [
              { code: 'yes', label: t('reports.entry.yes') },
              { code: 'no', label: t('reports.entry.no') },
            ]
          : field.options;
      return (
        <fieldset className="fieldset-plain field" id={id} tabIndex={-1} aria-describedby={described}>
          <Label field={field} />
          {hint}
          <div className="radio-list">
            {options.map((o) => (
              <div key={o.code} className="checkbox">
                <input
                  id={`${id}-${o.code}`}
                  type="radio"
                  name={id}
                  checked={text === o.code}
                  aria-invalid={invalid}
                  onChange={() => onChange(o.code)}
                />
                <label htmlFor={`${id}-${o.code}`}>{o.label}</label>
              </div>
            ))}
          </div>
          <FieldError id={id} error={error} />
        </fieldset>
      );
    }
    case 'multiple_choice':
      return (
        <fieldset className="fieldset-plain field" id={id} tabIndex={-1} aria-describedby={described}>
          <Label field={field} />
          {hint}
          <div className="radio-list">
            {field.options.map((o) => (
              <div key={o.code} className="checkbox">
                <input
                  id={`${id}-${o.code}`}
                  type="checkbox"
                  checked={list.includes(o.code)}
                  onChange={(e) => onChange(e.target.checked ? [...list, o.code] : list.filter((c) => c !== o.code))}
                />
                <label htmlFor={`${id}-${o.code}`}>{o.label}</label>
              </div>
            ))}
          </div>
          <FieldError id={id} error={error} />
        </fieldset>
      );
    case 'date':
      // DateInput has its own format error (`<id>-error`); the server's error gets another id.
      return (
        <div>
          <DateInput
            id={id}
            label={field.required ? `${field.label} (${t('reports.entry.required')})` : field.label}
            defaultValue={text || null}
            onValueChange={(iso) => onChange(iso ?? '')}
          />
          {hint}
          {error && (
            <p id={`${id}-server-error`} className="field-error">
              {error}
            </p>
          )}
        </div>
      );
    case 'file':
      return (
        <ReportFile
          id={id}
          field={field}
          value={text}
          fileName={fileName}
          error={error}
          onChange={onChange}
          hint={hint}
        />
      );
  }
}

/** A file field: the attached file's name, and a resumable (tus) upload of a new one. */
function ReportFile(props: {
  id: string;
  field: FieldView;
  value: string;
  fileName: string | undefined;
  error: string | undefined;
  hint: React.ReactNode;
  onChange: (value: RawValue) => void;
}) {
  const { id, field, value, fileName, error, hint, onChange } = props;
  const { t, i18n } = useTranslation();
  const session = useSession();
  const csrf = session.data?.csrfToken;
  const [state, setState] = useState<
    | { step: 'idle' }
    | { step: 'sending'; percent: number }
    | { step: 'done'; name: string }
    | { step: 'failed'; message: string }
  >({ step: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  async function upload(file: File) {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setState({ step: 'sending', percent: 0 });
    try {
      const result = await tusUpload({
        endpoint: '/api/uploads',
        file,
        metadata: { purpose: 'reports', filename: file.name, filetype: file.type },
        signal: c.signal,
        headers: () => ({
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
          'accept-language': i18n.resolvedLanguage === 'en' ? 'en' : 'vi',
        }),
        onProgress: (sent, total) =>
          setState({ step: 'sending', percent: Math.floor((sent / Math.max(1, total)) * 100) }),
      });
      setState({ step: 'done', name: file.name });
      onChange(result.fileId);
    } catch (e) {
      if (c.signal.aborted) return;
      setState({
        step: 'failed',
        message: e instanceof ApiError ? e.messageFor(i18n.resolvedLanguage) : t('error.generic'),
      });
    }
  }

  const current = state.step === 'done' ? state.name : value ? (fileName ?? t('reports.entry.fileAttached')) : null;
  return (
    <div className="field">
      <Label field={field} htmlFor={id} />
      {hint}
      <input
        id={id}
        type="file"
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-status`, error ? `${id}-error` : null].filter(Boolean).join(' ')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void upload(file);
        }}
      />
      <p id={`${id}-status`} className="hint" aria-live="polite">
        {state.step === 'sending' && t('reports.entry.uploading', { percent: state.percent })}
        {state.step !== 'sending' && current && t('reports.entry.fileCurrent', { name: current })}
      </p>
      {state.step === 'failed' && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}
