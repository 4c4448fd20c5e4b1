import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { fetchMe, useSaveLocale } from '../../api/queries/me';
import { currentLanguage, languageAfterSignIn, setLanguage } from '../../i18n';
import { keys } from '../../api/queries/keys';
import { landingPath } from '../profile/landing';

/** After login: the person's language (languageAfterSignIn: the switch they just used wins), then
 * landingPath (wizard, admin area, where the person was heading, or profile). */
export function useAfterSignIn() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const saveLocale = useSaveLocale();
  return async (redirectTo?: string, forceOnboarding = false) => {
    const me = await client.fetchQuery({ queryKey: keys.me, queryFn: fetchMe });
    const { show, save } = languageAfterSignIn(me.data.locale, currentLanguage());
    if (save) void saveLocale(show).catch(() => undefined);
    if (show !== currentLanguage()) await setLanguage(show);
    return navigate({ to: landingPath(me.data, redirectTo, forceOnboarding) });
  };
}
