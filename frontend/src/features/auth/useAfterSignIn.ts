import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { fetchMe } from '../../api/queries/me';
import { keys } from '../../api/queries/keys';
import { needsOnboarding } from '../profile/needsOnboarding';

/** After login: go where the person was heading, to onboarding if unfinished, else to the profile. */
export function useAfterSignIn() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async (redirectTo?: string, forceOnboarding = false) => {
    const me = await client.fetchQuery({ queryKey: keys.me, queryFn: fetchMe });
    if (forceOnboarding || needsOnboarding(me.data)) return navigate({ to: '/onboarding' });
    if (redirectTo && redirectTo.startsWith('/') && !redirectTo.startsWith('//')) {
      return navigate({ to: redirectTo.replace(/^\/app(?=\/)/, '') });
    }
    return navigate({ to: '/profile' });
  };
}
