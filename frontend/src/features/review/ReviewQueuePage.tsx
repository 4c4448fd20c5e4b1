import { Anchor, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { ScrollTable } from '../../ui/ScrollTable';
import { useReviewQueue } from './queueApi';
import '../grid/i18n';

/** Grids awaiting my approval across my networks, each a link to its grid editor. */
export function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const queue = useReviewQueue();
  return (
    <>
      <PageTitle title={t('review.queueTitle')} intro={t('review.queueIntro')} />
      {!queue.data ? (
        <QueryState isPending={queue.isPending} error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.items.length === 0 ? (
        <Text c="dimmed">{t('review.queueEmpty')}</Text>
      ) : (
        <ScrollTable label={t('review.queueTitle')} minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('review.grid')}</Table.Th>
                <Table.Th>{t('review.network')}</Table.Th>
                <Table.Th>{t('review.authorCol')}</Table.Th>
                <Table.Th>{t('review.submitted')}</Table.Th>
                <Table.Th>{t('review.step')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queue.data.items.map((item) => (
                <Table.Tr key={item.grid_id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor renderRoot={(props) => <Link {...props} to="/networks/$slug/entries/$entryId" params={{ slug: item.network_slug, entryId: item.entry_id }} />}>
                      {item.title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{item.network_name}</Table.Td>
                  <Table.Td>{item.author_name ?? '—'}</Table.Td>
                  <Table.Td>{item.submitted_at ? new Date(item.submitted_at).toLocaleString(i18n.language) : '—'}</Table.Td>
                  <Table.Td>{item.step ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </>
  );
}
