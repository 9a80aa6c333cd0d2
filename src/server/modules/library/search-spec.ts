import { FACETS, type Facets, type SearchQuery } from '../../../shared/library.schema.ts';
import type { FacetRow, Match, SearchSpec } from './library-search.repository.ts';
import { toTsQuery, trigramQuery } from './search-terms.ts';

/** The repository's spec for a search request: full text when there are words, browsing otherwise. */
export function specOf(q: SearchQuery): SearchSpec {
  const tsquery = toTsQuery(q.q);
  const match: Match = tsquery ? { by: 'fulltext', tsquery } : { by: 'none' };
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
    sort: q.sort ?? (tsquery ? 'relevance' : 'newest'),
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
