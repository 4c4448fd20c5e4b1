/** The link from a calendar entry to its message grids (its words here: tiny, FR/EN). */
import { Button } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';

const add = () => {
  i18n.addResourceBundle('en', 'translation', { gridLink: { label: 'Message grid', for: 'Message grid of {{title}}' } }, true, false);
  i18n.addResourceBundle('fr', 'translation', { gridLink: { label: 'Grille de messages', for: 'Grille de messages de {{title}}' } }, true, false);
};
if (i18n.isInitialized) add();
else i18n.on('initialized', add);

export function GridsLink({ slug, entry }: { slug: string; entry: { id: string; title: string } }) {
  const { t } = useTranslation();
  return (
    <Button renderRoot={(props) => <Link {...props} to="/networks/$slug/entries/$entryId" params={{ slug, entryId: entry.id }} />} size="xs" variant="subtle" aria-label={t('gridLink.for', { title: entry.title })}>
      {t('gridLink.label')}
    </Button>
  );
}
