import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { fetchMe, useSaveLocale } from '../../api/queries/me';
import { currentLanguage, languageChosenThisVisit, setLanguage } from '../../i18n';
import { keys } from '../../api/queries/keys';
import { landingPath } from '../profile/landing';

/** After login: the person's language (the switch they just used, else their profile's), then
 * landingPath (wizard, admin area, where the person was heading, or profile). */
export function useAfterSignIn() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const saveLocale = useSaveLocale();
  return async (redirectTo?: string, forceOnboarding = false) => {
    const me = await client.fetchQuery({ queryKey: keys.me, queryFn: fetchMe });
    const { locale } = me.data;
    if (languageChosenThisVisit()) {
      if (locale !== currentLanguage()) void saveLocale(currentLanguage()).catch(() => undefined);
    } else if ((locale === 'fr' || locale === 'en') && locale !== currentLanguage()) {
      await setLanguage(locale);
    }
    return navigate({ to: landingPath(me.data, redirectTo, forceOnboarding) });
  };
}
