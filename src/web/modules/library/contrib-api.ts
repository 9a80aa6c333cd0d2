import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ModerationAction, ResourceDetail, ResourceKind } from '../../../shared/library.schema.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import type { ResourceSummary } from './library-api.ts';
import { getResource } from './library-api.ts';
import type { MetadataBody } from './metadata-form.ts';

/*
 * The contributors' and moderators' calls (src/server/modules/library/library.routes.ts):
 * one's own resources, the moderation queue, creating and editing, new versions, moderation steps.
 */

export interface ResourcePage {
  items: ResourceSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export type VersionBody = { fileId: string; note?: string } | { url: string; note?: string };
export type CreateBody = MetadataBody & { kind: ResourceKind; version?: VersionBody };

export const MINE_PAGE_SIZE = 20;
/** The queue is read whole (the API's largest page) so that its filters and counts are computed here. */
export const QUEUE_PAGE_SIZE = 100;

export const resourceKey = (id: string) => ['library-resource', id];

export function useResource(id: string) {
  return useQuery({ queryKey: resourceKey(id), queryFn: ({ signal }) => getResource(id, signal) });
}

export function useMine(page: number) {
  return useQuery({
    queryKey: ['library-mine', page],
    queryFn: ({ signal }) =>
      apiGet<ResourcePage>('/api/library/resources/mine', { page, pageSize: MINE_PAGE_SIZE }, signal),
  });
}

export function useQueue() {
  return useQuery({
    queryKey: ['library-queue'],
    queryFn: ({ signal }) => apiGet<ResourcePage>('/api/library/queue', { page: 1, pageSize: QUEUE_PAGE_SIZE }, signal),
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
