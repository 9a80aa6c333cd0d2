import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/common.schema.ts';
import {
  ActionBody,
  AssignmentList,
  AssignmentsBody,
  Collection,
  CollectionInput,
  CollectionList,
  MinePage,
  MineQuery,
  QueuePage,
  QueueQuery,
  Reference,
  ResourceCreate,
  ResourceDetail,
  ResourcePage,
  ResourcePatch,
  SearchQuery,
  SearchResult,
  UsageBody,
  UserParams,
  VersionInput,
} from '../../../shared/library.schema.ts';
import type { LibraryServices } from './library.module.ts';

/** The learning library's API (issue 4): reference data, resources, moderation, search, collections. */
export function libraryRoutes(app: FastifyInstance, s: LibraryServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['library'];

  r.get(
    '/api/library/reference',
    {
      schema: {
        tags,
        summary: 'Subjects per level (GDPT 2018), textbook series, licences, languages',
        response: { 200: Reference },
      },
    },
    () => s.reference.get(),
  );

  r.get(
    '/api/library/resources',
    {
      schema: {
        tags,
        summary: 'Search (diacritic-insensitive) with facets; only what the caller may see',
        querystring: SearchQuery,
        response: { 200: SearchResult },
      },
    },
    (req) => s.search.search(req.actor, req.query),
  );

  r.post(
    '/api/library/resources',
    { schema: { tags, summary: 'Create a draft resource', body: ResourceCreate, response: { 201: ResourceDetail } } },
    async (req, reply) => reply.code(201).send(await s.resources.create(req.actor, req.body)),
  );

  r.get(
    '/api/library/resources/mine',
    {
      schema: {
        tags,
        summary: "The caller's resources (scope=mine) or their schools' (scope=school), with the last comment",
        querystring: MineQuery,
        response: { 200: MinePage },
      },
    },
    (req) => s.search.mine(req.actor, req.query),
  );

  r.get(
    '/api/library/resources/:id',
    { schema: { tags, params: IdParams, response: { 200: ResourceDetail } } },
    (req) => s.resources.get(req.actor, req.params.id),
  );

  r.patch(
    '/api/library/resources/:id',
    {
      schema: {
        tags,
        summary: 'Edit the metadata of an unpublished draft',
        params: IdParams,
        body: ResourcePatch,
        response: { 200: ResourceDetail },
      },
    },
    (req) => s.resources.update(req.actor, req.params.id, req.body),
  );

  r.post(
    '/api/library/resources/:id/versions',
    {
      schema: {
        tags,
        summary: 'A new version (stored file id or URL); a published resource is reviewed again',
        params: IdParams,
        body: VersionInput,
        response: { 201: ResourceDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await s.resources.addVersion(req.actor, req.params.id, req.body)),
  );

  r.post(
    '/api/library/resources/:id/actions',
    {
      schema: {
        tags,
        summary: 'A moderation step: submit, start_review, publish, return, take_down, restore',
        params: IdParams,
        body: ActionBody,
        response: { 200: ResourceDetail },
      },
    },
    (req) => s.resources.act(req.actor, req.params.id, req.body),
  );

  r.post(
    '/api/library/resources/:id/usage',
    { schema: { tags, summary: 'Count a view or a download', params: IdParams, body: UsageBody } },
    async (req, reply) => {
      await s.resources.recordUsage(req.actor, req.params.id, req.body.kind);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/library/queue',
    {
      schema: {
        tags,
        summary: "The moderator's queue by status, level and subject, with counts",
        querystring: QueueQuery,
        response: { 200: QueuePage },
      },
    },
    (req) => s.search.queue(req.actor, req.query),
  );

  r.get(
    '/api/library/moderators/:userId/assignments',
    { schema: { tags, params: UserParams, response: { 200: AssignmentList } } },
    (req) => s.moderators.list(req.actor, req.params.userId),
  );

  r.put(
    '/api/library/moderators/:userId/assignments',
    {
      schema: {
        tags,
        summary: "Replace a moderator's subjects and levels",
        params: UserParams,
        body: AssignmentsBody,
        response: { 200: AssignmentList },
      },
    },
    (req) => s.moderators.replace(req.actor, req.params.userId, req.body.items),
  );

  r.get('/api/library/collections', { schema: { tags, response: { 200: CollectionList } } }, () =>
    s.collections.list(),
  );

  r.post(
    '/api/library/collections',
    { schema: { tags, body: CollectionInput, response: { 201: Collection } } },
    async (req, reply) => reply.code(201).send(await s.collections.create(req.actor, req.body)),
  );

  r.get('/api/library/collections/:id', { schema: { tags, params: IdParams, response: { 200: Collection } } }, (req) =>
    s.collections.get(req.actor, req.params.id),
  );

  r.put(
    '/api/library/collections/:id',
    { schema: { tags, params: IdParams, body: CollectionInput, response: { 200: Collection } } },
    (req) => s.collections.replace(req.actor, req.params.id, req.body),
  );

  r.get('/api/library/favourites', { schema: { tags, response: { 200: ResourcePage.pick({ items: true }) } } }, (req) =>
    s.collections.favourites(req.actor),
  );

  r.put('/api/library/favourites/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await s.collections.addFavourite(req.actor, req.params.id);
    return reply.code(204).send();
  });

  r.delete('/api/library/favourites/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await s.collections.removeFavourite(req.actor, req.params.id);
    return reply.code(204).send();
  });
}
