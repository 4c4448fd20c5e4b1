import { TaxonomyAdmin } from './TaxonomyAdmin';

export function ThemesPage() {
  return <TaxonomyAdmin kind="themes" />;
}
