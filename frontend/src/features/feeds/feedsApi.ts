/** The owner's feeds (aggregator): health, filters, items and hiding; and the posts consent of an
 * account (ambassadors), which is separate from listing the account. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AMB, api, request } from '../../api/http';
import { keys } from '../../api/queries/keys';
import type { SocialAccount } from '../../api/model';
import type {
  AggregatorFeedHealth,
  AggregatorOwnedItem,
  AggregatorPageFeedHealth,
  AggregatorPageOwnedItem,
} from '../../client';

export const AGG = '/aggregator';
export type FeedHealth = AggregatorFeedHealth;
export type OwnedItem = AggregatorOwnedItem;

const feedsKey = ['me', 'feeds'] as const;

export function useMyFeeds() {
  return useQuery({ queryKey: feedsKey, queryFn: () => api.get<AggregatorPageFeedHealth>(`${AGG}/me/feeds`, { limit: 100 }) });
}

export function useFeedItems(feedId: string) {
  return useQuery({
    queryKey: [...feedsKey, feedId, 'items'],
    queryFn: () => api.get<AggregatorPageOwnedItem>(`${AGG}/me/feeds/${encodeURIComponent(feedId)}/items`, { limit: 20 }),
  });
}

export function useFeedActions() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: feedsKey });
  return {
    setFilters: useMutation({
      mutationFn: async ({ feed, categories, keywords }: { feed: FeedHealth; categories: string[]; keywords: string[] }) =>
        (
          await request<FeedHealth>(`${AGG}/me/feeds/${encodeURIComponent(feed.id)}/filters`, {
            method: 'PUT',
            json: { categories, keywords },
            ifMatch: feed.etag,
          })
        ).data,
      onSettled: refresh,
    }),
    setHidden: useMutation({
      mutationFn: ({ item, hidden }: { item: OwnedItem; hidden: boolean }) =>
        api.put<OwnedItem>(
          `${AGG}/me/feeds/${encodeURIComponent(item.feed_id)}/items/${encodeURIComponent(item.id)}/hidden`,
          { hidden },
        ),
      onSettled: refresh,
    }),
  };
}

export function usePostsConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, show }: { id: string; show: boolean }) =>
      api.put<SocialAccount>(`${AMB}/me/accounts/${encodeURIComponent(id)}/posts`, { public: show }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: keys.accounts }),
        client.invalidateQueries({ queryKey: keys.consents }),
        client.invalidateQueries({ queryKey: feedsKey }),
      ]),
  });
}
