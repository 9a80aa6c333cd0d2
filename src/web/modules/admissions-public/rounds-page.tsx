import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateRange } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import './admissions-public.css';
import { openRounds, type PublicRound, roundsQuery } from './public-api.ts';

/** /tuyen-sinh — the open rounds, for parents, with the way to apply and to look a dossier up. */
export function RoundsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admissionsPublic.rounds.title'));
  const rounds = useQuery({ ...roundsQuery, queryFn: ({ signal }) => openRounds(signal) });
  return (
    <div className="ap-page">
      <h1>{t('admissionsPublic.rounds.title')}</h1>
      <p className="lead">{t('admissionsPublic.rounds.intro')}</p>
      <p>
        <Link className="button secondary" to="/tuyen-sinh/tra-cuu">
          {t('admissionsPublic.rounds.lookup')}
        </Link>
      </p>
      {rounds.isPending && <Loading />}
      {rounds.isError && <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />}
      {rounds.data?.length === 0 && <p className="empty">{t('admissionsPublic.rounds.none')}</p>}
      <ul className="ap-rounds">
        {rounds.data?.map((r) => (
          <RoundCard key={r.id} round={r} />
        ))}
      </ul>
    </div>
  );
}

function RoundCard({ round: r }: { round: PublicRound }) {
  const { t } = useTranslation();
  const tl = r.timeline;
  const canApply = r.phase === 'trial' || r.phase === 'registration';
  const titleId = `ap-round-${r.id}`;
  return (
    <li className="card ap-round">
      <h2 id={titleId}>{r.name}</h2>
      <p>
        <span className={`badge ap-phase ap-phase-${r.phase}`}>{t(`admissionsPublic.phase.${r.phase}`)}</span>{' '}
        {t(`admissionsPublic.level.${r.level}`)} · {t('admissionsPublic.rounds.year', { year: r.schoolYear })}
      </p>
      <dl className="facts">
        <dt>{t('admissionsPublic.rounds.runningUnit')}</dt>
        <dd>{r.runningUnit.name}</dd>
        {tl.trialFrom && (
          <>
            <dt>{t('admissionsPublic.timeline.trial')}</dt>
            <dd>{formatDateRange(tl.trialFrom, tl.trialTo)}</dd>
          </>
        )}
        <dt>{t('admissionsPublic.timeline.registration')}</dt>
        <dd>{formatDateRange(tl.registerFrom, tl.registerTo)}</dd>
        <dt>{t('admissionsPublic.timeline.results')}</dt>
        <dd>{formatDate(tl.resultsAt)}</dd>
        <dt>{t('admissionsPublic.timeline.confirm')}</dt>
        <dd>{formatDate(tl.confirmTo)}</dd>
      </dl>
      <details>
        <summary>{t('admissionsPublic.rounds.schools', { count: r.schools.length })}</summary>
        <ul className="ap-school-list">
          {r.schools.map((s) => (
            <li key={s.schoolId}>
              <strong>{s.name}</strong>
              <span className="block small muted">
                {s.communeName} · {t('admissionsPublic.rounds.seats', { count: s.seats })}
                {s.catchments.length > 0 &&
                  ` · ${t('admissionsPublic.rounds.catchment')}: ${s.catchments
                    .map((c) => (c.village ? `${c.village}, ${c.communeName}` : c.communeName))
                    .join('; ')}`}
              </span>
            </li>
          ))}
        </ul>
      </details>
      <div className="ap-actions">
        {canApply && (
          <Link className="button" to={`/tuyen-sinh/dang-ky/${r.id}`} aria-describedby={titleId}>
            {t(r.phase === 'trial' ? 'admissionsPublic.rounds.try' : 'admissionsPublic.rounds.apply')}
          </Link>
        )}
        <Link to={`/tuyen-sinh/nhu-cau/${r.id}`} aria-describedby={titleId}>
          {t('admissionsPublic.rounds.demand')}
        </Link>
      </div>
    </li>
  );
}
