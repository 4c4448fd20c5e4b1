import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, type Language } from '../i18n';

/** FR/EN. `onChosen` lets a signed-in screen remember the choice in the profile. */
export function LanguageSwitch({ onChosen }: { onChosen?: (lang: Language) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language === 'en' ? 'en' : 'fr'}
      onChange={(value) => {
        void chooseLanguage(value as Language);
        onChosen?.(value as Language);
      }}
      data={[
        { value: 'fr', label: <span lang="fr" aria-label="Français">FR</span> },
        { value: 'en', label: <span lang="en" aria-label="English">EN</span> },
      ]}
    />
  );
}
