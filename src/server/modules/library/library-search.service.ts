import type { z } from 'zod';
import type {
  MinePage,
  MineQuery,
  QueuePage,
  QueueQuery,
  SearchQuery,
  SearchResult,
} from '../../../shared/library.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Platform } from '../../platform/platform.ts';

import { FacetCache } from './facet-cache.ts';
import { presentSummary } from './library.presenter.ts';
import {
  type FacetRow,
  precomputedFacets,
  type SearchSpec,
  searchFacets,
  searchGeneration,
  searchPage,
  vocabulary,
} from './library-search.repository.ts';
import { audiencesOf, type Viewer, viewerOf } from './library-viewer.ts';
import { findMine, findQueue } from './queue.repository.ts';
import { groupFacets, specOf, splitFacets, trigramSpec } from './search-spec.ts';
import { correctedTerms, searchTerms } from './search-terms.ts';

/** Finding resources: the public search with facets, the moderators' queue, a contributor's own list. */
export class LibrarySearchService {
  readonly #p: Platform;
  /** Facet counts per node, keyed by the search generation (facet-cache.ts): exact, not a TTL guess. */
  readonly facetCache = new FacetCache();

  constructor(platform: Platform) {
    this.#p = platform;
  }

  /** Only what the caller may see (library-viewer.ts); anonymous callers see public resources. */
  async search(actor: Actor, q: SearchQuery): Promise<SearchResult> {
    const [viewer, generation] = await Promise.all([viewerOf(this.#p.db, actor), searchGeneration(this.#p.db)]);
    let spec = specOf(q);
    let [rows, facetRows] = await Promise.all([
      searchPage(this.#p.db, viewer, spec),
      this.#facets(viewer, spec, generation),
    ]);
    let { facets, total } = groupFacets(facetRows);
    let matchedBy: SearchResult['matchedBy'] = spec.match.by;
    // Nothing found and some word is not the beginning of any word of the library: a typo. First
    // each unknown word or its nearest words of the vocabulary, in full text (bitmaps, like any
    // search); then, when some unknown word has no near word, word similarity on titles. Known
    // words that find nothing together are an honest zero.
    const corrected = total === 0 && spec.match.by === 'fulltext' ? await this.#corrected(q.q) : null;
    const fallbacks = corrected
      ? [corrected.terms ? { ...spec, match: corrected.terms } : null, trigramSpec(q, spec)]
      : [];
    for (const fallback of fallbacks) {
      if (total > 0 || !fallback) continue;
      spec = fallback;
      [rows, facetRows] = await Promise.all([
        searchPage(this.#p.db, viewer, spec),
        this.#facets(viewer, spec, generation),
      ]);
      ({ facets, total } = groupFacets(facetRows));
      matchedBy = 'trigram';
    }
    return {
      items: rows.map(presentSummary),
      total,
      page: q.page,
      pageSize: q.pageSize,
      facets,
      matchedBy,
    };
  }

  /**
   * The typed words against the library's vocabulary: null when every word begins some word of
   * it (no typo); otherwise the terms with each unknown word or its nearest words (at most 4),
   * null there when some unknown word has none (nothing could match).
   */
  async #corrected(text: string | undefined): Promise<{ terms: SearchSpec['match'] | null } | null> {
    const terms = searchTerms(text);
    const known = await vocabulary(this.#p.db, terms, 4);
    if (known.every((t) => t.known)) return null;
    const corrections = known.map((t) => (t.known ? [] : t.similar));
    if (known.some((t, i) => !t.known && corrections[i]!.length === 0)) return { terms: null };
    return { terms: { by: 'fulltext', terms: correctedTerms(terms, corrections) } };
  }

  /**
   * The facet counts and the total. Without words, a count that no filter but its own facet's
   * restricts is the count of everything the viewer may see: read from the precomputed counts
   * (library_search_facet_counts, kept by triggers in the writing transaction, so exact). The rest are
   * counted over the bitmap index (0020), exactly.
   */
  async #facets(viewer: Viewer, spec: SearchSpec, generation: string): Promise<FacetRow[]> {
    const { precomputed, counted } = splitFacets(spec);
    const key = JSON.stringify([generation, audiencesOf(viewer), spec.match, spec.filters]);
    return this.facetCache.get(key, async () => {
      const [a, b] = await Promise.all([
        precomputedFacets(this.#p.db, viewer, precomputed),
        searchFacets(this.#p.db, viewer, spec, counted),
      ]);
      return [...a, ...b];
    });
  }

  /** The moderator's queue: submitted and in-review resources of the moderator's subjects and levels. */
  async queue(actor: Actor, q: z.output<typeof QueueQuery>): Promise<QueuePage> {
    const scope = await this.#p.access.scope(actor, 'library.moderate');
    const page = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
    const filter = { status: q.status, level: q.level, subject: q.subject };
    const { rows, total, counts } = await findQueue(
      this.#p.db,
      scope,
      actor.kind === 'user' ? actor.userId : null,
      filter,
      page,
    );
    return { items: rows.map(presentSummary), total, page: q.page, pageSize: q.pageSize, counts };
  }

  /** The resources the caller created, or (scope=school) those of the schools they contribute for, in any state. */
  async mine(actor: Actor, q: z.output<typeof MineQuery>): Promise<MinePage> {
    await this.#p.access.require(actor, 'library.contribute');
    const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    if (actor.kind !== 'user') return empty;
    const page = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
    let who: Parameters<typeof findMine>[1] = { userId: actor.userId };
    if (q.scope === 'school') {
      const scope = await this.#p.access.scope(actor, 'library.contribute');
      if (!scope.all && scope.roots.length === 0) return empty;
      who = { schoolRoots: scope.all ? 'all' : scope.roots };
    }
    const { rows, total } = await findMine(this.#p.db, who, page);
    const items = rows.map((r) => ({
      ...presentSummary(r),
      updatedAt: new Date(r.updated_at).toISOString(),
      lastComment:
        r.last_action && r.last_comment && r.last_at
          ? {
              action: r.last_action,
              comment: r.last_comment,
              at: new Date(r.last_at).toISOString(),
              actorName: r.last_actor,
            }
          : null,
    }));
    return { items, total, page: q.page, pageSize: q.pageSize };
  }
}
