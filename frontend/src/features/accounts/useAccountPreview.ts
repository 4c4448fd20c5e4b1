import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { previewAccount } from '../../api/queries/accounts';

export const PREVIEW_DEBOUNCE_MS = 450;

/** Live validation of a handle/URL through POST /accounts/preview, debounced, latest input wins. */
export function useAccountPreview(platform: string | null, value: string, delay = PREVIEW_DEBOUNCE_MS) {
  const [debounced] = useDebouncedValue(value.trim(), delay);
  const settled = debounced === value.trim();
  const query = useQuery({
    queryKey: ['account-preview', platform, debounced],
    queryFn: ({ signal }) => previewAccount({ platform: platform ?? '', value: debounced }, signal),
    enabled: Boolean(platform) && debounced.length > 0,
    retry: false,
    staleTime: 300_000,
  });
  return { ...query, settled, checking: Boolean(platform && value.trim()) && (!settled || query.isFetching) };
}
