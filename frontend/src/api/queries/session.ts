import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isApiError } from '../errors';
import { api, rememberCsrfToken } from '../http';
import type { Session } from '../types';
import { keys } from './keys';

export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/auth/session');
    rememberCsrfToken(session.csrf_token);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const sessionQuery = { queryKey: keys.session, queryFn: fetchSession, staleTime: 60_000 };

export function ensureSession(client: QueryClient): Promise<Session | null> {
  return client.ensureQueryData(sessionQuery);
}

export function useSession() {
  return useQuery(sessionQuery);
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<Session>('/auth/login', body),
    onSuccess: (session) => {
      rememberCsrfToken(session.csrf_token);
      // forget the previous person's data; the public page being shown keeps its own queries
      client.removeQueries({ predicate: (query) => query.getObserversCount() === 0 });
      client.setQueryData(keys.session, session);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      rememberCsrfToken(null);
      client.setQueryData(keys.session, null);
    },
  });
}
