/**
 * The API lists invitations and mail oldest first and has no order parameter, so the screens
 * sort what is loaded, newest first. Each “Load more” brings newer items (keyset ascending) and
 * the whole loaded list is sorted again; the very newest are only on screen once every page is
 * loaded — a true newest-first list needs an order parameter on the API.
 */
export function newestFirst<T extends { created_at: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
}
