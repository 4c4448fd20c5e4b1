import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AMB, api, etagOf, request } from '../http';
import type { Locale, Me, ProfileUpdate } from '../types';
import { keys } from './keys';

export interface Versioned<T> {
  data: T;
  etag: string;
}

export async function fetchMe(): Promise<Versioned<Me>> {
  const { data, etag } = await request<Me>(`${AMB}/me`);
  return { data, etag: etag ?? etagOf(data) };
}

export function useMe(enabled = true) {
  return useQuery({ queryKey: keys.me, queryFn: fetchMe, enabled });
}

function useSetMe() {
  const client = useQueryClient();
  return (me: Me, etag?: string | null) =>
    client.setQueryData<Versioned<Me>>(keys.me, { data: me, etag: etag ?? etagOf(me) });
}

export function useUpdateProfile() {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: async ({ update, etag }: { update: ProfileUpdate; etag: string }) => {
      const res = await request<Me>(`${AMB}/me`, { method: 'PATCH', json: update, ifMatch: etag });
      return { me: res.data, etag: res.etag };
    },
    onSuccess: ({ me, etag }) => setMe(me, etag),
  });
}

export function useSignup() {
  return useMutation({
    mutationFn: (body: { email: string; password: string; display_name: string; locale: Locale }) =>
      api.post<Me>(`${AMB}/signup`, body),
  });
}

export function useAcceptCharter() {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: (version: number) => api.post<Me>(`${AMB}/me/charter-acceptance`, { version }),
    onSuccess: (me) => setMe(me),
  });
}

export function useSetListing() {
  const setMe = useSetMe();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (isPublic: boolean) => api.put<Me>(`${AMB}/me/listing`, { public: isPublic }),
    onSuccess: (me) => {
      setMe(me);
      void client.invalidateQueries({ queryKey: keys.consents });
    },
  });
}

export function useDeleteMe() {
  return useMutation({
    mutationFn: (password: string) => api.delete(`${AMB}/me`, { password }),
  });
}

export async function downloadExport(): Promise<void> {
  const { data } = await request<unknown>(`${AMB}/me/export`);
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `relais-export-${new Date().toISOString().slice(0, 10)}.json`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
