import { FACETS, type Facets, type SearchQuery } from '../../../shared/library.schema.ts';
import { FACET_NAMES, type FacetAsk, type FacetRow, type Match, type SearchSpec } from './library-search.repository.ts';
import { searchTerms, trigramQuery } from './search-terms.ts';

/**
 * The repository's spec for a search request: full text when there are words (each a word
 * beginning that must be found, as to_tsquery('simple', toTsQuery(q)) would), browsing otherwise.
 */
export function specOf(q: SearchQuery): SearchSpec {
  const terms = searchTerms(q.q);
  const match: Match = terms.length > 0 ? { by: 'fulltext', terms: terms.map((t) => [t]) } : { by: 'none' };
  return {
    match,
    filters: {
      level: q.level,
      grade: q.grade,
      subject: q.subject,
      kind: q.kind,
      licence: q.licence,
      series: q.series,
    },
    sort: q.sort ?? (terms.length > 0 ? 'relevance' : 'newest'),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  };
}

/** The same search matched by trigram word similarity on titles, when the words found nothing (typos). */
export function trigramSpec(q: SearchQuery, spec: SearchSpec): SearchSpec | null {
  const text = trigramQuery(q.q);
  return text && spec.match.by === 'fulltext' ? { ...spec, match: { by: 'trigram', text } } : null;
}

/** Facet rows → facets by name, largest count first (then value), and the total. */
export function groupFacets(rows: readonly FacetRow[]): { facets: Facets; total: number } {
  const facets = Object.fromEntries(FACETS.map((f) => [f, [] as { value: string; count: number }[]])) as Facets;
  let total = 0;
  for (const r of rows) {
    if (r.facet === '_total') total = r.count;
    else facets[r.facet].push({ value: r.value, count: r.count });
  }
  for (const f of FACETS)
    facets[f].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'vi', { numeric: true }));
  return { facets, total };
}

/**
 * Which counts can come from the precomputed counts of everything visible, and which must be
 * counted over the matched rows. A facet's counts ignore its own filter, so without words a facet
 * is precomputed when no other filter is set; the total when no filter is set at all.
 */
export function splitFacets(spec: SearchSpec): { precomputed: FacetAsk; counted: FacetAsk } {
  const set = FACET_NAMES.filter((n) => (spec.filters[n]?.length ?? 0) > 0);
  if (spec.match.by !== 'none')
    return { precomputed: { facets: [], total: false }, counted: { facets: FACET_NAMES, total: true } };
  const alone = (n: (typeof FACET_NAMES)[number]) => set.every((m) => m === n);
  return {
    precomputed: { facets: FACET_NAMES.filter(alone), total: set.length === 0 },
    counted: { facets: FACET_NAMES.filter((n) => !alone(n)), total: set.length > 0 },
  };
}
