/** The Planet's administration (aggregator): every feed's health, item moderation, the blocklist. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, etagOf, request } from '../../api/http';
import type { AggregatorBlocklist, AggregatorModeratedItem, AggregatorPageFeedHealth, AggregatorPageModeratedItem } from '../../client';

const AGG = '/aggregator';
export type ModeratedItem = AggregatorModeratedItem;
export type FeedStatus = 'active' | 'failing' | 'retired';
const planetKey = ['admin', 'planet'] as const;

/** An item's ETag, as the aggregator computes it from the moderation state the list showed
 * (moderation/service.item_state): a change made meanwhile by another admin answers 412. */
export function itemEtag(item: ModeratedItem): string {
  return etagOf({ id: item.id, version: 1 + Number(item.hidden_by_admin) + 2 * Number(item.pinned) });
}

export function useAllFeeds(status: FeedStatus | null) {
  return useInfiniteQuery({
    queryKey: [...planetKey, 'feeds', status],
    queryFn: ({ pageParam }) => api.get<AggregatorPageFeedHealth>(`${AGG}/admin/feeds`, { status, cursor: pageParam, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useModeratedItems() {
  return useInfiniteQuery({
    queryKey: [...planetKey, 'items'],
    queryFn: ({ pageParam }) => api.get<AggregatorPageModeratedItem>(`${AGG}/admin/planet/items`, { cursor: pageParam, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useBlocklist() {
  return useQuery({
    queryKey: [...planetKey, 'blocklist'],
    queryFn: async () => {
      const { data, etag } = await request<AggregatorBlocklist>(`${AGG}/admin/planet/blocklist`);
      return { ...data, etag };
    },
  });
}

export function usePlanetActions() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: planetKey });
  return {
    moderate: useMutation({
      mutationFn: async ({ item, hidden, pinned }: { item: ModeratedItem; hidden: boolean; pinned: boolean }) =>
        (
          await request<ModeratedItem>(`${AGG}/admin/planet/items/${encodeURIComponent(item.id)}`, {
            method: 'PUT',
            json: { hidden, pinned },
            ifMatch: itemEtag(item),
          })
        ).data,
      onSettled: refresh,
    }),
    setBlocklist: useMutation({
      mutationFn: async ({ keywords, etag }: { keywords: string[]; etag: string | null }) =>
        (await request<AggregatorBlocklist>(`${AGG}/admin/planet/blocklist`, { method: 'PUT', json: { keywords }, ifMatch: etag ?? undefined })).data,
      onSettled: refresh,
    }),
  };
}
