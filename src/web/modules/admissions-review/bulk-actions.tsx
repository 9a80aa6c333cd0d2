import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/admission-applications.schema.ts';
import type { BulkResult } from '../../../shared/admission-processing.schema.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { FormStatus } from '../../ui/error-alert.tsx';
import { errorMessage } from './labels.ts';
import { type BulkAction, useBulk } from './review-api.ts';

const ACTIONS: BulkAction[] = ['start_review', 'approve', 'reject'];

interface Props {
  roundId: string;
  items: QueueItem[];
  selected: ReadonlySet<string>;
  onSelectAll: (on: boolean) => void;
  onDone: () => void;
}

/**
 * Bulk steps on the selected dossiers ("Tiếp nhận", "Duyệt", "Từ chối" with one reason for all),
 * each confirmed; the answer is summarised per dossier, failures first, because a partial
 * success is normal (a dossier another clerk already decided is refused, the others go through).
 */
export function BulkActions({ roundId, items, selected, onSelectAll, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const bulk = useBulk(roundId);
  const [action, setAction] = useState<BulkAction | null>(null);
  const [outcomes, setOutcomes] = useState<{ result: BulkResult; codes: Map<string, string> } | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const onPage = items.filter((i) => selected.has(i.dossierId)).length;
  const all = items.length > 0 && onPage === items.length;
  const count = selected.size;

  useEffect(() => {
    if (outcomes) summary.current?.focus();
  }, [outcomes]);

  function confirm(form: HTMLFormElement) {
    if (!action) return;
    const reason = String(new FormData(form).get('reason') ?? '').trim();
    const codes = new Map(items.map((i) => [i.dossierId, i.dossierCode]));
    const dossierIds = [...selected];
    bulk.mutate(
      { dossierIds, action, ...(action === 'reject' ? { reason } : {}) },
      {
        onSuccess: (result) => {
          setOutcomes({ result, codes });
          setAction(null);
          onDone();
        },
      },
    );
  }

  const ok = outcomes?.result.items.filter((o) => o.ok) ?? [];
  const failed = outcomes?.result.items.filter((o) => !o.ok) ?? [];

  return (
    <section className="card review-bulk" aria-labelledby="bulk-title">
      <h2 id="bulk-title" className="visually-hidden">
        {t('admissionsReview.bulk.title')}
      </h2>
      <div className="review-bulk-bar">
        <div className="checkbox">
          <input
            id="select-all"
            type="checkbox"
            checked={all}
            disabled={items.length === 0}
            onChange={(e) => onSelectAll(e.target.checked)}
          />
          <label htmlFor="select-all">{t('admissionsReview.bulk.selectPage', { count: items.length })}</label>
        </div>
        <p className="review-bulk-count" aria-live="polite">
          {t('admissionsReview.bulk.selected', { count })}
        </p>
        <div className="actions">
          {ACTIONS.map((a) => (
            <button
              key={a}
              type="button"
              className={a === 'reject' ? 'button secondary review-danger-outline' : 'button secondary'}
              disabled={count === 0 || bulk.isPending}
              onClick={() => {
                bulk.reset();
                setAction(a);
              }}
            >
              {t(`admissionsReview.bulk.${a}`)}
            </button>
          ))}
        </div>
      </div>
      <ConfirmDialog
        open={action !== null}
        title={action ? t(`admissionsReview.bulk.confirm_${action}`, { count }) : ''}
        confirmLabel={action ? t(`admissionsReview.bulk.${action}`) : ''}
        danger={action === 'reject'}
        busy={bulk.isPending}
        onCancel={() => setAction(null)}
        onConfirm={confirm}
      >
        <p>{t('admissionsReview.bulk.confirmHint')}</p>
        {action === 'reject' && (
          <div className="field">
            <label htmlFor="bulk-reason">{t('admissionsReview.action.reasonReject')}</label>
            <textarea id="bulk-reason" name="reason" required minLength={5} maxLength={2000} rows={3} />
            <p className="hint">{t('admissionsReview.action.reasonHint')}</p>
          </div>
        )}
        <FormStatus error={bulk.error} />
      </ConfirmDialog>
      {outcomes && (
        <div ref={summary} tabIndex={-1} className="review-bulk-result" role="status">
          <p>
            <strong>
              {t('admissionsReview.bulk.result', {
                action: t(`admissionsReview.bulk.${outcomes.result.action}`),
                ok: ok.length,
                failed: failed.length,
              })}
            </strong>
          </p>
          {failed.length > 0 && (
            <ul className="review-bulk-failures">
              {failed.map((o) => (
                <li key={o.dossierId}>
                  <strong>{outcomes.codes.get(o.dossierId) ?? o.dossierId}</strong>:{' '}
                  {o.error ? errorMessage(o.error, i18n.resolvedLanguage) : t('error.generic')}
                </li>
              ))}
            </ul>
          )}
          {ok.length > 0 && (
            <details>
              <summary>{t('admissionsReview.bulk.okList', { count: ok.length })}</summary>
              <p className="small">{ok.map((o) => outcomes.codes.get(o.dossierId) ?? o.dossierId).join(', ')}</p>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
