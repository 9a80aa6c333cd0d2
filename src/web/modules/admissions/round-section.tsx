import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormStatus } from '../../ui/error-alert.tsx';
import './admissions.css';

interface Props {
  id: string;
  title: string;
  /** What the section sets, in a sentence. */
  lead?: string;
  /** What is set now, in a few words, shown beside the title while the section is closed. */
  gist?: string;
  /** Something to fill in before the round can move on (no schools yet…): the section opens. */
  attention?: boolean;
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
 *
 * Collapsible (native <details>, so keyboard and screen readers need nothing more): closed by
 * default to keep the page short on a phone, opened when it needs attention or its save failed.
 * Open or closed is not remembered anywhere: a reload starts closed again.
 */
export function RoundSection({
  id,
  title,
  lead,
  gist,
  attention = false,
  editable,
  saving,
  error,
  saved,
  onSave,
  children,
}: Props) {
  const { t } = useTranslation();
  const failed = Boolean(error);
  const [open, setOpen] = useState(attention || failed);
  // Opened (never closed) by an error or a new need; the user closes it again if they like.
  useEffect(() => {
    if (attention || failed) setOpen(true);
  }, [attention, failed]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSave();
  }
  return (
    <section aria-labelledby={`${id}-title`} className="card round-section">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="round-section-summary">
          <h2 id={`${id}-title`}>{title}</h2>
          {gist && <span className="round-section-gist">{gist}</span>}
        </summary>
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
      </details>
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
