import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AMB, EXPORTING_SERVICES, api, etagOf, request } from '../http';
import type { Locale, Me, ProfileUpdate } from '../model';
import { isApiError } from '../errors';
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

/** The profile's language follows the UI switch (the next sign-in, on any device, starts in it). */
export function useSaveLocale() {
  const client = useQueryClient();
  const setMe = useSetMe();
  return async (locale: Locale): Promise<void> => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const current = await client.fetchQuery({ queryKey: keys.me, queryFn: fetchMe, staleTime: attempt ? 0 : Infinity });
      if (current.data.locale === locale) return;
      try {
        const res = await request<Me>(`${AMB}/me`, { method: 'PATCH', json: { locale }, ifMatch: current.etag });
        setMe(res.data, res.etag);
        return;
      } catch (error) {
        // Changed elsewhere meanwhile: read it again and retry once (only the language is written).
        if (!(isApiError(error) && error.status === 412) || attempt) throw error;
      }
    }
  };
}

export function useSignup() {
  return useMutation({
    // 202 and the same answer whether or not the address has an account: a link is mailed
    mutationFn: (body: { email: string; password: string; display_name: string; locale: Locale }) =>
      api.post<{ detail: string }>(`${AMB}/signup`, body),
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

/** One document with what every service holds about the person; fails if any service cannot answer
 * (a partial copy would pass for a whole one). */
export async function fetchFullExport(): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    EXPORTING_SERVICES.map(async (service) => [service.slice(1), (await request<unknown>(`${service}/me/export`)).data] as const),
  );
  return { relais_export: 1, exported_at: new Date().toISOString(), services: Object.fromEntries(parts) };
}

export async function downloadExport(): Promise<void> {
  const data = await fetchFullExport();
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
