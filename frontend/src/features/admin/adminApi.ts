/** Moderation (queue, count, bulk, policy) and the ambassadors list's actions. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AMB, api, request } from '../../api/http';
import type {
  AmbassadorsAdminAmbassador,
  AmbassadorsBulkOutcome,
  AmbassadorsModerationItem,
  AmbassadorsPageAdminAmbassador,
  AmbassadorsPendingCount,
  AmbassadorsPolicy,
} from '../../client';

export type ModerationItem = AmbassadorsModerationItem;
export type AdminAmbassador = AmbassadorsAdminAmbassador;
export const MAX_BULK = 50;

const moderationKeys = {
  queue: ['admin', 'moderation', 'queue'] as const,
  count: ['admin', 'moderation', 'count'] as const,
  policy: ['admin', 'moderation', 'policy'] as const,
};

function useRefreshAdmin() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['admin'] });
}

export function useModerationItems() {
  return useQuery({ queryKey: moderationKeys.queue, queryFn: () => api.get<ModerationItem[]>(`${AMB}/admin/moderation`) });
}

export function usePendingCount(enabled = true) {
  return useQuery({
    queryKey: moderationKeys.count,
    queryFn: () => api.get<AmbassadorsPendingCount>(`${AMB}/admin/moderation/count`),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useDecision() {
  const refresh = useRefreshAdmin();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: 'approve' | 'reject'; reason?: string }) =>
      api.post<ModerationItem>(`${AMB}/admin/moderation/${id}/${action}`, action === 'reject' ? { reason } : undefined),
    onSuccess: refresh,
  });
}

export function useBulkDecision() {
  const refresh = useRefreshAdmin();
  return useMutation({
    mutationFn: (body: { action: 'approve' | 'reject'; ambassador_ids: string[]; reason?: string }) =>
      api.post<AmbassadorsBulkOutcome>(`${AMB}/admin/moderation/bulk`, body),
    onSuccess: refresh,
  });
}

export function usePolicy() {
  return useQuery({
    queryKey: moderationKeys.policy,
    queryFn: async () => {
      const { data, etag } = await request<AmbassadorsPolicy>(`${AMB}/admin/moderation/policy`);
      return { data, etag: etag ?? '*' };
    },
  });
}

export function useSetPolicy() {
  const refresh = useRefreshAdmin();
  return useMutation({
    mutationFn: async ({ moderate_changes, etag }: { moderate_changes: boolean; etag: string }) =>
      (await request<AmbassadorsPolicy>(`${AMB}/admin/moderation/policy`, { method: 'PUT', json: { moderate_changes }, ifMatch: etag })).data,
    onSettled: refresh,
  });
}

export function useAmbassadorsList(status: string, q: string) {
  return useInfiniteQuery({
    queryKey: ['admin', 'ambassadors', status, q],
    queryFn: ({ pageParam }) =>
      api.get<AmbassadorsPageAdminAmbassador>(`${AMB}/admin/ambassadors`, { status, q, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useAmbassadorActions() {
  const refresh = useRefreshAdmin();
  return {
    suspend: useMutation({
      mutationFn: ({ id, reason }: { id: string; reason: string }) =>
        api.post<AdminAmbassador>(`${AMB}/admin/ambassadors/${id}/suspend`, { reason }),
      onSuccess: refresh,
    }),
    reinstate: useMutation({
      mutationFn: (id: string) => api.post<AdminAmbassador>(`${AMB}/admin/ambassadors/${id}/reinstate`),
      onSuccess: refresh,
    }),
    setAdmin: useMutation({
      mutationFn: ({ id, admin }: { id: string; admin: boolean }) =>
        api.put<AdminAmbassador>(`${AMB}/admin/ambassadors/${id}/roles`, { admin }),
      onSuccess: refresh,
    }),
  };
}
