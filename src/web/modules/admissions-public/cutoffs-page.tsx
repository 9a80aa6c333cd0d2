import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import './admissions-public.css';
import { cutoffs, type PublicCutoffs } from './public-api.ts';
import { formatScore } from './score-format.ts';

type Stage = PublicCutoffs['schools'][number]['stage'];
const STAGES: Stage[] = ['specialised', 'ordinary'];

/**
 * /tuyen-sinh/diem-chuan/:roundId — the cut-offs of a published grade-10 round, for everyone:
 * per school and stage (specialised schools first), seats, admitted and the cut-off score.
 * A table on a wide screen, one card per school on a phone (.table-stack).
 */
export function CutoffsPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  usePageTitle(t('admissionsPublic.cutoffs.title'));
  const query = useQuery({
    queryKey: ['public-cutoffs', roundId],
    queryFn: ({ signal }) => cutoffs(roundId, signal),
    // 404 is an answer (not published, or not a grade-10 round): do not ask again.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    staleTime: 5 * 60_000,
  });
  const data = query.data;
  const missing = query.error instanceof ApiError && query.error.status === 404;
  return (
    <div className="ap-page">
      <h1>{t('admissionsPublic.cutoffs.title')}</h1>
      {query.isPending && <Loading />}
      {missing && <p className="alert alert-info">{t('admissionsPublic.cutoffs.notPublished')}</p>}
      {query.isError && !missing && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <>
          <p className="lead">
            <strong>{data.roundName}</strong>
            <span className="block small">
              {t('admissionsPublic.cutoffs.publishedAt', { at: formatDateTime(data.publishedAt) })}
            </span>
          </p>
          <p>{t('admissionsPublic.cutoffs.explain')}</p>
          {STAGES.map((stage) => {
            const rows = data.schools.filter((s) => s.stage === stage);
            if (rows.length === 0) return null;
            const titleId = `cutoffs-${stage}`;
            return (
              <section key={stage} aria-labelledby={titleId}>
                <h2 id={titleId}>{t(`admissionsPublic.cutoffs.stage.${stage}`)}</h2>
                <ScrollRegion labelledBy={titleId}>
                  <table className="table table-stack ap-cutoffs">
                    <thead>
                      <tr>
                        <th scope="col">{t('admissionsPublic.cutoffs.school')}</th>
                        <th scope="col">{t('admissionsPublic.cutoffs.seats')}</th>
                        <th scope="col">{t('admissionsPublic.cutoffs.admitted')}</th>
                        <th scope="col">{t('admissionsPublic.cutoffs.cutoff')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((s) => (
                        <tr key={`${s.stage}-${s.schoolId}`}>
                          <th scope="row">{s.schoolName}</th>
                          <td data-label={t('admissionsPublic.cutoffs.seats')}>{formatNumber(s.seats)}</td>
                          <td data-label={t('admissionsPublic.cutoffs.admitted')}>{formatNumber(s.admitted)}</td>
                          <td data-label={t('admissionsPublic.cutoffs.cutoff')}>
                            {s.cutoff === null ? (
                              <span>{t('admissionsPublic.cutoffs.everyone')}</span>
                            ) : (
                              <strong className="ap-score">{formatScore(s.cutoff)}</strong>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              </section>
            );
          })}
        </>
      )}
      <p>
        <Link to="/tuyen-sinh/tra-cuu">{t('admissionsPublic.cutoffs.lookup')}</Link>
      </p>
      <p>
        <Link to="/tuyen-sinh">{t('admissionsPublic.rounds.back')}</Link>
      </p>
    </div>
  );
}
