import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AMB, api } from '../http';
import type { AccountPreview, SocialAccount } from '../model';
import { keys } from './keys';

export function previewAccount(body: { platform: string; value: string }, signal?: AbortSignal) {
  return api.post<AccountPreview>(`${AMB}/accounts/preview`, body).then((r) => {
    signal?.throwIfAborted();
    return r;
  });
}

export function useAccounts() {
  return useQuery({ queryKey: keys.accounts, queryFn: () => api.get<SocialAccount[]>(`${AMB}/me/accounts`) });
}

function useRefreshMine() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.accounts }),
      client.invalidateQueries({ queryKey: keys.me }),
      client.invalidateQueries({ queryKey: keys.consents }),
    ]);
}

export function useAddAccount() {
  const refresh = useRefreshMine();
  return useMutation({
    mutationFn: (body: { platform: string; value: string; public: boolean }) =>
      api.post<SocialAccount>(`${AMB}/me/accounts`, body),
    onSuccess: refresh,
  });
}

export function useRemoveAccount() {
  const refresh = useRefreshMine();
  return useMutation({
    mutationFn: (id: string) => api.delete(`${AMB}/me/accounts/${id}`),
    onSuccess: refresh,
  });
}

export function useAccountConsent() {
  const refresh = useRefreshMine();
  return useMutation({
    mutationFn: ({ id, isPublic }: { id: string; isPublic: boolean }) =>
      api.put<SocialAccount>(`${AMB}/me/accounts/${id}/consent`, { public: isPublic }),
    onSuccess: refresh,
  });
}
