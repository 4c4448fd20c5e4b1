import { useInfiniteQuery } from '@tanstack/react-query';
import { AMB, api } from '../http';
import type { DirectoryEntry, DirectoryFilters, Page } from '../model';
import { keys } from './keys';

export function useDirectory(filters: DirectoryFilters) {
  return useInfiniteQuery({
    queryKey: keys.directory(filters),
    queryFn: ({ pageParam }) =>
      api.get<Page<DirectoryEntry>>(`${AMB}/directory`, { ...filters, cursor: pageParam, limit: 24 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
