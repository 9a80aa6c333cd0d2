import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '../../../shared/admission-processing.schema.ts';
import { ApiError } from '../../lib/api.ts';
import { pickLocalized } from '../../lib/text.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { FormStatus } from '../../ui/error-alert.tsx';
import { type DecisionInput, useDecision } from './review-api.ts';
import { SupplementFields } from './supplement-fields.tsx';

type Step = ApplicationDetail['allowedActions'][number];
const ORDER: Step[] = ['start_review', 'verify', 'request_supplement', 'reject'];

interface Props {
  app: ApplicationDetail;
  /** Called after a step went through, with the step's name (the page announces it and moves on). */
  onDone: (step: Step) => void;
  onReload: () => void;
}

/**
 * The steps the dossier's state allows, each behind a confirmation: "Tiếp nhận" (start review),
 * "Duyệt" (verify: received and approved), "Yêu cầu bổ sung" (what is missing and why, with a
 * preview of what the parent is told), "Từ chối" (a reason is required). The server's answer is
 * shown in the dialog; when somebody else changed the dossier meanwhile, the clerk reloads it.
 */
export function ApplicationActions({ app, onDone, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const decision = useDecision(app.dossierId);
  const [step, setStep] = useState<Step | null>(null);
  const steps = ORDER.filter((s) => app.allowedActions.includes(s));

  function confirm(form: HTMLFormElement) {
    if (!step) return;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const expectedVersion = app.dossierVersion;
    let body: DecisionInput;
    if (step === 'request_supplement') {
      const note = text('note');
      body = {
        action: step,
        expectedVersion,
        reason: text('reason'),
        documents: data.getAll('documents').map(String),
        ...(note ? { note } : {}),
      };
    } else if (step === 'reject') body = { action: step, expectedVersion, reason: text('reason') };
    else body = { action: step, expectedVersion };
    decision.mutate(body, {
      onSuccess: () => {
        const done = step;
        setStep(null);
        onDone(done);
      },
    });
  }

  const stale =
    decision.error instanceof ApiError &&
    (decision.error.code === 'resource.stale' || decision.error.code === 'dossier.invalid_transition');

  if (steps.length === 0) return <p>{t('admissionsReview.action.none')}</p>;
  return (
    <>
      <div className="actions">
        {steps.map((s) => (
          <button
            key={s}
            type="button"
            className={
              s === 'reject' ? 'button secondary review-danger-outline' : s === 'verify' ? 'button' : 'button secondary'
            }
            onClick={() => {
              decision.reset();
              setStep(s);
            }}
          >
            {t(`admissionsReview.action.${s}`)}
          </button>
        ))}
      </div>
      <ConfirmDialog
        open={step !== null}
        title={step ? t(`admissionsReview.action.confirm_${step}`, { code: app.dossierCode }) : ''}
        confirmLabel={step ? t(`admissionsReview.action.${step}`) : ''}
        danger={step === 'reject'}
        busy={decision.isPending}
        onCancel={() => setStep(null)}
        onConfirm={confirm}
      >
        <p>
          {app.child.fullName} · {app.dossierCode}
        </p>
        {step === 'verify' && <p>{t('admissionsReview.action.verifyHint')}</p>}
        {step === 'start_review' && <p>{t('admissionsReview.action.startHint')}</p>}
        {step === 'request_supplement' && (
          <SupplementFields
            code={app.dossierCode}
            documents={app.documents.map((d) => ({
              code: d.code,
              name: pickLocalized({ vi: d.nameVi, en: d.nameEn }, i18n.resolvedLanguage),
            }))}
          />
        )}
        {step === 'reject' && (
          <div className="field">
            <label htmlFor="reject-reason">{t('admissionsReview.action.reasonReject')}</label>
            <textarea
              id="reject-reason"
              name="reason"
              required
              minLength={5}
              maxLength={2000}
              rows={4}
              aria-describedby="reject-hint"
            />
            <p id="reject-hint" className="hint">
              {t('admissionsReview.action.reasonHint')}
            </p>
          </div>
        )}
        <FormStatus error={decision.error} />
        {stale && (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setStep(null);
              decision.reset();
              onReload();
            }}
          >
            {t('admissionsReview.action.reload')}
          </button>
        )}
      </ConfirmDialog>
    </>
  );
}
