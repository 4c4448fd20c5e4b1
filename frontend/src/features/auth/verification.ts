/** E-mail confirmation: the mailed link, the “send it again” button, and who is still unconfirmed. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AMB, api } from '../../api/http';
import { keys } from '../../api/queries/keys';
import type { Me } from '../../api/model';

/** Until the mailed link is opened, the server gives the role `unverified` instead of `ambassador`. */
export const isUnverified = (me: Pick<Me, 'roles'> | undefined): boolean => Boolean(me?.roles.includes('unverified'));

export function useVerifyEmail(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(`${AMB}/email-verifications/${encodeURIComponent(token)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.me }),
  });
}

export function useResendVerification() {
  return useMutation({
    mutationFn: () => api.post<{ detail: string }>(`${AMB}/me/email-verification`),
  });
}
