/** Networks (ambassadors service): list, one network, memberships, suggestions, externals, presence. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AMB, api, etagOf } from '../../api/http';
import type {
  AmbassadorsCycleRead,
  AmbassadorsMemberRead,
  AmbassadorsNetworkCreate,
  AmbassadorsNetworkRead,
  AmbassadorsPageDirectoryEntry,
  AmbassadorsPageExternalRead,
  AmbassadorsPageMemberRead,
  AmbassadorsPageNetworkRead,
  AmbassadorsPresenceMap,
  AmbassadorsRecommendationList,
  AmbassadorsSuggestionList,
} from '../../client';

export type Network = AmbassadorsNetworkRead;
export type Member = AmbassadorsMemberRead;
export type NetworkRole = NonNullable<Member['role']>;

const base = (slug: string) => `${AMB}/networks/${encodeURIComponent(slug)}`;
export const networkKeys = {
  all: ['networks'] as const,
  list: (mine: boolean) => ['networks', 'list', { mine }] as const,
  one: (slug: string) => ['networks', slug] as const,
  part: (slug: string, part: string) => ['networks', slug, part] as const,
};

export function useNetworks(mine = false) {
  return useQuery({
    queryKey: networkKeys.list(mine),
    queryFn: () => api.get<AmbassadorsPageNetworkRead>(`${AMB}/networks`, { mine: mine || undefined, limit: 100 }),
  });
}

export function useNetwork(slug: string) {
  return useQuery({ queryKey: networkKeys.one(slug), queryFn: () => api.get<Network>(base(slug)) });
}

function usePart<T>(slug: string, part: string, path: string, enabled = true, query?: Record<string, string | number>) {
  return useQuery({
    queryKey: [...networkKeys.part(slug, part), query ?? {}],
    queryFn: () => api.get<T>(`${base(slug)}${path}`, query),
    enabled,
  });
}

export const useMembers = (slug: string) => usePart<AmbassadorsPageMemberRead>(slug, 'members', '/members', true, { limit: 200 });
export const useRequests = (slug: string, enabled: boolean) =>
  usePart<AmbassadorsPageMemberRead>(slug, 'requests', '/requests', enabled, { limit: 200 });
export const useInvitations = (slug: string, enabled: boolean) =>
  usePart<AmbassadorsPageMemberRead>(slug, 'invitations', '/invitations', enabled, { limit: 200 });
export const useSuggestions = (slug: string, enabled: boolean) =>
  usePart<AmbassadorsSuggestionList>(slug, 'suggestions', '/suggestions', enabled);
export const useExternals = (slug: string, enabled: boolean) =>
  usePart<AmbassadorsPageExternalRead>(slug, 'externals', '/externals', enabled, { limit: 100 });
export const usePresence = (slug: string) => usePart<AmbassadorsPresenceMap>(slug, 'presence', '/presence', true, { limit: 100 });
export const useRecommendation = (slug: string) =>
  usePart<AmbassadorsRecommendationList>(slug, 'recommendation', '/platform-recommendation');
export const useCycle = (slug: string) => usePart<AmbassadorsCycleRead>(slug, 'cycle', '/cycle');

/** People to pick from (chair, invitations): the directory's search, first 20 matches. */
export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: ['directory', 'pick', q],
    queryFn: () => api.get<AmbassadorsPageDirectoryEntry>(`${AMB}/directory`, { q, limit: 20 }),
    enabled: q.trim().length >= 2,
    staleTime: 30_000,
  });
}

export function useNetworkActions(slug: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: networkKeys.all });
  const useAction = <A,>(fn: (arg: A) => Promise<unknown>) => useMutation({ mutationFn: fn, onSettled: refresh });
  return {
    join: useAction((note: string) => api.post(`${base(slug)}/join`, { note })),
    leave: useAction(() => api.post(`${base(slug)}/leave`)),
    acceptInvitation: useAction(() => api.post(`${base(slug)}/invitation/accept`)),
    declineInvitation: useAction(() => api.post(`${base(slug)}/invitation/decline`)),
    invite: useAction((ambassadorId: string) => api.post(`${base(slug)}/invitations`, { ambassador_id: ambassadorId })),
    acceptRequest: useAction((id: string) => api.post(`${base(slug)}/requests/${id}/accept`)),
    declineRequest: useAction((id: string) => api.post(`${base(slug)}/requests/${id}/decline`)),
    setRole: useAction(({ id, role }: { id: string; role: NetworkRole }) => api.put(`${base(slug)}/members/${id}/role`, { role })),
    remove: useAction((id: string) => api.delete(`${base(slug)}/members/${id}`)),
    update: useAction(({ network, changes }: { network: Network; changes: Partial<Pick<Network, 'name' | 'purpose' | 'visibility'>> }) =>
      api.patch(base(slug), changes, etagOf(network)),
    ),
    addExternal: useAction((body: { name: string; kind: string; organisation: string; owner_id?: string | null; notes?: string }) =>
      api.post(`${base(slug)}/externals`, body),
    ),
  };
}

export function useCreateNetwork() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AmbassadorsNetworkCreate) => api.post<Network>(`${AMB}/networks`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: networkKeys.all }),
  });
}
