import { useQuery } from '@tanstack/react-query';
import { AMB, api } from '../http';
import type { ConsentRecord } from '../model';
import { keys } from './keys';

export function useConsents() {
  return useQuery({ queryKey: keys.consents, queryFn: () => api.get<ConsentRecord[]>(`${AMB}/me/consents`) });
}
