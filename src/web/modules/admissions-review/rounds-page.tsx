import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination, pageFromParams } from '../../ui/pagination.tsx';
import { useRounds } from './review-api.ts';
import './review.css';

/**
 * /admissions/applications — where a school or commune clerk starts: the rounds they may see,
 * each leading to its queue of applications (the round's configuration is F2's /admissions/rounds).
 */
export function RoundsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admissionsReview.rounds.title'));
  const [params] = useSearchParams();
  const rounds = useRounds(pageFromParams(params));
  const items = rounds.data?.items ?? [];
  return (
    <>
      <h1>{t('admissionsReview.rounds.title')}</h1>
      <p className="lead">{t('admissionsReview.rounds.lead')}</p>
      {rounds.isPending && <Loading />}
      {rounds.isError && <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />}
      {rounds.data && items.length === 0 && <p className="empty">{t('admissionsReview.rounds.none')}</p>}
      {items.length > 0 && (
        <ul className="result-list">
          {items.map((r) => (
            <li key={r.id} className="result">
              <h2 className="result-title">
                <Link to={`/admissions/rounds/${r.id}/applications`}>{r.name}</Link>
              </h2>
              <p className="result-meta">
                <span>{t('admissionsReview.rounds.level', { level: r.level })}</span>
                <span>{r.schoolYear}</span>
                <span>{r.runningUnit.name}</span>
                <span>{t(`admissionsReview.roundStatus.${r.status}`)}</span>
                <span>
                  {t('admissionsReview.rounds.registration', {
                    from: formatDate(r.timeline.registerFrom),
                    to: formatDate(r.timeline.registerTo),
                  })}
                </span>
                <span>{t('admissionsReview.rounds.seats', { seats: formatNumber(r.seats) })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {rounds.data && <Pagination page={rounds.data.page} pageSize={rounds.data.pageSize} total={rounds.data.total} />}
    </>
  );
}
