import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { RoundDetail } from '../../../shared/admissions.schema.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination, pageFromParams } from '../../ui/pagination.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { useCommunes, useRound } from './admissions-api.ts';
import { CHILDREN_PAGE_SIZE, useChildrenWithoutApplication } from './results-api.ts';
import { RoundBreadcrumb } from './round-breadcrumb.tsx';

/**
 * /admissions/rounds/:roundId/children-without-application — for a commune, the children of
 * the round's entry age living there who have no application (issue 3, item 5), so that the
 * commune can reach their families. Personal data (Decree 13/2023/NĐ-CP): the server shows only
 * name, date of birth and village, and records every page viewed in the audit log.
 */
export function ChildrenPage() {
  const { t } = useTranslation();
  usePageTitle(t('admissions.children.title'));
  const { roundId = '' } = useParams();
  const round = useRound(roundId);
  return (
    <>
      <RoundBreadcrumb roundId={roundId} name={round.data?.name} />
      <h1>{t('admissions.children.title')}</h1>
      <div className="alert alert-info" role="note">
        <p>{t('admissions.children.privacy')}</p>
      </div>
      {round.isPending && <Loading />}
      {round.isError && <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />}
      {round.data &&
        (round.data.level === 10 ? (
          <p className="empty">{t('admissions.children.notGrade10')}</p>
        ) : (
          <ChildrenList round={round.data} />
        ))}
    </>
  );
}

/** The communes to choose from: the running unit and the round's catchment communes, else every commune. */
function useCommuneOptions(round: RoundDetail): { id: string; name: string }[] {
  const communes = useCommunes();
  const active = (communes.data ?? []).filter((c) => c.active);
  const isCommune = (id: string) => active.some((c) => c.id === id);
  const own = new Map<string, string>();
  if (isCommune(round.runningUnit.id)) own.set(round.runningUnit.id, round.runningUnit.name);
  for (const c of round.catchments) own.set(c.communeId, c.communeName);
  if (own.size > 0) return [...own].map(([id, name]) => ({ id, name }));
  return active.map((c) => ({ id: c.id, name: c.name }));
}

function ChildrenList({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const options = useCommuneOptions(round);
  const communeId = params.get('communeId') ?? options[0]?.id;
  const page = pageFromParams(params);
  const list = useChildrenWithoutApplication(communeId, { level: round.level, roundId: round.id, page });
  const data = list.data;

  return (
    <>
      <search>
        <form className="filters card" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="children-commune">{t('admissions.children.commune')}</label>
            <select
              id="children-commune"
              value={communeId ?? ''}
              onChange={(e) => setParams({ communeId: e.target.value })}
            >
              {options.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        </form>
      </search>
      {data && (
        <p aria-live="polite" className="result-count">
          {t('admissions.children.count', {
            count: data.total,
            formatted: formatNumber(data.total),
            cohort: formatNumber(data.cohort),
            birthYear: data.birthYear,
            schoolYear: data.schoolYear,
          })}
        </p>
      )}
      {data?.source === 'demo' && <p className="notice">{t('admissions.children.demoSource')}</p>}
      {list.isPending && communeId && <Loading />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {data && data.items.length === 0 && <p className="empty">{t('admissions.children.none')}</p>}
      {data && data.items.length > 0 && (
        <ScrollRegion labelledBy="children-caption">
          <table className="table table-stack">
            <caption id="children-caption" className="visually-hidden">
              {t('admissions.children.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('admissions.children.name')}</th>
                <th scope="col">{t('admissions.children.dateOfBirth')}</th>
                <th scope="col">{t('admissions.children.village')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list carries no id (minimal disclosure); rows never reorder within a page
                <tr key={i}>
                  <th scope="row">{c.fullName}</th>
                  <td data-label={t('admissions.children.dateOfBirth')}>{formatDate(c.dateOfBirth)}</td>
                  <td data-label={t('admissions.children.village')}>{c.village ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {data && <Pagination page={data.page} pageSize={CHILDREN_PAGE_SIZE} total={data.total} />}
    </>
  );
}
