import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModerationAction } from '../../../shared/library.schema.ts';
import { ApiError } from '../../lib/api.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { FormStatus } from '../../ui/error-alert.tsx';
import { useStep } from './contrib-api.ts';
import type { ResourceDetail } from './library-api.ts';
import { allowedSteps, COMMENT_REQUIRED } from './moderation.ts';

/**
 * The moderator's buttons: "Bắt đầu duyệt" at once; "Xuất bản", "Khôi phục" after a
 * confirmation; "Trả lại để sửa" and "Gỡ xuống" with a required comment (what to fix, why),
 * which the contributor reads. The server's refusal is shown in the dialog; when someone else
 * changed the resource meanwhile, the moderator reloads it.
 */
export function ModerationActions({
  r,
  onDone,
  onReload,
}: {
  r: ResourceDetail;
  onDone: (action: ModerationAction) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const step = useStep(r.id);
  const [open, setOpen] = useState<ModerationAction | null>(null);
  const steps = allowedSteps(r, 'moderator');

  const run = (action: ModerationAction, comment?: string) =>
    step.mutate(
      { action, expectedVersion: r.version, ...(comment ? { comment } : {}) },
      {
        onSuccess: () => {
          setOpen(null);
          onDone(action);
        },
      },
    );

  const stale =
    step.error instanceof ApiError &&
    (step.error.code === 'resource.stale' || step.error.code === 'library.invalid_transition');

  if (steps.length === 0) return <p className="muted">{t('library.review.noStep')}</p>;
  return (
    <>
      <div className="actions lib-review-actions">
        {steps.map((s) => (
          <button
            key={s}
            type="button"
            className={
              s === 'publish' || s === 'start_review'
                ? 'button'
                : s === 'take_down'
                  ? 'button secondary lib-danger-outline'
                  : 'button secondary'
            }
            disabled={step.isPending}
            onClick={() => {
              step.reset();
              if (s === 'start_review') run(s);
              else setOpen(s);
            }}
          >
            {t(`library.review.${s}`)}
          </button>
        ))}
      </div>
      {open === null && (step.error || step.isPending) && (
        <FormStatus error={step.error} success={step.isPending ? t('library.review.working') : null} />
      )}
      {open === null && stale && (
        <button type="button" className="button secondary" onClick={onReload}>
          {t('library.review.reload')}
        </button>
      )}
      <ConfirmDialog
        open={open !== null}
        title={open ? t(`library.review.confirm_${open}`) : ''}
        confirmLabel={open ? t(`library.review.${open}`) : ''}
        danger={open === 'take_down'}
        busy={step.isPending}
        onCancel={() => setOpen(null)}
        onConfirm={(form) => {
          if (!open) return;
          const comment = String(new FormData(form).get('comment') ?? '').trim();
          run(open, comment || undefined);
        }}
      >
        <p className="lib-dialog-title">{r.title}</p>
        {open && COMMENT_REQUIRED.includes(open) ? (
          <div className="field">
            <label htmlFor="lib-step-comment">
              {open === 'return' ? t('library.review.commentReturn') : t('library.review.commentTakeDown')}
            </label>
            <textarea
              id="lib-step-comment"
              name="comment"
              required
              minLength={3}
              maxLength={2000}
              rows={4}
              aria-describedby="lib-step-comment-hint"
            />
            <p id="lib-step-comment-hint" className="hint">
              {t('library.review.commentHint')}
            </p>
          </div>
        ) : (
          open && <p>{t(`library.review.hint_${open}`)}</p>
        )}
        <FormStatus error={step.error} />
        {stale && (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setOpen(null);
              step.reset();
              onReload();
            }}
          >
            {t('library.review.reload')}
          </button>
        )}
      </ConfirmDialog>
    </>
  );
}
