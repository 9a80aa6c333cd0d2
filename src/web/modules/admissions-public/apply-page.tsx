import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import './admissions-public.css';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { FieldError } from '../../ui/form-fields.tsx';
import {
  type ApplyForm,
  cleanId,
  draftForm,
  emptyForm,
  evidenceOfForm,
  fieldOfPath,
  guardiansOf,
  restoreDraft,
  type StepId,
  stepOfField,
  stepProblems,
  stepsOf,
  submitBody,
} from './apply-state.ts';
import { OtpStep } from './otp-step.tsx';
import {
  type ApplicationReceipt,
  type ChildIdentity,
  loadDraft,
  lookupChild,
  openRounds,
  type PublicRound,
  roundsQuery,
  saveDraft,
  submitApplication,
} from './public-api.ts';
import { ReceiptView, ReviewStep } from './step-review.tsx';
import { ChildStep, GuardiansStep, ResidenceStep } from './steps-child.tsx';
import { PriorityStep, WishesStep } from './steps-choice.tsx';
import {
  clearSubmitKey,
  currentOtp,
  type OtpSession,
  rememberChild,
  rememberedChild,
  rememberOtp,
  rememberResume,
  resumeHint,
  submitKey,
} from './storage.ts';

/** /tuyen-sinh/dang-ky/:roundId — the application, one question group per screen. */
export function ApplyPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const rounds = useQuery({ ...roundsQuery, queryFn: ({ signal }) => openRounds(signal) });
  const round = rounds.data?.find((r) => r.id === roundId);
  usePageTitle(round ? t('admissionsPublic.apply.titleOf', { round: round.name }) : t('admissionsPublic.apply.title'));
  if (rounds.isPending) return <Loading />;
  if (rounds.isError) return <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />;
  if (!round || round.phase === 'upcoming' || round.phase === 'registration_closed')
    return (
      <div className="narrow">
        <h1>{t('admissionsPublic.apply.title')}</h1>
        <p className="alert alert-info">
          {t(round ? 'admissionsPublic.apply.closed' : 'admissionsPublic.apply.notFound')}
        </p>
        <p>
          <Link to="/tuyen-sinh">{t('admissionsPublic.rounds.back')}</Link>
        </p>
      </div>
    );
  return <Wizard round={round} />;
}

