import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import {
  FACET_NAMES,
  type FacetName,
  labeller,
  PAGE_SIZE,
  paramsFromState,
  referenceQuery,
  type SearchResult,
  type SearchState,
  SORTS,
  searchResources,
  stateFromParams,
} from './library-api.ts';
import './library.css';
import { type Label, ResourceCard } from './resource-card.tsx';

/** /hoc-lieu — search the library: words (diacritics optional), facets, sort, pages; all in the URL. */
export function SearchPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = stateFromParams(params);
  const [text, setText] = useState(state.q);
  usePageTitle(t('library.search.title'));
  const reference = useQuery(referenceQuery);
  const label = labeller(reference.data, i18n.resolvedLanguage, (k, o) => t(k, o));
  const results = useQuery({
    queryKey: ['library-search', params.toString()],
    queryFn: ({ signal }) => searchResources(state, signal),
    placeholderData: keepPreviousData,
  });

  // Back/forward changes the URL: keep the box in step with it.
  useEffect(() => setText(state.q), [state.q]);

  const go = (next: SearchState) => setParams(paramsFromState(next));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ ...state, q: text, page: 1 });
  };
  const toggle = (facet: FacetName, value: string, on: boolean) => {
    const current = state.filters[facet].filter((v) => v !== value);
    go({ ...state, filters: { ...state.filters, [facet]: on ? [...current, value] : current }, page: 1 });
  };
  const active = FACET_NAMES.reduce((n, f) => n + state.filters[f].length, 0);

  return (
    <div className="lib-page">
      <h1>{t('library.search.title')}</h1>
      <p className="lead">{t('library.search.intro')}</p>
      <p className="lib-links">
        <Link to="/hoc-lieu/bo-suu-tap">{t('library.collections.title')}</Link>
        <Link to="/hoc-lieu/yeu-thich">{t('library.favourites.title')}</Link>
      </p>
      <form className="lib-searchbar" onSubmit={submit}>
        <label htmlFor="lib-q" className="visually-hidden">
          {t('library.search.label')}
        </label>
        <input
          id="lib-q"
          type="search"
          value={text}
          placeholder={t('library.search.placeholder')}
          onChange={(e) => setText(e.target.value)}
          maxLength={200}
        />
        <button type="submit" className="button">
          {t('library.search.submit')}
        </button>
      </form>
      <div className="lib-layout">
        <details className="lib-filters" open={typeof window !== 'undefined' && window.innerWidth >= 768}>
          <summary>
            {t('library.facets.title')}
            {active > 0 && ` (${active})`}
          </summary>
          {results.data &&
            FACET_NAMES.map((facet) => (
              <FacetGroup
                key={facet}
                facet={facet}
                counts={results.data.facets[facet]}
                selected={state.filters[facet]}
                label={label}
                onToggle={toggle}
              />
            ))}
          {active > 0 && (
            <button
              type="button"
              className="link-button"
              onClick={() =>
                go({ ...state, filters: Object.fromEntries(FACET_NAMES.map((f) => [f, []])) as never, page: 1 })
              }
            >
              {t('library.facets.clear')}
            </button>
          )}
        </details>
        <section className="lib-results" aria-labelledby="lib-results-title">
          <div className="lib-results-head">
            <h2 id="lib-results-title" className="result-count" aria-live="polite">
              {results.data ? t('library.search.count', { count: results.data.total }) : t('status.loading')}
            </h2>
            <div className="lib-sort">
              <label htmlFor="lib-sort">{t('library.sort.label')}</label>
              <select
                id="lib-sort"
                value={state.sort || 'relevance'}
                onChange={(e) => go({ ...state, sort: e.target.value as SearchState['sort'], page: 1 })}
              >
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`library.sort.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <Results results={results.data} label={label} />
          {results.isPending && <Loading />}
          {results.isError && <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />}
          {results.data && <Pagination page={state.page} pageSize={PAGE_SIZE} total={results.data.total} />}
        </section>
      </div>
    </div>
  );
}

function FacetGroup(props: {
  facet: FacetName;
  counts: SearchResult['facets'][FacetName];
  selected: string[];
  label: Label;
  onToggle: (facet: FacetName, value: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { facet, counts, selected, label, onToggle } = props;
  // Selected values stay listed (with 0) so that they can be unticked.
  const values = [
    ...counts,
    ...selected.filter((v) => !counts.some((c) => c.value === v)).map((value) => ({ value, count: 0 })),
  ];
  if (values.length === 0) return null;
  return (
    <fieldset className="lib-facet">
      <legend>{t(`library.facets.${facet}`)}</legend>
      {values.map((c) => {
        const inputId = `${id}-${c.value}`;
        return (
          <div className="checkbox" key={c.value}>
            <input
              id={inputId}
              type="checkbox"
              checked={selected.includes(c.value)}
              onChange={(e) => onToggle(facet, c.value, e.target.checked)}
            />
            <label htmlFor={inputId}>
              {label(facet, c.value)} <span className="muted">({c.count})</span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

function Results({ results, label }: { results: SearchResult | undefined; label: Label }) {
  const { t } = useTranslation();
  if (!results) return null;
  if (results.items.length === 0) return <p className="empty">{t('library.search.none')}</p>;
  return (
    <>
      {results.matchedBy === 'trigram' && <p className="alert alert-info">{t('library.search.similar')}</p>}
      <ul className="lib-cards">
        {results.items.map((r) => (
          <ResourceCard key={r.id} r={r} label={label} />
        ))}
      </ul>
    </>
  );
}
