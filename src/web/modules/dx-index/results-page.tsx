import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { getRanking, listCampaigns, listResults } from './dx-api.ts';
import { ResultsView } from './results-view.tsx';
import './dx.css';

/** /chuyen-doi-so/ket-qua — results and rankings of the schools in the evaluator's scope (all assessments sent). */
export function DxResultsPage() {
  const { t } = useTranslation();
  usePageTitle(t('dx.results.title'));
  const campaigns = useQuery({ queryKey: ['dx-campaigns'], queryFn: ({ signal }) => listCampaigns(signal) });
  return (
    <div className="dx-page">
      <h1>{t('dx.results.title')}</h1>
      <p className="hint">{t('dx.results.intro')}</p>
      {campaigns.isPending ? (
        <Loading />
      ) : campaigns.isError ? (
        <ErrorAlert error={campaigns.error} />
      ) : campaigns.data.items.length === 0 ? (
        <p>{t('dx.noCampaign')}</p>
      ) : (
        <ResultsView
          years={campaigns.data.items.map((c) => c.year)}
          idPrefix="dx-r"
          queryKey="dx-staff"
          ranking={(y, s) => getRanking(y, false, s)}
          results={listResults}
          exportUrl={(y) => `/api/dx/campaigns/${y}/results.xlsx`}
        />
      )}
    </div>
  );
}
