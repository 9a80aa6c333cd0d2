import type { z } from 'zod';
import type { Collection, CollectionInput, CollectionList, ResourceSummary } from '../../../shared/library.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { actorLabel } from '../../platform/actor.ts';
import { AppError, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import * as repo from './collections.repository.ts';
import { presentSummary } from './library.presenter.ts';
import { viewerOf } from './library-viewer.ts';
import type { ResourcesService } from './resources.service.ts';

/**
 * Curated collections ("Vật lí 10 – Kết nối tri thức"), made by moderators from published
 * resources, readable by anyone (each reader sees the items visible to them); and each
 * user's favourites (personal bookmarks: not audited).
 */
export class CollectionsService {
  readonly #p: Platform;
  readonly #resources: ResourcesService;

  constructor(platform: Platform, resources: ResourcesService) {
    this.#p = platform;
    this.#resources = resources;
  }

  async list(): Promise<z.infer<typeof CollectionList>> {
    return { items: await repo.listCollections(this.#p.db) };
  }

  async get(actor: Actor, id: string): Promise<z.infer<typeof Collection>> {
    const c = found(await repo.findCollection(this.#p.db, id));
    const items = await repo.collectionItems(this.#p.db, await viewerOf(this.#p.db, actor), id);
    return {
      id: c.id,
      title: c.title,
      description: c.description,
      items: items.map(presentSummary),
      updatedAt: new Date(c.updated_at).toISOString(),
    };
  }

  async create(actor: Actor, input: CollectionInput): Promise<z.infer<typeof Collection>> {
    await this.#p.access.require(actor, 'library.moderate');
    const id = await this.#p.db.transaction().execute(async (trx) => {
      await this.#checkItems(trx, input.resourceIds);
      const id = await repo.insertCollection(trx, { ...input, createdBy: actorLabel(actor).id });
      await repo.replaceItems(trx, id, unique(input.resourceIds));
      await this.#p.audit.record(trx, actor, {
        action: 'library.collection.create',
        entityType: 'library_collection',
        entityId: id,
        after: input,
      });
      return id;
    });
    return this.get(actor, id);
  }

  /** Replaces title, description and the ordered items. */
  async replace(actor: Actor, id: string, input: CollectionInput): Promise<z.infer<typeof Collection>> {
    await this.#p.access.require(actor, 'library.moderate');
    await this.#p.db.transaction().execute(async (trx) => {
      const before = found(await repo.findCollection(trx, id));
      await this.#checkItems(trx, input.resourceIds);
      await repo.updateCollection(trx, id, input);
      await repo.replaceItems(trx, id, unique(input.resourceIds));
      await this.#p.audit.record(trx, actor, {
        action: 'library.collection.update',
        entityType: 'library_collection',
        entityId: id,
        before: { title: before.title, description: before.description },
        after: input,
      });
    });
    return this.get(actor, id);
  }

  async favourites(actor: Actor): Promise<{ items: ResourceSummary[] }> {
    if (actor.kind !== 'user') throw new AppError('auth.required');
    const rows = await repo.favouriteItems(this.#p.db, await viewerOf(this.#p.db, actor), actor.userId);
    return { items: rows.map(presentSummary) };
  }

  async addFavourite(actor: Actor, resourceId: string): Promise<void> {
    if (actor.kind !== 'user') throw new AppError('auth.required');
    await this.#resources.get(actor, resourceId);
    await repo.addFavourite(this.#p.db, actor.userId, resourceId);
  }

  async removeFavourite(actor: Actor, resourceId: string): Promise<void> {
    if (actor.kind !== 'user') throw new AppError('auth.required');
    await repo.removeFavourite(this.#p.db, actor.userId, resourceId);
  }

  async #checkItems(trx: Parameters<typeof repo.listedAmong>[0], ids: readonly string[]): Promise<void> {
    const listed = await repo.listedAmong(trx, ids);
    const missing = ids.filter((i) => !listed.has(i));
    if (missing.length > 0)
      throw new AppError('library.invalid_metadata', {
        hint: {
          vi: 'Bộ sưu tập chỉ gồm học liệu đã xuất bản.',
          en: 'A collection holds published resources only.',
        },
        details: missing.map((m) => ({ path: 'resourceIds', message: m })),
      });
  }
}

const unique = (ids: readonly string[]) => [...new Set(ids)];
