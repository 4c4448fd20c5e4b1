import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { fetchMe } from '../../api/queries/me';
import { keys } from '../../api/queries/keys';
import { landingPath } from '../profile/landing';

/** After login: see landingPath (wizard, admin area, where the person was heading, or profile). */
export function useAfterSignIn() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async (redirectTo?: string, forceOnboarding = false) => {
    const me = await client.fetchQuery({ queryKey: keys.me, queryFn: fetchMe });
    return navigate({ to: landingPath(me.data, redirectTo, forceOnboarding) });
  };
}