function Wizard({ round }: { round: PublicRound }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const steps = stepsOf(round);
  const remembered = rememberedChild(round.id);
  const [otp, setOtp] = useState<OtpSession | null>(() => currentOtp());
  const [form, setForm] = useState<ApplyForm>(() => ({
    ...emptyForm(),
    ...(remembered ? { personalId: remembered.personalId, dateOfBirth: remembered.dateOfBirth } : {}),
  }));
  const [step, setStep] = useState<StepId>(() => (currentOtp() ? 'child' : 'contact'));
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ApplicationReceipt | null>(null);
  const [declared, setDeclared] = useState(false);
  const [hint] = useState(() => resumeHint(round.id));
  const errors = useFormErrors();
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const index = steps.indexOf(step);
  const identity = identityOf(form);

  const patch = (next: Partial<ApplyForm>) => setForm((f) => ({ ...f, ...next }));

  // Focus the new step's heading so that screen readers read it (not on the first render).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    if (!moved.current) {
      moved.current = true;
      return;
    }
    heading.current?.focus();
    window.scrollTo(0, 0);
  }, [step, receipt]);

  // The server-side draft, saved 1.5 s after the last change, once the child is identified.
  useEffect(() => {
    const who = identityOf(form);
    if (!otp || !who || form.prefill === undefined || receipt) return;
    const timer = setTimeout(() => {
      saveDraft(round.id, otp.token, who, draftForm(form)).then(
        (d) => {
          setSavedAt(d.updatedAt);
          rememberResume(round.id, { channel: otp.channel, address: otp.address, step: index, savedAt: d.updatedAt });
        },
        () => {}, // a lost draft save is retried with the next change; the form itself is intact
      );
    }, 1500);
    return () => clearTimeout(timer);
  }, [form, otp, receipt, round.id, index]);

  const goTo = (s: StepId) => {
    errors.clear();
    setStep(s);
  };

  function verified(session: OtpSession) {
    rememberOtp(session);
    setOtp(session);
    goTo('child');
  }

  /** An expired or missing token sends the parent back to the contact step. */
  function handleFailure(error: unknown) {
    if (error instanceof ApiError && error.code === 'auth.required') {
      rememberOtp(null);
      setOtp(null);
      setStep('contact');
      errors.show({}, t('admissionsPublic.otp.expired'));
      return;
    }
    const e = apiErrors(error, i18n.resolvedLanguage, fieldOfPath, t('error.generic'));
    const first = Object.keys(e.fields)[0];
    if (first) setStep(stepOfField(first));
    errors.show(e.fields, e.general);
  }

  async function lookup(who: ChildIdentity) {
    if (!otp) return;
    setBusy(true);
    try {
      let prefill: ApplyForm['prefill'] = null;
      try {
        prefill = await lookupChild(who, otp.token);
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'population.not_found')) throw error;
      }
      rememberChild(round.id, who);
      let next: ApplyForm = {
        ...form,
        prefill,
        residenceChoice: prefill ? form.residenceChoice : '',
        // The registry's parents (no phones), to check and complete on the next step.
        guardians: prefill?.guardians.length ? guardiansOf(prefill) : form.guardians,
      };
      try {
        const draft = await loadDraft(round.id, otp.token, who);
        next = restoreDraft(next, draft.form, round);
      } catch {
        // No draft for this child and contact: a fresh start.
      }
      setForm(next);
      errors.clear();
      // Tell screen-reader users what the registry answered: focus its heading once shown.
      requestAnimationFrame(() => document.getElementById(prefill ? 'ap-found-title' : 'ap-manual-title')?.focus());
    } catch (error) {
      handleFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function submit() {
    if (!otp) return;
    setBusy(true);
    // One key per press sequence: kept until a receipt arrives, so a retry files nothing twice.
    const key = submitKey(round.id);
    try {
      const r = await submitApplication(round.id, otp.token, key, submitBody(form));
      clearSubmitKey(round.id);
      rememberResume(round.id, null);
      if (identity) rememberChild(r.dossierCode, identity);
      setReceipt(r);
      void queryClient.invalidateQueries({ queryKey: ['public-application', r.dossierCode] });
    } catch (error) {
      // A refusal (4xx other than a conflict) means the form must change: a new press gets a new key.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 409)
        clearSubmitKey(round.id);
      handleFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function next(event: FormEvent) {
    event.preventDefault();
    const problems = stepProblems(step, form, round);
    if (step === 'review' && !declared) problems['ap-declare'] = 'declare';
    if (Object.keys(problems).length) {
      errors.show(
        Object.fromEntries(Object.entries(problems).map(([id, key]) => [id, t(`admissionsPublic.errors.${key}`)])),
      );
      return;
    }
    if (step === 'child' && identity && form.prefill === undefined) return lookup(identity);
    if (step === 'review') return submit();
    goTo(steps[index + 1] ?? 'review');
  }

  if (receipt && identity)
    return (
      <div className="narrow ap-page">
        <h1>{round.name}</h1>
        <ReceiptViewFocus
          receipt={receipt}
          child={identity}
          guardians={submitBody(form).guardians}
          evidence={evidenceOfForm(form, round)}
        />
      </div>
    );

  const communeName = (id: string) =>
    queryClient.getQueryData<{ id: string; name: string }[]>(['org-communes'])?.find((c) => c.id === id)?.name ?? '';
  const stepProps = { form, patch, errors: errors.fields };
  const trial = round.phase === 'trial';

  return (
    <div className="narrow ap-page">
      <h1>{round.name}</h1>
      {trial && <p className="alert alert-info">{t('admissionsPublic.apply.trial')}</p>}
      <p className="ap-progress-text">{t('admissionsPublic.apply.progress', { n: index + 1, total: steps.length })}</p>
      <div className="ap-progress" aria-hidden="true">
        <span style={{ width: `${((index + 1) / steps.length) * 100}%` }} />
      </div>
      <h2 ref={heading} tabIndex={-1} className="ap-step-title">
        {t(`admissionsPublic.steps.${step}`)}
      </h2>
      {step === 'contact' ? (
        <>
          {errors.general && <ErrorSummary {...errors} />}
          {hint && !otp && (
            <p className="alert alert-info">
              {t('admissionsPublic.apply.resume', { at: formatDateTime(hint.savedAt) })}
            </p>
          )}
          <p>{t('admissionsPublic.otp.intro')}</p>
          <OtpStep idPrefix="ap-otp" initial={otp ?? hint} onVerified={verified} />
        </>
      ) : (
        <form className="form" onSubmit={(e) => void next(e)} noValidate>
          <ErrorSummary {...errors} />
          {step === 'child' && <ChildStep {...stepProps} />}
          {step === 'guardians' && <GuardiansStep {...stepProps} />}
          {step === 'residence' && <ResidenceStep {...stepProps} />}
          {step === 'priority' && <PriorityStep {...stepProps} round={round} />}
          {step === 'wishes' && <WishesStep {...stepProps} round={round} />}
          {step === 'review' && (
            <>
              <ReviewStep form={form} round={round} communeName={communeName} goTo={goTo} />
              <div className="checkbox">
                <input
                  id="ap-declare"
                  type="checkbox"
                  checked={declared}
                  aria-invalid={errors.fields['ap-declare'] ? true : undefined}
                  aria-describedby={errors.fields['ap-declare'] ? 'ap-declare-error' : undefined}
                  onChange={(e) => setDeclared(e.target.checked)}
                />
                <label htmlFor="ap-declare">{t('admissionsPublic.review.declare')}</label>
              </div>
              <FieldError id="ap-declare" error={errors.fields['ap-declare']} />
              {trial && <p className="hint">{t('admissionsPublic.apply.trialSubmit')}</p>}
            </>
          )}
          <div className="ap-nav">
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={() => goTo(steps[index - 1] ?? 'contact')}
            >
              {t('admissionsPublic.apply.back')}
            </button>
            <button type="submit" className="button" disabled={busy || (step === 'review' && trial)}>
              {busy
                ? t('admissionsPublic.apply.working')
                : step === 'review'
                  ? t('admissionsPublic.apply.submit')
                  : step === 'child' && form.prefill === undefined
                    ? t('admissionsPublic.child.lookup')
                    : t('admissionsPublic.apply.next')}
            </button>
          </div>
          <p className="small muted ap-saved">
            {savedAt ? t('admissionsPublic.apply.saved', { at: formatDateTime(savedAt) }) : ''}
          </p>
        </form>
      )}
    </div>
  );
}

/** The child's ID and date of birth once both are well formed. */
function identityOf(form: ApplyForm): ChildIdentity | null {
  const personalId = cleanId(form.personalId);
  return form.dateOfBirth && /^\d{12}$/.test(personalId) ? { personalId, dateOfBirth: form.dateOfBirth } : null;
}

/** The receipt, with focus moved to its heading when it appears. */
function ReceiptViewFocus(props: Parameters<typeof ReceiptView>[0]) {
  useEffect(() => {
    document.getElementById('ap-receipt-title')?.focus();
  }, []);
  return <ReceiptView {...props} />;
}
