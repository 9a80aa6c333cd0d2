import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: string;
  /** The confirming button's label ("Duyệt", "Từ chối"…). */
  confirmLabel: string;
  /** A destructive step gets the danger colour. */
  danger?: boolean;
  busy?: boolean;
  /** Fields and explanations; a form field inside is validated before onConfirm. */
  children?: ReactNode;
  onConfirm: (form: HTMLFormElement) => void;
  onCancel: () => void;
}

/**
 * A modal confirmation on the native <dialog> (showModal): focus moves into it and is kept there,
 * Escape cancels, and focus returns to the button that opened it (WAI-ARIA dialog pattern).
 */
export function ConfirmDialog({ open, title, confirmLabel, danger, busy, children, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      if (opener.current instanceof HTMLElement) opener.current.focus();
    }
  }, [open]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (!form.checkValidity()) {
      form.querySelector<HTMLElement>(':invalid')?.focus();
      form.reportValidity();
      return;
    }
    onConfirm(form);
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {open && (
        <form onSubmit={submit} className="form">
          <h2 id={titleId}>{title}</h2>
          {children}
          <div className="actions">
            <button type="submit" className={danger ? 'button danger' : 'button'} disabled={busy}>
              {confirmLabel}
            </button>
            <button type="button" className="button secondary" onClick={onCancel} disabled={busy}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
