import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatNumber } from '../../lib/format.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Select } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination, pageFromParams } from '../../ui/pagination.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { type DxRanking, type DxResultPage, type ListFilters, PAGE_SIZE } from './dx-api.ts';
import { LevelBadge } from './dx-ui.tsx';

/**
 * Results of a year: the communes ranked (average of each group, schools per level) and the
 * schools ranked in the province, filtered by commune, level and group. Shared by the staff
 * page (scope) and the public page (published only); filters live in the address.
 */
export function ResultsView(props: {
  years: number[];
  idPrefix: string;
  queryKey: string;
  ranking: (year: number, signal?: AbortSignal) => Promise<DxRanking>;
  results: (year: number, f: ListFilters, signal?: AbortSignal) => Promise<DxResultPage>;
  /** Staff only: the year's results as an Excel workbook. */
  exportUrl?: (year: number) => string;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('nam')) || props.years[0]!;
  const level = Number(params.get('muc')) || undefined;
  const group = params.get('nhom') ?? '';
  const communeId = params.get('xa') ?? '';
  const page = pageFromParams(params);
  const setParam = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete('page');
    setParams(next);
  };
  const ranking = useQuery({
    queryKey: [props.queryKey, 'ranking', year],
    queryFn: ({ signal }) => props.ranking(year, signal),
  });
  const filters: ListFilters = {
    page,
    level,
    group: group || undefined,
    communeId: communeId || undefined,
  };
  const results = useQuery({
    queryKey: [props.queryKey, 'results', year, filters],
    queryFn: ({ signal }) => props.results(year, filters, signal),
  });
  const p = props.idPrefix;
  return (
    <>
      <div className="dx-bar">
        <Select
          id={`${p}-year`}
          label={t('dx.year')}
          value={String(year)}
          error={undefined}
          onChange={(v) => setParam('nam', v)}
        >
          {props.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
        <Select
          id={`${p}-commune`}
          label={t('dx.commune')}
          value={communeId}
          error={undefined}
          onChange={(v) => setParam('xa', v)}
        >
          <option value="">{t('dx.all')}</option>
          {(ranking.data?.communes ?? [])
            .slice()
            .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
            .map((c) => (
              <option key={c.unitId} value={c.unitId}>
                {c.name}
              </option>
            ))}
        </Select>
        <Select
          id={`${p}-level`}
          label={t('dx.levelLabel')}
          value={level ? String(level) : ''}
          error={undefined}
          onChange={(v) => setParam('muc', v)}
        >
          <option value="">{t('dx.all')}</option>
          {[1, 2, 3].map((l) => (
            <option key={l} value={l}>
              {t(`dx.level.${l}`)}
            </option>
          ))}
        </Select>
        <Select
          id={`${p}-group`}
          label={t('dx.groupLabel')}
          value={group}
          error={undefined}
          onChange={(v) => setParam('nhom', v)}
        >
          <option value="">{t('dx.bothGroups')}</option>
          <option value="teaching">{t('dx.group.teaching')}</option>
          <option value="governance">{t('dx.group.governance')}</option>
        </Select>
      </div>
      {props.exportUrl && (
        <p>
          <a className="button secondary" href={props.exportUrl(year)} download>
            {t('dx.results.export', { year })}
          </a>
        </p>
      )}
      {ranking.isPending ? (
        <Loading />
      ) : ranking.isError ? (
        <ErrorAlert error={ranking.error} />
      ) : (
        <RankingTable ranking={ranking.data} idPrefix={p} />
      )}
      <h2 id={`${p}-schools`}>{t('dx.results.schools')}</h2>
      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorAlert error={results.error} />
      ) : results.data.items.length === 0 ? (
        <p>{t('dx.results.none')}</p>
      ) : (
        <>
          <p className="dx-meta" aria-live="polite">
            {t('dx.count', { count: results.data.total })}
          </p>
          <ol className="dx-list">
            {results.data.items.map((r) => (
              <li key={r.schoolId} className="dx-card">
                <h3>
                  {r.rank !== null && <span>{t('dx.rank', { rank: r.rank })} · </span>}
                  {r.schoolName}
                </h3>
                <p className="dx-meta">
                  {r.communeName}
                  {r.state && ` · ${t(`dx.state.${r.state}`)}`}
                </p>
                {r.teaching !== null ? (
                  <p className="dx-meta">
                    {t('dx.group.teachingShort')}: {formatNumber(r.teaching)} <LevelBadge level={r.levelTeaching} /> ·{' '}
                    {t('dx.group.governanceShort')}: {formatNumber(r.governance)}{' '}
                    <LevelBadge level={r.levelGovernance} />
                  </p>
                ) : (
                  <p className="dx-meta">{t('dx.results.notAssessed')}</p>
                )}
              </li>
            ))}
          </ol>
          <Pagination page={page} pageSize={PAGE_SIZE} total={results.data.total} />
        </>
      )}
    </>
  );
}

function RankingTable({ ranking, idPrefix }: { ranking: DxRanking; idPrefix: string }) {
  const { t } = useTranslation();
  const captionId = `${idPrefix}-ranking`;
  const dist = (d: { 1: number; 2: number; 3: number }) => `${d[1]} / ${d[2]} / ${d[3]}`;
  return (
    <>
      <h2 id={captionId}>{t('dx.results.communes')}</h2>
      <p className="dx-meta">
        {t('dx.results.summary', {
          schools: ranking.schools,
          assessed: ranking.assessed,
          recognised: ranking.recognised,
        })}
      </p>
      <ScrollRegion labelledBy={captionId}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('dx.results.rank')}</th>
              <th scope="col">{t('dx.commune')}</th>
              <th scope="col">{t('dx.results.assessed')}</th>
              <th scope="col">{t('dx.results.avgTeaching')}</th>
              <th scope="col">{t('dx.results.avgGovernance')}</th>
              <th scope="col">{t('dx.results.levelsTeaching')}</th>
              <th scope="col">{t('dx.results.levelsGovernance')}</th>
            </tr>
          </thead>
          <tbody>
            {ranking.communes
              .filter((c) => c.assessed > 0)
              .map((c) => (
                <tr key={c.unitId}>
                  <td>{c.rank ?? '—'}</td>
                  <th scope="row">{c.name}</th>
                  <td>
                    {c.assessed}/{c.schools}
                  </td>
                  <td>{c.avgTeaching === null ? '—' : formatNumber(c.avgTeaching)}</td>
                  <td>{c.avgGovernance === null ? '—' : formatNumber(c.avgGovernance)}</td>
                  <td>{dist(c.teaching)}</td>
                  <td>{dist(c.governance)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="hint">{t('dx.results.distHint')}</p>
    </>
  );
}
