import { Badge, Button, Card, Center, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useInvitations } from '../../api/queries/invitations';
import { formatDate } from '../../i18n';
import { QueryState } from '../../ui/QueryState';
import { ImportCard } from './ImportCard';
import { InviteForm } from './InviteForm';
import { ScrollTable } from '../../ui/ScrollTable';

const STATUS_COLOR: Record<string, string> = { pending: 'ember', accepted: 'relay', expired: 'gray', revoked: 'red' };

export function InvitationsPage() {
  const { t } = useTranslation();
  const list = useInvitations();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? []; // newest first, from the API
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <InviteForm />
        <ImportCard />
      </SimpleGrid>
      <Card>
        <Title order={2} size="h3" mb="md">
          {t('admin.invitationsList')}
        </Title>
        <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} />
        {list.isSuccess && rows.length === 0 && <Text c="dimmed">{t('admin.empty')}</Text>}
        {rows.length > 0 && (
          <ScrollTable label={t('admin.invitationsList')} minWidth={640}>
            <Table striped aria-label={t('admin.invitationsList')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.email')}</Table.Th>
                  <Table.Th>{t('admin.name')}</Table.Th>
                  <Table.Th>{t('profile.department')}</Table.Th>
                  <Table.Th>{t('admin.status')}</Table.Th>
                  <Table.Th>{t('admin.sentAt')}</Table.Th>
                  <Table.Th>{t('admin.expiresAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((inv) => (
                  <Table.Tr key={inv.id}>
                    <Table.Td>{inv.email}</Table.Td>
                    <Table.Td>{inv.display_name || '—'}</Table.Td>
                    <Table.Td>{inv.department?.name ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS_COLOR[inv.status] ?? 'gray'}>
                        {t(`admin.invitationStatus.${inv.status}`, { defaultValue: inv.status })}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDate(inv.created_at)}</Table.Td>
                    <Table.Td>{formatDate(inv.expires_at)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        {list.hasNextPage && (
          <Center mt="md">
            <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('app.loadMore')}
            </Button>
          </Center>
        )}
      </Card>
    </Stack>
  );
}
