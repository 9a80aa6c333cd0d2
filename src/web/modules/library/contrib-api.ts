import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MinePage,
  ModerationAction,
  QueuePage,
  ResourceDetail,
  ResourceKind,
} from '../../../shared/library.schema.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import { getResource } from './library-api.ts';
import type { MetadataBody } from './metadata-form.ts';

/*
 * The contributors' and moderators' calls (src/server/modules/library/library.routes.ts):
 * one's own resources, the moderation queue, creating and editing, new versions, moderation steps.
 */

export type VersionBody = { fileId: string; note?: string } | { url: string; note?: string };
export type CreateBody = MetadataBody & { kind: ResourceKind; version?: VersionBody };

export const MINE_PAGE_SIZE = 20;
/** The queue's first page is the API's largest; a longer queue says how many are not shown. */
export const QUEUE_PAGE_SIZE = 100;

export const resourceKey = (id: string) => ['library-resource', id];

export function useResource(id: string) {
  return useQuery({ queryKey: resourceKey(id), queryFn: ({ signal }) => getResource(id, signal) });
}

export type MineScope = 'mine' | 'school';
export type MineItem = MinePage['items'][number];

export function useMine(page: number, scope: MineScope = 'mine') {
  return useQuery({
    queryKey: ['library-mine', scope, page],
    queryFn: ({ signal }) =>
      apiGet<MinePage>('/api/library/resources/mine', { page, pageSize: MINE_PAGE_SIZE, scope }, signal),
  });
}

/** The queue narrowed on the server by status, level and subject, with the counts of each value. */
export function useQueue(filters: { status?: string; level?: string; subject?: string }) {
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  return useQuery({
    queryKey: ['library-queue', query],
    queryFn: ({ signal }) =>
      apiGet<QueuePage>('/api/library/queue', { page: 1, pageSize: QUEUE_PAGE_SIZE, ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export const createResource = (body: CreateBody) => apiSend<ResourceDetail>('POST', '/api/library/resources', body);

export const patchResource = (id: string, body: Partial<MetadataBody> & { expectedVersion: number }) =>
  apiSend<ResourceDetail>('PATCH', `/api/library/resources/${encodeURIComponent(id)}`, body);

export const addVersion = (id: string, body: VersionBody) =>
  apiSend<ResourceDetail>('POST', `/api/library/resources/${encodeURIComponent(id)}/versions`, body);

export const takeStep = (id: string, body: { action: ModerationAction; expectedVersion: number; comment?: string }) =>
  apiSend<ResourceDetail>('POST', `/api/library/resources/${encodeURIComponent(id)}/actions`, body);

/** After a change: the resource's cache holds the server's answer, the lists are read again. */
export function useResourceUpdate() {
  const client = useQueryClient();
  return (detail: ResourceDetail) => {
    client.setQueryData(resourceKey(detail.id), detail);
    void client.invalidateQueries({ queryKey: ['library-mine'] });
    void client.invalidateQueries({ queryKey: ['library-queue'] });
    void client.invalidateQueries({ queryKey: ['library-search'] });
    void client.invalidateQueries({ queryKey: ['library-file', detail.id] });
  };
}

/** One moderation step on the resource as it was seen (expectedVersion), with its comment. */
export function useStep(id: string) {
  const update = useResourceUpdate();
  return useMutation({
    mutationFn: (body: { action: ModerationAction; expectedVersion: number; comment?: string }) => takeStep(id, body),
    onSuccess: update,
  });
}
