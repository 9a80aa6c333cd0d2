import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SubmissionDetail } from '../../../shared/reports.schema.ts';
import { periodLabel } from '../../../shared/reports.schema.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { DateInput } from '../../ui/date-input.tsx';
import { ErrorAlert, FormStatus } from '../../ui/error-alert.tsx';
import { TextArea } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import { DeadlineLine, SubmissionBadge } from './report-status.tsx';
import { todayInVietnam } from './report-values.ts';
import { approveSubmission, getSubmission, reopenSubmission, returnSubmission } from './reports-api.ts';
import { HistoryList, ValuesView } from './values-view.tsx';
import './reports.css';

/** /bao-cao/ban-nop/:id — a unit's report as the level above reads it: approve, send back, reopen. */
export function SubmissionPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['report-submission', id], queryFn: ({ signal }) => getSubmission(id, signal) });
  usePageTitle(query.data ? `${query.data.unitName} — ${query.data.formTitle}` : t('reports.review.title'));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const today = todayInVietnam();
  return (
    <div className="rp-page narrow">
      <p>
        <Link to="/bao-cao/duyet">{t('reports.review.back')}</Link>
      </p>
      <h1>
        {d.unitName} — {d.formTitle}
      </h1>
      <p className="rp-meta">
        {t('reports.period')}: {periodLabel(d.periodType, d.periodKey, i18n.language)} ·{' '}
        <SubmissionBadge s={d} today={today} />
      </p>
      <DeadlineLine s={d} today={today} />
      {d.completedAt && (
        <p className="rp-meta">{t('reports.review.completedAt', { time: formatDateTime(d.completedAt) })}</p>
      )}
      {d.status === 'returned' && d.returnedReason && (
        <p className="rp-reason">
          <strong>{t('reports.review.returnedWith')}</strong> {d.returnedReason}
        </p>
      )}
      <Decisions detail={d} />
      <ValuesView detail={d} />
      <HistoryList detail={d} />
    </div>
  );
}

type Step = 'approve' | 'return' | 'reopen';

/** The level above's buttons, each confirmed in a dialog (a reason for sending back and reopening). */
function Decisions({ detail }: { detail: SubmissionDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState<Step | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: ({ step, form }: { step: Step; form: HTMLFormElement }) => {
      const data = new FormData(form);
      const reason = String(data.get('reason') ?? '');
      if (step === 'approve') return approveSubmission(detail.id, detail.version);
      if (step === 'return') return returnSubmission(detail.id, reason, detail.version);
      return reopenSubmission(detail.id, reason, String(data.get('deadline') ?? ''), detail.version);
    },
    onSuccess: (next, { step }) => {
      qc.setQueryData(['report-submission', detail.id], next);
      void qc.invalidateQueries({ queryKey: ['report-review'] });
      setOpen(null);
      setDone(
        step === 'reopen'
          ? t('reports.review.done.reopen', { date: formatDate(next.closesOn) })
          : t(`reports.review.done.${step}`),
      );
    },
  });
  const steps: Step[] = [];
  if (detail.can.approve) steps.push('approve');
  if (detail.can.sendBack) steps.push('return');
  if (detail.can.reopen) steps.push('reopen');
  return (
    <>
      <FormStatus success={done} />
      {steps.length > 0 && (
        <div className="rp-actions">
          {steps.map((s) => (
            <button
              key={s}
              type="button"
              className={s === 'approve' ? 'button' : 'button secondary'}
              onClick={() => {
                act.reset();
                setDone(null);
                setOpen(s);
              }}
            >
              {t(`reports.review.action.${s}`)}
            </button>
          ))}
        </div>
      )}
      <ConfirmDialog
        open={open !== null}
        title={open ? t(`reports.review.dialog.${open}`, { unit: detail.unitName }) : ''}
        confirmLabel={open ? t(`reports.review.action.${open}`) : ''}
        busy={act.isPending}
        onCancel={() => setOpen(null)}
        onConfirm={(form) => open && act.mutate({ step: open, form })}
      >
        {open && open !== 'approve' && (
          <TextArea id="rp-reason" label={t('reports.review.reason')} name="reason" required minLength={3} rows={3} />
        )}
        {open === 'reopen' && <DateInput id="rp-deadline" name="deadline" label={t('reports.review.newDeadline')} />}
        {open === 'approve' && <p>{t('reports.review.approveText')}</p>}
        {act.isError && <ErrorAlert error={act.error} />}
      </ConfirmDialog>
    </>
  );
}
