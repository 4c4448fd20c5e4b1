import { TaxonomyAdmin } from './TaxonomyAdmin';

export function DepartmentsPage() {
  return <TaxonomyAdmin kind="departments" />;
}
