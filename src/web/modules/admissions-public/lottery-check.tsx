import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { lottery, lotteryPath } from './public-api.ts';

/**
 * "Kiểm tra kết quả bốc thăm": on the result of a grade-1/6 dossier decided by the lottery, what
 * the family needs to re-run the draw itself: the published seed, its own dossier code, the hash
 * of the inputs, how the numbers are drawn, and the inputs (no personal data) to download.
 * Loaded in its own chunk, only for such results. Nothing is shown when the server has no draw
 * to publish (404).
 */
export function LotteryCheck({
  roundId,
  roundCode,
  dossierCode,
}: {
  roundId: string;
  roundCode: string;
  dossierCode: string;
}) {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['public-lottery', roundId],
    queryFn: ({ signal }) => lottery(roundId, signal),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    staleTime: 5 * 60_000,
  });
  if (query.isPending) return null;
  if (query.isError)
    return query.error instanceof ApiError && query.error.status === 404 ? null : (
      <p className="small muted">{t('admissionsPublic.lottery.unavailable')}</p>
    );
  const d = query.data;
  const how = i18n.resolvedLanguage === 'en' ? d.howToCheck.en : d.howToCheck.vi;
  return (
    <section aria-labelledby="ap-lottery-title" className="ap-lottery">
      <h3 id="ap-lottery-title">{t('admissionsPublic.lottery.title')}</h3>
      <dl className="facts">
        <dt>{t('admissionsPublic.lottery.seed')}</dt>
        <dd>
          <code data-testid="lottery-seed">{d.seed}</code>
          <span className="block small muted">
            {t('admissionsPublic.lottery.seedAt', { at: formatDateTime(d.seedPublishedAt) })}
          </span>
        </dd>
        <dt>{t('admissionsPublic.lottery.code')}</dt>
        <dd>
          <code>{dossierCode}</code>
        </dd>
        <dt>{t('admissionsPublic.lottery.hash')}</dt>
        <dd>
          <code data-testid="lottery-hash">{d.inputsSha256}</code>
        </dd>
      </dl>
      <p className="ap-lottery-how">{how}</p>
      <p>
        <a href={lotteryPath(roundId)} download={`boc-tham-${roundCode}.json`} type="application/json">
          {t('admissionsPublic.lottery.download')}
        </a>
      </p>
    </section>
  );
}
