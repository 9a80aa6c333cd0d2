import type { z } from 'zod';
import type {
  QueueQuery,
  ResourcePage as ResourcePageSchema,
  SearchQuery,
  SearchResult,
} from '../../../shared/library.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Platform } from '../../platform/platform.ts';

type ResourcePage = z.infer<typeof ResourcePageSchema>;

import { presentSummary } from './library.presenter.ts';
import { searchFacets, searchPage } from './library-search.repository.ts';
import { viewerOf } from './library-viewer.ts';
import { findMine, findQueue } from './queue.repository.ts';
import { groupFacets, specOf, trigramSpec } from './search-spec.ts';

/** Finding resources: the public search with facets, the moderators' queue, a contributor's own list. */
export class LibrarySearchService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  /** Only what the caller may see (library-viewer.ts); anonymous callers see public resources. */
  async search(actor: Actor, q: SearchQuery): Promise<SearchResult> {
    const viewer = await viewerOf(this.#p.db, actor);
    let spec = specOf(q);
    let [rows, facetRows] = await Promise.all([
      searchPage(this.#p.db, viewer, spec),
      searchFacets(this.#p.db, viewer, spec),
    ]);
    let { facets, total } = groupFacets(facetRows);
    const fallback = total === 0 ? trigramSpec(q, spec) : null;
    if (fallback) {
      spec = fallback;
      [rows, facetRows] = await Promise.all([
        searchPage(this.#p.db, viewer, spec),
        searchFacets(this.#p.db, viewer, spec),
      ]);
      ({ facets, total } = groupFacets(facetRows));
    }
    return {
      items: rows.map(presentSummary),
      total,
      page: q.page,
      pageSize: q.pageSize,
      facets,
      matchedBy: spec.match.by,
    };
  }

  /** The moderator's queue: submitted and in-review resources of the moderator's subjects and levels. */
  async queue(actor: Actor, q: z.output<typeof QueueQuery>): Promise<ResourcePage> {
    const scope = await this.#p.access.scope(actor, 'library.moderate');
    const page = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
    const { rows, total } = await findQueue(this.#p.db, scope, actor.kind === 'user' ? actor.userId : null, page);
    return { items: rows.map(presentSummary), total, page: q.page, pageSize: q.pageSize };
  }

  /** The resources the caller created, in any state. */
  async mine(actor: Actor, q: z.output<typeof QueueQuery>): Promise<ResourcePage> {
    await this.#p.access.require(actor, 'library.contribute');
    if (actor.kind !== 'user') return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    const page = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
    const { rows, total } = await findMine(this.#p.db, actor.userId, page);
    return { items: rows.map(presentSummary), total, page: q.page, pageSize: q.pageSize };
  }
}
