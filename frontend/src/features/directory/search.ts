import type { DirectoryFilters } from '../../api/model';

/** The directory's filters, as kept in the URL (the router validates them without loading the page). */
export const DIRECTORY_KEYS = ['q', 'theme', 'department', 'platform', 'language'] as const;

export function parseDirectorySearch(search: Record<string, unknown>): DirectoryFilters {
  const out: DirectoryFilters = {};
  for (const key of DIRECTORY_KEYS) {
    const value = search[key];
    if (typeof value === 'string' && value.trim()) out[key] = value.trim();
  }
  return out;
}
