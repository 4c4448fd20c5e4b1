import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AMB, api, request } from '../http';
import type { Invitation, InvitationDetails, InvitationImportReport, Me, Page } from '../model';
import { keys } from './keys';

export function useInvitationDetails(token: string) {
  return useQuery({
    queryKey: keys.invitation(token),
    queryFn: () => api.get<InvitationDetails>(`${AMB}/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationFn: (body: { password: string; display_name?: string; locale?: string }) =>
      api.post<Me>(`${AMB}/invitations/${encodeURIComponent(token)}/accept`, body),
  });
}

export function useInvitations() {
  return useInfiniteQuery({
    queryKey: keys.invitations,
    queryFn: ({ pageParam }) => api.get<Page<Invitation>>(`${AMB}/invitations`, { cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; display_name?: string; department_id?: string; location?: string }) =>
      api.post<Invitation>(`${AMB}/invitations`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useImportInvitations() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return (await request<InvitationImportReport>(`${AMB}/invitations/import`, { method: 'POST', body: form }))
        .data;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin'] }),
  });
}

/** Withdraw (`revoke`) an invitation, or send it again with a new link (`resend`). */
export function useInvitationAction(action: 'revoke' | 'resend') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Invitation>(`${AMB}/invitations/${encodeURIComponent(id)}/${action}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin'] }),
  });
}
