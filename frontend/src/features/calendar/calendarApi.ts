/** A network's editorial calendar (editorial service): month/week view, entries, path, settings. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EDITORIAL, api, etagOf, request } from '../../api/http';
import type {
  EditorialCalendarItem,
  EditorialCalendarView,
  EditorialEntryCreate,
  EditorialEntryList,
  EditorialEntryRead,
  EditorialFeedCreated,
  EditorialFeedList,
  EditorialNetworkSettingsRead,
  EditorialNetworkSettingsUpdate,
  EditorialPathRead,
  EditorialPreviewCreated,
} from '../../client';

export type CalendarItem = EditorialCalendarItem;
export type EntryKind = EditorialEntryCreate['kind'];
const base = (slug: string) => `${EDITORIAL}/networks/${encodeURIComponent(slug)}`;
const calendarKey = (slug: string) => ['calendar', slug] as const;

export function useCalendar(slug: string, range: { from: string; to: string } | null) {
  return useQuery({
    queryKey: [...calendarKey(slug), 'view', range],
    queryFn: () => api.get<EditorialCalendarView>(`${base(slug)}/calendar`, range ?? undefined),
    enabled: range !== null,
    placeholderData: (previous) => previous,
  });
}

export function usePath(slug: string) {
  return useQuery({
    queryKey: [...calendarKey(slug), 'path'],
    queryFn: async () => {
      const { data, etag } = await request<EditorialPathRead>(`${base(slug)}/path`);
      return { ...data, etag };
    },
  });
}

export function useSettings(slug: string) {
  return useQuery({
    queryKey: [...calendarKey(slug), 'settings'],
    queryFn: async () => {
      const { data, etag } = await request<EditorialNetworkSettingsRead>(`${base(slug)}/settings`);
      return { ...data, etag };
    },
  });
}

export function useFeeds(slug: string, enabled = true) {
  return useQuery({ queryKey: [...calendarKey(slug), 'feeds'], queryFn: () => api.get<EditorialFeedList>(`${base(slug)}/calendar/feeds`), enabled });
}

export function useCalendarActions(slug: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: calendarKey(slug) });
  return {
    create: useMutation({ mutationFn: (body: EditorialEntryCreate) => api.post<EditorialEntryRead>(`${base(slug)}/entries`, body), onSettled: refresh }),
    reschedule: useMutation({
      mutationFn: ({ item, starts_at, ends_at }: { item: { id: string; version: number }; starts_at: string; ends_at: string }) =>
        request<EditorialEntryRead>(`${base(slug)}/entries/${item.id}/reschedule`, { method: 'POST', json: { starts_at, ends_at }, ifMatch: etagOf(item) }),
      onSettled: refresh,
    }),
    setPath: useMutation({
      mutationFn: ({ ids, etag }: { ids: string[]; etag: string | null }) =>
        request<EditorialPathRead>(`${base(slug)}/path`, { method: 'PUT', json: { entry_ids: ids }, ifMatch: etag ?? undefined }),
      onSettled: refresh,
    }),
    setSettings: useMutation({
      mutationFn: ({ body, etag }: { body: EditorialNetworkSettingsUpdate; etag: string | null }) =>
        request<EditorialNetworkSettingsRead>(`${base(slug)}/settings`, { method: 'PUT', json: body, ifMatch: etag ?? undefined }),
      onSettled: refresh,
    }),
    subscribe: useMutation({ mutationFn: (label: string) => api.post<EditorialFeedCreated>(`${base(slug)}/calendar/feeds`, { label }), onSettled: refresh }),
    revokeFeed: useMutation({ mutationFn: (id: string) => api.delete(`${base(slug)}/calendar/feeds/${id}`), onSettled: refresh }),
    preview: useMutation({
      mutationFn: (body: { label: string; expires_at: string; from_date?: string; to_date?: string }) =>
        api.post<EditorialPreviewCreated>(`${base(slug)}/previews`, body),
    }),
  };
}

/** Entries to pick from (adding to the path), as select options. */
export function useEntryChoices(slug: string) {
  const list = useQuery({
    queryKey: [...calendarKey(slug), 'entries'],
    queryFn: () => api.get<EditorialEntryList>(`${base(slug)}/entries`, { limit: 200 }),
  });
  return (list.data?.items ?? []).map((e) => ({ value: e.id, label: e.title }));
}
