/** The app navigation's "Review" item: its words (FR/EN, tiny) and the queue's count. */
import i18n from 'i18next';
import { useReviewQueue } from './queueApi';

const words = {
  en: { nav: { review: 'Review', reviewCount_one: '{{count}} grid awaits your review', reviewCount_other: '{{count}} grids await your review' } },
  fr: { nav: { review: 'Relecture', reviewCount_one: '{{count}} grille attend votre relecture', reviewCount_other: '{{count}} grilles attendent votre relecture' } },
};
const add = () => {
  i18n.addResourceBundle('en', 'translation', words.en, true, false);
  i18n.addResourceBundle('fr', 'translation', words.fr, true, false);
};
// this module loads with the app's layout, maybe before i18next is initialised (tests)
if (i18n.isInitialized) add();
else i18n.on('initialized', add);

/** How many grids await my approval (0 while unknown or when the editorial service is away). */
export function useReviewCount(enabled: boolean): number {
  return useReviewQueue(enabled).data?.count ?? 0;
}
