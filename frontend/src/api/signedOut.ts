import type { QueryClient } from '@tanstack/react-query';
import { isApiError } from './errors';
import { rememberCsrfToken } from './http';
import { keys } from './queries/keys';

/** A 401 from the API means “signed out” (session expired, revoked, account deleted). */
export function isSignedOutError(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

/**
 * Watch every query: when one fails with 401, or a refetch of the session finds none, forget the
 * session and call `onSignedOut` (the router sends the person to the sign-in page, keeping where
 * they were). Manual updates (sign-out, account deletion) are left to the code that made them.
 */
export function watchSignedOut(client: QueryClient, onSignedOut: () => void): () => void {
  return client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    const { action, query } = event;
    const lostSession =
      action.type === 'success' && !action.manual && query.queryKey[0] === keys.session[0] && action.data === null;
    if (!lostSession && !(action.type === 'error' && isSignedOutError(action.error))) return;
    if (!lostSession) {
      rememberCsrfToken(null);
      client.setQueryData(keys.session, null);
    }
    onSignedOut();
  });
}
