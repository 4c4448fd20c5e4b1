/** Message grids of a calendar entry (editorial service): grids, variants, review, comments, history. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EDITORIAL, api, etagOf, request } from '../../api/http';
import type {
  EditorialCommentCreate,
  EditorialCommentList,
  EditorialCommentRead,
  EditorialEntryRead,
  EditorialGridCreate,
  EditorialGridList,
  EditorialGridRead,
  EditorialGridUpdate,
  EditorialRevisionList,
  EditorialVariantCreate,
  EditorialVariantRead,
  EditorialVariantUpdate,
} from '../../client';
import { countText, type TextLength } from './counting';

export type Grid = EditorialGridRead;
export type Variant = EditorialVariantRead;
export type ReviewVerb = 'submit' | 'approve' | 'request-changes' | 'publish' | 'archive';

const base = (slug: string) => `${EDITORIAL}/networks/${encodeURIComponent(slug)}`;
export const gridsKey = (slug: string, entryId: string) => ['grids', slug, entryId] as const;

/** The text as shared: the disclosure appended, unless the author already wrote it (grids/reads.py). */
export function fullText(text: string, disclosure: string): string {
  return text.includes(disclosure) ? text : `${text}\n\n${disclosure}`;
}

/** What a network's variants are counted with: its disclosure, and its Mastodon instance's limit (else 500). */
export type CountingRules = Pick<Grid, 'disclosure' | 'mastodon_limit'>;

/** The live count of a variant: what the platform will count once the disclosure is joined. */
export function liveCount(platform: string, text: string, rules: CountingRules): TextLength & { over: boolean } {
  const counted = countText(platform, fullText(text.trim(), rules.disclosure), { mastodonLimit: rules.mastodon_limit });
  return { ...counted, over: counted.count > counted.limit };
}

export function useEntry(slug: string, entryId: string) {
  return useQuery({ queryKey: ['entry', slug, entryId], queryFn: () => api.get<EditorialEntryRead>(`${base(slug)}/entries/${entryId}`) });
}

export function useGrids(slug: string, entryId: string) {
  return useQuery({ queryKey: gridsKey(slug, entryId), queryFn: () => api.get<EditorialGridList>(`${base(slug)}/entries/${entryId}/grids`) });
}

/** A fresh read of one grid (the other version after a 412). */
export async function fetchGrid(slug: string, gridId: string): Promise<Grid> {
  return api.get<Grid>(`${base(slug)}/grids/${gridId}`);
}

export function useComments(slug: string, gridId: string) {
  return useQuery({ queryKey: ['grid-comments', slug, gridId], queryFn: () => api.get<EditorialCommentList>(`${base(slug)}/grids/${gridId}/comments`) });
}

export function useHistory(slug: string, gridId: string, enabled: boolean) {
  return useQuery({ queryKey: ['grid-history', slug, gridId], queryFn: () => api.get<EditorialRevisionList>(`${base(slug)}/grids/${gridId}/history`), enabled });
}

export function useGridActions(slug: string, entryId: string) {
  const client = useQueryClient();
  const settle = (grid?: Grid) => {
    if (grid) client.setQueryData<EditorialGridList>(gridsKey(slug, entryId), (old) => old && { items: old.items.map((g) => (g.id === grid.id ? grid : g)) });
    void client.invalidateQueries({ queryKey: gridsKey(slug, entryId) });
    void client.invalidateQueries({ queryKey: ['calendar', slug] });
    void client.invalidateQueries({ queryKey: ['review-queue'] });
    if (grid) {
      void client.invalidateQueries({ queryKey: ['grid-history', slug, grid.id] });
      void client.invalidateQueries({ queryKey: ['grid-comments', slug, grid.id] });
    }
  };
  const g = (id: string) => `${base(slug)}/grids/${id}`;
  const v = (id: string) => `${base(slug)}/variants/${id}`;
  const send = async (path: string, method: string, json: unknown, ifMatch?: string) => (await request<Grid>(path, { method, json, ifMatch })).data;
  return {
    create: useMutation({ mutationFn: (body: EditorialGridCreate) => api.post<Grid>(`${base(slug)}/entries/${entryId}/grids`, body), onSuccess: settle }),
    update: useMutation({ mutationFn: ({ grid, body }: { grid: Grid; body: EditorialGridUpdate }) => send(g(grid.id), 'PATCH', body, etagOf(grid)), onSuccess: settle }),
    addVariant: useMutation({
      mutationFn: ({ grid, body }: { grid: Grid; body: EditorialVariantCreate }) => send(`${g(grid.id)}/variants`, 'POST', body, etagOf(grid)),
      onSuccess: settle,
    }),
    updateVariant: useMutation({
      mutationFn: ({ variant, body }: { variant: { id: string; version: number }; body: EditorialVariantUpdate }) => send(v(variant.id), 'PATCH', body, etagOf(variant)),
      onSuccess: settle,
    }),
    deleteVariant: useMutation({ mutationFn: (variant: Variant) => send(v(variant.id), 'DELETE', undefined, etagOf(variant)), onSuccess: settle }),
    review: useMutation({
      mutationFn: ({ grid, verb, comment }: { grid: Grid; verb: ReviewVerb; comment?: string }) =>
        send(`${g(grid.id)}/${verb}`, 'POST', comment ? { comment } : {}, etagOf(grid)),
      onSuccess: settle,
    }),
    comment: useMutation({
      mutationFn: ({ gridId, body }: { gridId: string; body: EditorialCommentCreate }) => api.post<EditorialCommentRead>(`${g(gridId)}/comments`, body),
      onSuccess: (_c, { gridId }) => void client.invalidateQueries({ queryKey: ['grid-comments', slug, gridId] }),
    }),
  };
}
