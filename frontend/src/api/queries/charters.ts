import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../errors';
import { AMB, api } from '../http';
import type { Charter } from '../model';
import { keys } from './keys';

export function useCurrentCharter() {
  return useQuery({
    queryKey: keys.charterCurrent,
    queryFn: async () => {
      try {
        return await api.get<Charter>(`${AMB}/charters/current`);
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useCharterHistory() {
  return useQuery({ queryKey: keys.charters, queryFn: () => api.get<Charter[]>(`${AMB}/charters`) });
}

export function usePublishCharter() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; body_markdown: string }) => api.post<Charter>(`${AMB}/charters`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['charters'] });
      void client.invalidateQueries({ queryKey: keys.me });
    },
  });
}

/** Render a draft exactly as publishing would (sanitised HTML); nothing is stored. */
export function usePreviewCharter() {
  return useMutation({
    mutationFn: (body_markdown: string) => api.post<{ body_html: string }>(`${AMB}/charters/preview`, { body_markdown }),
  });
}
