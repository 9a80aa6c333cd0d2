import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormStatus } from '../../ui/error-alert.tsx';

interface Props {
  id: string;
  title: string;
  /** What the section sets, in a sentence. */
  lead?: string;
  /** False: shown read-only (no admissions.manage, or nothing may change any more). */
  editable: boolean;
  saving: boolean;
  error: unknown;
  saved: boolean;
  onSave: () => void;
  children: ReactNode;
}

/**
 * One section of a round's configuration, saved on its own: its fields (disabled when the
 * user may not change them), a save button, and the outcome announced below.
 */
export function RoundSection({ id, title, lead, editable, saving, error, saved, onSave, children }: Props) {
  const { t } = useTranslation();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSave();
  }
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{title}</h2>
      {lead && <p className="hint">{lead}</p>}
      <form className="form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <fieldset disabled={!editable} className="fieldset-plain">
          <div className="form">{children}</div>
        </fieldset>
        <FormStatus error={error} success={saved ? t('admissions.saved') : null} />
        {editable && (
          <div className="actions">
            <button type="submit" className="button" disabled={saving}>
              {t('admissions.saveSection', { section: title })}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

/** `1,5` or `1.5` → 1.5; blank → null; anything else → NaN (the server then names the field). */
export function toNumber(text: string): number | null {
  const v = text.trim().replace(',', '.');
  if (v === '') return null;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
}

/** A number for an input: 1.5 → `1,5` (Vietnamese decimal comma). */
export function numberText(value: number | null | undefined): string {
  return value == null ? '' : String(value).replace('.', ',');
}
