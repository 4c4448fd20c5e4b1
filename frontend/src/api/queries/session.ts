import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isApiError } from '../errors';
import { AMB, api, rememberCsrfToken } from '../http';
import type { Session } from '../model';
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

/** “Forgot my password”: the answer is the same whether or not the address has an account. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => api.post<{ detail: string }>(`${AMB}/password-resets`, { email }),
  });
}

export function usePasswordResetLink(token: string) {
  return useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => api.get<{ expires_at: string }>(`${AMB}/password-resets/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export function useResetPassword(token: string) {
  return useMutation({
    mutationFn: (password: string) => api.post<void>(`${AMB}/password-resets/${encodeURIComponent(token)}`, { password }),
  });
}

/**
 * Change one's password, then sign in again with it: the service signs out every session,
 * this one included, and this device should stay signed in.
 */
export function useChangePassword() {
  const login = useLogin();
  return useMutation({
    mutationFn: async (body: { email: string; current_password: string; new_password: string }) => {
      await api.put<void>(`${AMB}/me/password`, {
        current_password: body.current_password,
        new_password: body.new_password,
      });
      await login.mutateAsync({ email: body.email, password: body.new_password });
    },
  });
}

/** Sign out of every device, this one included (the service refuses every earlier session). */
export function useSignOutEverywhere() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(`${AMB}/me/sessions/revoke`),
    onSuccess: () => {
      rememberCsrfToken(null);
      client.setQueryData(keys.session, null);
    },
  });
}
