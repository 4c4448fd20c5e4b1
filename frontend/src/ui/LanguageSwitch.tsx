import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language === 'en' ? 'en' : 'fr'}
      onChange={(value) => void setLanguage(value as Language)}
      data={[
        { value: 'fr', label: <span lang="fr" aria-label="Français">FR</span> },
        { value: 'en', label: <span lang="en" aria-label="English">EN</span> },
      ]}
    />
  );
}
