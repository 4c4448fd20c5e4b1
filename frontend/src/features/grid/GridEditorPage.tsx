import { Anchor, Stack, Text } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/queries/session';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { useNetwork } from '../networks/networksApi';
import { GridCard } from './GridCard';
import { GridMetaForm } from './GridForms';
import { useEntry, useGrids } from './gridApi';
import './i18n';

/** The message grids of one calendar entry: the committee writes, members read. */
export function GridEditorPage({ slug, entryId }: { slug: string; entryId: string }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const network = useNetwork(slug);
  const entry = useEntry(slug, entryId);
  const grids = useGrids(slug, entryId);
  if (!entry.data || !grids.data || !network.data)
    return <QueryState isPending={entry.isPending || grids.isPending || network.isPending} error={entry.error ?? grids.error ?? network.error} onRetry={() => void grids.refetch()} />;
  const role = network.data.my_role;
  const isAdmin = session.data?.roles.includes('admin') ?? false;
  const roles = { committee: isAdmin || role === 'chair' || role === 'committee', chair: isAdmin || role === 'chair', me: session.data?.user_id ?? null };
  const e = entry.data;
  return (
    <>
      <PageTitle title={t('grid.pageTitle', { title: e.title })} intro={t('grid.intro')}>
        <Text size="sm" c="dimmed">
          {network.data.name} · {new Date(e.starts_at).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}
          {e.content_url && (
            <>
              {' · '}
              <a href={e.content_url} target="_blank" rel="noopener noreferrer">
                {e.content_url}
              </a>
            </>
          )}
        </Text>
        <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/networks/$slug" params={{ slug }} />}>
          {t('grid.back')}
        </Anchor>
      </PageTitle>
      <Stack gap="lg">
        {grids.data.items.length === 0 && <Text c="dimmed">{t('grid.none')}</Text>}
        {grids.data.items.map((grid) => (
          <GridCard key={grid.id} slug={slug} grid={grid} roles={roles} />
        ))}
        {roles.committee && <GridMetaForm slug={slug} entryId={entryId} grid={null} defaultLink={e.content_url} />}
      </Stack>
    </>
  );
}

/** The route's component: network and entry come from the address. */
export function GridEditorRoute() {
  const { slug, entryId } = useParams({ strict: false });
  return <GridEditorPage slug={slug ?? ''} entryId={entryId ?? ''} />;
}
