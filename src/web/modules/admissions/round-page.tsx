import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { RoundCopyResult, RoundDetail } from '../../../shared/admissions.schema.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useRound } from './admissions-api.ts';
import { CatchmentsSection } from './round-catchments.tsx';
import { GeneralSection, TimelineSection } from './round-general.tsx';
import { PrioritySection } from './round-priority.tsx';
import { RulesSection } from './round-rules.tsx';
import { SchoolsSection } from './round-schools.tsx';
import { StatusPanel } from './round-status.tsx';

/** /admissions/rounds/:roundId — a round's configuration in sections, its status and its pages. */
export function RoundPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const round = useRound(roundId);
  usePageTitle(round.data?.name ?? t('admissions.round.title'));
  if (round.isPending) return <Loading />;
  if (round.isError) return <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />;
  return <RoundView round={round.data} />;
}

function RoundView({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const skipped = (location.state as { skipped?: RoundCopyResult['skipped'] } | null)?.skipped;
  const editable = hasPermission(me, 'admissions.manage');
  const base = `/admissions/rounds/${round.id}`;
  // Sections keep what is typed; a save elsewhere (new version) must not reset them.
  const key = round.id;

  return (
    <>
      <nav aria-label={t('admissions.round.breadcrumb')} className="breadcrumb">
        <Link to="/admissions/rounds">{t('admissions.rounds.title')}</Link>
      </nav>
      <h1>{round.name}</h1>
      <dl className="facts">
        <dt>{t('admissions.field.code')}</dt>
        <dd>{round.code}</dd>
        <dt>{t('admissions.field.level')}</dt>
        <dd>{t('admissions.levelName', { level: round.level })}</dd>
        <dt>{t('admissions.field.schoolYear')}</dt>
        <dd>{round.schoolYear}</dd>
        <dt>{t('admissions.field.runningUnit')}</dt>
        <dd>{round.runningUnit.name}</dd>
        <dt>{t('admissions.field.seats')}</dt>
        <dd>
          {t('admissions.rounds.seats', { seats: formatNumber(round.seats), schools: formatNumber(round.schoolCount) })}
        </dd>
        <dt>{t('admissions.field.updatedAt')}</dt>
        <dd>{formatDateTime(round.updatedAt)}</dd>
      </dl>
      {skipped && (
        <div className="alert alert-info" role="status">
          <p>{t('admissions.copy.done')}</p>
          {skipped.length > 0 && (
            <>
              <p>{t('admissions.copy.skipped')}</p>
              <ul>
                {skipped.map((s) => (
                  <li key={s.unitId}>
                    {s.name}: {s.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <nav aria-label={t('admissions.round.pages')} className="card">
        <ul className="actions">
          <li>
            <Link to={`${base}/applications`}>{t('admissions.round.queue')}</Link>
          </li>
          {hasPermission(me, 'admissions.allocate') && (
            <li>
              <Link to={`${base}/allocation`}>{t('admissions.round.allocation')}</Link>
            </li>
          )}
          <li>
            <Link to={`${base}/results`}>{t('admissions.round.results')}</Link>
          </li>
          <li>
            <Link to={`/admissions/dashboard?roundId=${round.id}`}>{t('admissions.round.dashboard')}</Link>
          </li>
          {round.level !== 10 && (
            <li>
              <Link to={`${base}/children-without-application`}>{t('admissions.round.children')}</Link>
            </li>
          )}
        </ul>
      </nav>
      <StatusPanel round={round} />
      <GeneralSection key={`g-${key}`} round={round} editable={editable} />
      <TimelineSection key={`t-${key}`} round={round} editable={editable} />
      <SchoolsSection key={`s-${key}`} round={round} editable={editable} />
      {round.level !== 10 && <CatchmentsSection key={`c-${key}`} round={round} editable={editable} />}
      <PrioritySection key={`p-${key}`} round={round} editable={editable} />
      <RulesSection key={`r-${key}`} round={round} editable={editable} />
    </>
  );
}
