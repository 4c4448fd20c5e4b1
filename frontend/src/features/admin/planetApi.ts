/** The Planet's administration (aggregator): every feed's health, item moderation, the blocklist. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../api/http';
import type { AggregatorBlocklist, AggregatorModeratedItem, AggregatorPageFeedHealth, AggregatorPageModeratedItem } from '../../client';

const AGG = '/aggregator';
export type ModeratedItem = AggregatorModeratedItem;
export type FeedStatus = 'active' | 'failing' | 'retired';
const planetKey = ['admin', 'planet'] as const;

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
      mutationFn: ({ item, hidden, pinned }: { item: ModeratedItem; hidden: boolean; pinned: boolean }) =>
        api.put<ModeratedItem>(`${AGG}/admin/planet/items/${encodeURIComponent(item.id)}`, { hidden, pinned }),
      onSettled: refresh,
    }),
    setBlocklist: useMutation({
      mutationFn: async ({ keywords, etag }: { keywords: string[]; etag: string | null }) =>
        (await request<AggregatorBlocklist>(`${AGG}/admin/planet/blocklist`, { method: 'PUT', json: { keywords }, ifMatch: etag ?? undefined })).data,
      onSettled: refresh,
    }),
  };
}
