/** Departments and themes share one shape of API: list, create, rename (If-Match), merge, archive. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AMB, api, etagOf } from '../http';
import type { Department, Theme } from '../model';

export type TaxonomyKind = 'departments' | 'themes';
type Item<K extends TaxonomyKind> = K extends 'departments' ? Department : Theme;

export function useTaxonomy<K extends TaxonomyKind>(kind: K, includeArchived = false) {
  return useQuery({
    queryKey: [kind, { archived: includeArchived }],
    queryFn: () =>
      api.get<Item<K>[]>(`${AMB}/${kind}`, includeArchived ? { include_archived: true } : undefined),
    staleTime: 60_000,
  });
}

export const useDepartments = (includeArchived = false) => useTaxonomy('departments', includeArchived);
export const useThemes = (includeArchived = false) => useTaxonomy('themes', includeArchived);

export function useTaxonomyMutations(kind: TaxonomyKind) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: [kind] });
  const base = `${AMB}/${kind}`;
  return {
    create: useMutation({
      mutationFn: (body: { name: string; description?: string }) => api.post<Department | Theme>(base, body),
      onSuccess: refresh,
    }),
    rename: useMutation({
      mutationFn: ({ item, name }: { item: { id: string; version: number }; name: string }) =>
        api.patch<Department | Theme>(`${base}/${item.id}`, { name }, etagOf(item)),
      onSettled: refresh,
    }),
    merge: useMutation({
      mutationFn: ({ id, intoId }: { id: string; intoId: string }) =>
        api.post<Department | Theme>(`${base}/${id}/merge`, { into_id: intoId }),
      onSuccess: refresh,
    }),
    archive: useMutation({
      mutationFn: (id: string) => api.post<Department | Theme>(`${base}/${id}/archive`),
      onSuccess: refresh,
    }),
  };
}
