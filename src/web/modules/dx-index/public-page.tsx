import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { publicRanking, publicResults, publicYears } from './dx-api.ts';
import { ResultsView } from './results-view.tsx';
import './dx.css';

/** /chuyen-doi-so/cong-bo — what the Sở has published: recognised levels, no sign-in. */
export function DxPublicPage() {
  const { t } = useTranslation();
  usePageTitle(t('dx.public.title'));
  const years = useQuery({ queryKey: ['dx-public-years'], queryFn: ({ signal }) => publicYears(signal) });
  return (
    <div className="dx-page">
      <h1>{t('dx.public.title')}</h1>
      <p className="hint">{t('dx.public.intro')}</p>
      {years.isPending ? (
        <Loading />
      ) : years.isError ? (
        <ErrorAlert error={years.error} />
      ) : years.data.items.length === 0 ? (
        <p>{t('dx.public.none')}</p>
      ) : (
        <>
          <p className="dx-meta">
            {years.data.items
              .map((y) => t('dx.public.publishedOn', { year: y.year, at: formatDateTime(y.publishedAt) }))
              .join(' · ')}
          </p>
          <ResultsView
            years={years.data.items.map((y) => y.year)}
            idPrefix="dx-p"
            queryKey="dx-public"
            ranking={publicRanking}
            results={publicResults}
          />
        </>
      )}
    </div>
  );
}
