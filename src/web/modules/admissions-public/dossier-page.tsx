import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { StateBadge } from '../../ui/state-badge.tsx';
import './admissions-public.css';
import { evidenceDocuments } from './apply-state.ts';
import { ConfirmEnrolment, Withdraw } from './dossier-actions.tsx';
import { EditGuardians, EditPriority, EditResidence, EditWishes } from './dossier-edits.tsx';
import { EvidenceUpload, SupplementForm } from './dossier-supplement.tsx';
import { GuardiansList } from './guardians-fields.tsx';
import { LookupForm } from './lookup-page.tsx';
import {
  type ApplicationStatus,
  applicationStatus,
  type ChildIdentity,
  lookupResult,
  openRounds,
  type PublicResult,
  roundsQuery,
} from './public-api.ts';
import { ReceiptDownload } from './receipt-download.tsx';
import { rememberChild, rememberedChild } from './storage.ts';

/** Only for results decided by the lottery: its own chunk. */
const LotteryCheck = lazy(() => import('./lottery-check.tsx').then((m) => ({ default: m.LotteryCheck })));

/** A grade-1/6 result decided by the draw names it in its explanation (vi "bốc thăm", en "lottery"). */
export const decidedByLottery = (result: PublicResult) =>
  result.round.level !== 10 && /bốc thăm|lottery/i.test(result.explanation.normalize('NFC'));

const FINAL = ['approved', 'rejected', 'withdrawn'];

/** /tuyen-sinh/ho-so/:code — state, timeline, supplement, changes, result and confirmation. */
export function DossierPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  usePageTitle(t('admissionsPublic.dossier.title', { code }));
  const [child, setChild] = useState<ChildIdentity | null>(() => rememberedChild(code));
  if (!child)
    return (
      <div className="narrow ap-page">
        <h1>{t('admissionsPublic.dossier.title', { code })}</h1>
        <p>{t('admissionsPublic.dossier.identify')}</p>
        <LookupForm code={code} onFound={(_, c) => setChild(c)} />
      </div>
    );
  return (
    <Dossier
      code={code}
      child={child}
      onForget={() => {
        rememberChild(code, null);
        setChild(null);
      }}
    />
  );
}

