import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import {
  type ApplyForm,
  catchmentSchool,
  chosenResidence,
  type EvidenceCode,
  guardiansBody,
  type StepId,
} from './apply-state.ts';
import { GuardiansList } from './guardians-fields.tsx';
import type { ApplicationReceipt, ChildIdentity, GuardianBody, PublicRound } from './public-api.ts';
import { ReceiptDownload } from './receipt-download.tsx';
import { groupName } from './steps-choice.tsx';

// The upload (with its OTP gate) loads only once a receipt is shown: not part of the first load.
const EvidenceUpload = lazy(() => import('./dossier-supplement.tsx').then((m) => ({ default: m.EvidenceUpload })));

/** Step 6: everything on one page, each part with a "Sửa" button back to its step. */
export function ReviewStep({
  form,
  round,
  communeName,
  goTo,
}: {
  form: ApplyForm;
  round: PublicRound;
  communeName: (id: string) => string;
  goTo: (step: StepId) => void;
}) {
  const { t, i18n } = useTranslation();
  const p = form.prefill;
  const residence = chosenResidence(form);
  const catchment = catchmentSchool(round, residence);
  const school = (id: string) => round.schools.find((s) => s.schoolId === id)?.name ?? id;
  const group = round.priorityGroups.find((g) => g.code === form.priorityGroup);
  const edit = (step: StepId, what: string) => (
    <button type="button" className="link-button" onClick={() => goTo(step)}>
      {t('admissionsPublic.review.edit')}
      <span className="visually-hidden"> {what}</span>
    </button>
  );
  const residenceText =
    p && form.residenceChoice === 'confirm'
      ? [p.currentResidence.village, p.currentResidence.communeName].filter(Boolean).join(', ')
      : [form.village.trim(), communeName(form.communeId)].filter(Boolean).join(', ');
  return (
    <dl className="facts ap-review">
      <dt>{t('admissionsPublic.review.child')}</dt>
      <dd>
        {p?.fullName ?? form.fullName} · {t(`admissionsPublic.gender.${p?.gender ?? (form.gender || 'male')}`)} ·{' '}
        {formatDate(form.dateOfBirth)}
        <br />
        {t('admissionsPublic.review.personalId')}: {form.personalId.replace(/\s+/g, '')}
        {p === null && <span className="block small">{t('admissionsPublic.review.unregistered')}</span>}{' '}
        {edit('child', t('admissionsPublic.review.child'))}
      </dd>
      <dt>{t('admissionsPublic.review.guardians')}</dt>
      <dd>
        <GuardiansList guardians={guardiansBody(form.guardians)} />
        {edit('guardians', t('admissionsPublic.review.guardians'))}
      </dd>
      <dt>{t('admissionsPublic.review.residence')}</dt>
      <dd>
        {residenceText}
        {p && form.residenceChoice === 'correct' && (
          <span className="block small">
            {t('admissionsPublic.review.correction')}: {form.correctionReason}
          </span>
        )}{' '}
        {edit('residence', t('admissionsPublic.review.residence'))}
      </dd>
      {round.priorityGroups.length > 0 && (
        <>
          <dt>{t('admissionsPublic.review.priority')}</dt>
          <dd>
            {group ? groupName(group, i18n.resolvedLanguage) : t('admissionsPublic.priority.none')}{' '}
            {edit('priority', t('admissionsPublic.review.priority'))}
          </dd>
        </>
      )}
      <dt>{t('admissionsPublic.review.wishes')}</dt>
      <dd>
        <ol className="ap-wishes">
          {form.wishes.map((id) => (
            <li key={id}>
              {school(id)}
              {id === catchment && ` — ${t('admissionsPublic.wishes.catchmentTag')}`}
            </li>
          ))}
        </ol>
        {edit('wishes', t('admissionsPublic.review.wishes'))}
      </dd>
    </dl>
  );
}

/** After filing: the code, big and copyable, what happens next, the PDF and the status page. */
export function ReceiptView({
  receipt,
  child,
  guardians,
  evidence,
}: {
  receipt: ApplicationReceipt;
  child: ChildIdentity;
  guardians: GuardianBody[];
  /** Documents the family may add now (priority, residence, bonus points). */
  evidence: EvidenceCode[];
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(receipt.dossierCode);
      setCopied(true);
    } catch {
      const code = document.getElementById('ap-receipt-code');
      if (code) window.getSelection()?.selectAllChildren(code);
    }
  }
  return (
    <section aria-labelledby="ap-receipt-title" className="ap-receipt">
      <h2 id="ap-receipt-title" tabIndex={-1}>
        {t('admissionsPublic.receipt.title')}
      </h2>
      <p>{t('admissionsPublic.receipt.codeLabel')}</p>
      <p className="ap-code" id="ap-receipt-code">
        {receipt.dossierCode}
      </p>
      <div className="ap-actions">
        <button type="button" className="button secondary" onClick={() => void copy()}>
          {t('admissionsPublic.receipt.copy')}
        </button>
        <span aria-live="polite" className="small">
          {copied ? t('admissionsPublic.receipt.copied') : ''}
        </span>
      </div>
      <dl className="facts">
        <dt>{t('admissionsPublic.receipt.round')}</dt>
        <dd>{receipt.roundName}</dd>
        <dt>{t('admissionsPublic.receipt.receivedAt')}</dt>
        <dd>{formatDateTime(receipt.receivedAt)}</dd>
        {receipt.dueAt && (
          <>
            <dt>{t('admissionsPublic.receipt.dueAt')}</dt>
            <dd>{formatDate(receipt.dueAt)}</dd>
          </>
        )}
        <dt>{t('admissionsPublic.review.wishes')}</dt>
        <dd>
          <ol className="ap-wishes">
            {receipt.schoolWishes.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ol>
        </dd>
        {guardians.length > 0 && (
          <>
            <dt>{t('admissionsPublic.review.guardians')}</dt>
            <dd>
              <GuardiansList guardians={guardians} />
            </dd>
          </>
        )}
      </dl>
      {!receipt.registryMatch && <p className="alert alert-info">{t('admissionsPublic.receipt.unregistered')}</p>}
      {evidence.length > 0 && (
        <Suspense fallback={null}>
          <EvidenceUpload code={receipt.dossierCode} child={child} documents={evidence} headingLevel={3} />
        </Suspense>
      )}
      <h3>{t('admissionsPublic.receipt.nextTitle')}</h3>
      <ol>
        <li>{t('admissionsPublic.receipt.next1')}</li>
        <li>{t('admissionsPublic.receipt.next2')}</li>
        <li>{t('admissionsPublic.receipt.next3')}</li>
      </ol>
      <div className="ap-actions">
        <ReceiptDownload code={receipt.dossierCode} child={child} />
        <Link className="button secondary" to={`/tuyen-sinh/ho-so/${encodeURIComponent(receipt.dossierCode)}`}>
          {t('admissionsPublic.receipt.status')}
        </Link>
      </div>
    </section>
  );
}
