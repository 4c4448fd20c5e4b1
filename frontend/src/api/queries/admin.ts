import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AMB, api } from '../http';
import type { AdminAmbassador, MailMessage, ModerationItem, Page } from '../model';
import { keys } from './keys';

export function useModerationQueue() {
  return useQuery({ queryKey: keys.moderation, queryFn: () => api.get<ModerationItem[]>(`${AMB}/admin/moderation`) });
}

export function useModerate() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['admin'] });
  return {
    approve: useMutation({
      mutationFn: (id: string) => api.post<ModerationItem>(`${AMB}/admin/moderation/${id}/approve`),
      onSuccess: refresh,
    }),
    reject: useMutation({
      mutationFn: ({ id, reason }: { id: string; reason: string }) =>
        api.post<ModerationItem>(`${AMB}/admin/moderation/${id}/reject`, { reason }),
      onSuccess: refresh,
    }),
  };
}

export function useAdminAmbassadors(status: string) {
  return useInfiniteQuery({
    queryKey: keys.ambassadors(status),
    queryFn: ({ pageParam }) =>
      api.get<Page<AdminAmbassador>>(`${AMB}/admin/ambassadors`, { status, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useMailbox() {
  return useInfiniteQuery({
    queryKey: keys.mailbox,
    queryFn: ({ pageParam }) => api.get<Page<MailMessage>>(`${AMB}/admin/mailbox`, { cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