function Dossier({ code, child, onForget }: { code: string; child: ChildIdentity; onForget: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['public-application', code, child.personalId, child.dateOfBirth];
  const status = useQuery({ queryKey: key, queryFn: ({ signal }) => applicationStatus(code, child, signal) });
  const resultKey = ['public-result', code, child.personalId, child.dateOfBirth];
  const result = useQuery({
    queryKey: resultKey,
    queryFn: ({ signal }) => lookupResult(code, child, signal),
    // Before publication (or before engineer B's endpoint exists) there is simply no result.
    retry: false,
    enabled: status.isSuccess,
  });
  const rounds = useQuery({ ...roundsQuery, queryFn: ({ signal }) => openRounds(signal) });
  const refresh = (next?: ApplicationStatus) => {
    if (next) queryClient.setQueryData(key, next);
    void queryClient.invalidateQueries({ queryKey: ['public-application', code] });
    void queryClient.invalidateQueries({ queryKey: ['public-result', code] });
  };
  if (status.isPending) return <Loading />;
  if (status.isError)
    return (
      <div className="narrow ap-page">
        <h1>{t('admissionsPublic.dossier.title', { code })}</h1>
        <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />
        <button type="button" className="link-button" onClick={onForget}>
          {t('admissionsPublic.dossier.other')}
        </button>
      </div>
    );
  const s = status.data;
  // The round as the public list shows it (its phase), while it is open.
  const round = rounds.data?.find((r) => r.id === s.roundId);
  const canEdit = round?.phase === 'registration' && ['submitted', 'in_review'].includes(s.state);
  const supplement = [...s.timeline.events].reverse().find((e) => e.toState === 'supplement_requested');
  const published = result.data;
  const group = round?.priorityGroups.find((g) => g.code === s.priorityGroup);
  const groupLabel = group
    ? i18n.resolvedLanguage === 'en' && group.nameEn
      ? group.nameEn
      : group.nameVi
    : s.priorityGroup;
  // Proof the family may add on its own until the decision (the server refuses it afterwards).
  const evidence =
    FINAL.includes(s.state) || published
      ? []
      : evidenceDocuments({
          priorityGroup: s.priorityGroup,
          residenceNeedsProof: s.residenceStatus !== 'confirmed',
          level: round?.level,
        });
  const editProps = { code, child, status: s, onDone: refresh };
  return (
    <div className="narrow ap-page">
      <h1>{t('admissionsPublic.dossier.title', { code: s.dossierCode })}</h1>
      <dl className="facts">
        <dt>{t('admissionsPublic.dossier.child')}</dt>
        <dd>{s.childName}</dd>
        <dt>{t('admissionsPublic.receipt.round')}</dt>
        <dd>{s.roundName}</dd>
        <dt>{t('admissionsPublic.dossier.state')}</dt>
        <dd>
          <StateBadge state={s.state} label={t(`admissionsPublic.state.${s.state}`)} />
        </dd>
        {s.timeline.receivedAt && (
          <>
            <dt>{t('admissionsPublic.receipt.receivedAt')}</dt>
            <dd>{formatDateTime(s.timeline.receivedAt)}</dd>
          </>
        )}
        {s.timeline.dueAt && !FINAL.includes(s.state) && (
          <>
            <dt>{t('admissionsPublic.receipt.dueAt')}</dt>
            <dd>
              {formatDate(s.timeline.dueAt)}
              {s.timeline.overdue && ` (${t('admissionsPublic.dossier.overdue')})`}
            </dd>
          </>
        )}
        {canEdit && round && (
          <>
            <dt>{t('admissionsPublic.dossier.editDeadline')}</dt>
            <dd>{formatDateTime(round.timeline.registerTo)}</dd>
          </>
        )}
        <dt>{t('admissionsPublic.review.wishes')}</dt>
        <dd>
          <ol className="ap-wishes">
            {s.schoolWishes.map((w) => (
              <li key={w.id}>{w.name}</li>
            ))}
          </ol>
        </dd>
        <dt>{t('admissionsPublic.review.guardians')}</dt>
        <dd>
          {s.guardians.length ? <GuardiansList guardians={s.guardians} /> : t('admissionsPublic.guardians.noneGiven')}
        </dd>
        {(s.priorityGroup || (round?.priorityGroups.length ?? 0) > 0) && (
          <>
            <dt>{t('admissionsPublic.review.priority')}</dt>
            <dd>{groupLabel ?? t('admissionsPublic.priority.none')}</dd>
          </>
        )}
        <dt>{t('admissionsPublic.review.residence')}</dt>
        <dd>{t(`admissionsPublic.residenceStatus.${s.residenceStatus}`)}</dd>
      </dl>
      {published && <ResultSection result={published} />}
      {published?.confirmation === 'pending' && Date.parse(published.confirmTo) > Date.now() && (
        <ConfirmEnrolment
          code={code}
          child={child}
          result={published}
          onDone={(next) => queryClient.setQueryData(resultKey, next)}
        />
      )}
      {result.isError && <ResultPending error={result.error} />}
      {s.state === 'supplement_requested' && supplement && (
        <SupplementForm code={code} child={child} request={supplement} onDone={() => refresh()} />
      )}
      {evidence.length > 0 && <EvidenceUpload code={code} child={child} documents={evidence} />}
      {canEdit && round && (
        <div className="ap-edits">
          <EditWishes {...editProps} round={round} />
          <EditGuardians {...editProps} round={round} />
          {round.priorityGroups.length > 0 && <EditPriority {...editProps} round={round} />}
          <EditResidence {...editProps} round={round} />
        </div>
      )}
      <section aria-labelledby="ap-timeline-title">
        <h2 id="ap-timeline-title">{t('admissionsPublic.dossier.timeline')}</h2>
        <ol className="events ap-timeline">
          {s.timeline.events.map((e) => (
            <li key={`${e.at}-${e.action}`}>
              <strong>{t(`admissionsPublic.state.${e.toState}`)}</strong>
              <span className="block small muted">
                {formatDateTime(e.at)} · {t(`admissionsPublic.by.${e.by}`)}
              </span>
              {e.reason && <span className="block">{e.reason}</span>}
            </li>
          ))}
        </ol>
      </section>
      <div className="ap-actions">
        <ReceiptDownload code={code} child={child} />
      </div>
      {!FINAL.includes(s.state) && !published && <Withdraw code={code} child={child} onDone={refresh} />}
      <p>
        <Link to="/tuyen-sinh">{t('admissionsPublic.rounds.back')}</Link>
      </p>
    </div>
  );
}

/** No result yet: before publication the server says when it is expected; a wrong identity is 404. */
function ResultPending({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (error instanceof ApiError && error.status === 404) return null;
  if (error instanceof ApiError && error.code === 'admissions.results_not_published')
    return <p className="alert alert-info">{error.messageFor(i18n.resolvedLanguage)}</p>;
  return <p className="small muted">{t('admissionsPublic.result.unavailable')}</p>;
}

function ResultSection({ result }: { result: PublicResult }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="ap-result-title" className={`card ap-result ap-result-${result.outcome}`}>
      <h2 id="ap-result-title">{t('admissionsPublic.result.title')}</h2>
      <p className="ap-result-outcome">
        {t(`admissionsPublic.result.outcome.${result.outcome}`)}
        {result.school && `: ${result.school.name}`}
        {result.wish && ` (${t('admissionsPublic.wishes.wish', { n: result.wish })})`}
      </p>
      <p>{result.explanation}</p>
      <dl className="facts">
        <dt>{t('admissionsPublic.result.confirmation')}</dt>
        <dd>
          {t(`admissionsPublic.result.confirm.${result.confirmation}`)}
          {result.confirmedAt && ` — ${formatDateTime(result.confirmedAt)}`}
        </dd>
        {result.outcome === 'admitted' && (
          <>
            <dt>{t('admissionsPublic.timeline.confirm')}</dt>
            <dd>{result.confirmToText || formatDate(result.confirmTo)}</dd>
          </>
        )}
      </dl>
      {result.round.level === 10 && (
        <p>
          <Link to={`/tuyen-sinh/diem-chuan/${result.round.id}`}>{t('admissionsPublic.cutoffs.link')}</Link>
        </p>
      )}
      {decidedByLottery(result) && (
        <Suspense fallback={null}>
          <LotteryCheck roundId={result.round.id} roundCode={result.round.code} dossierCode={result.dossierCode} />
        </Suspense>
      )}
    </section>
  );
}
