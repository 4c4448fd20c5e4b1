import { useQuery } from '@tanstack/react-query';
import { AMB, api } from '../http';
import type { Platform } from '../model';
import { keys } from './keys';

export function usePlatforms() {
  return useQuery({
    queryKey: keys.platforms,
    queryFn: () => api.get<Platform[]>(`${AMB}/platforms`),
    staleTime: 3_600_000,
  });
}
