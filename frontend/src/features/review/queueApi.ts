/** The review queue (grids awaiting my approval): small, so the app's navigation can show its count. */
import { useQuery } from '@tanstack/react-query';
import { EDITORIAL, api } from '../../api/http';
import type { EditorialReviewQueue } from '../../client';

export const queueKey = ['review-queue'] as const;

export function useReviewQueue(enabled = true) {
  return useQuery({ queryKey: queueKey, queryFn: () => api.get<EditorialReviewQueue>(`${EDITORIAL}/reviews/queue`), staleTime: 30_000, enabled });
}
