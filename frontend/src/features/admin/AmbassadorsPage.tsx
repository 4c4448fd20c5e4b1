import { Badge, Button, Card, Center, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/queries/me';
import { formatDate } from '../../i18n';
import { AmbassadorActions } from './AmbassadorActions';
import { useAmbassadorsList } from './adminApi';
import { QueryState } from '../../ui/QueryState';
import { ScrollTable } from '../../ui/ScrollTable';

const STATUS_COLOR: Record<string, string> = { pending: 'ember', active: 'relay', suspended: 'red' };

export function AmbassadorsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useAmbassadorsList(status, q);
  const me = useMe();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card>
      <Stack>
        <Group align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t('admin.search')}
          placeholder={t('admin.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maxLength={100}
          w={{ base: '100%', sm: 320 }}
        />
        <SegmentedControl
          aria-label={t('admin.statusFilter')}
          value={status}
          onChange={setStatus}
          data={[
            { value: '', label: t('admin.all') },
            { value: 'pending', label: t('profile.statuses.pending') },
            { value: 'active', label: t('profile.statuses.active') },
            { value: 'suspended', label: t('profile.statuses.suspended') },
          ]}
        />
        </Group>
        <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} />
        {list.isSuccess && rows.length === 0 && <Text c="dimmed">{t('admin.empty')}</Text>}
        {rows.length > 0 && (
          <ScrollTable label={t('admin.ambassadors')} minWidth={900}>
            <Table striped aria-label={t('admin.ambassadors')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.name')}</Table.Th>
                  <Table.Th>{t('admin.email')}</Table.Th>
                  <Table.Th>{t('profile.department')}</Table.Th>
                  <Table.Th>{t('admin.status')}</Table.Th>
                  <Table.Th>{t('profile.listingTitle')}</Table.Th>
                  <Table.Th>{t('admin.accountsCount')}</Table.Th>
                  <Table.Th>{t('admin.created_at')}</Table.Th>
                  <Table.Th>{t('admin.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td fw={600}>
                      {a.display_name}{' '}
                      {a.roles.includes('admin') && (
                        <Badge size="xs" variant="outline" miw="max-content">
                          {t('admin.adminBadge')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{a.email}</Table.Td>
                    <Table.Td>{a.department?.name ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS_COLOR[a.status] ?? 'gray'} miw="max-content">
                        {t(`profile.statuses.${a.status}`, { defaultValue: a.status })}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {a.listing
                        ? [
                            t(a.listing.listed ? 'profile.listed' : 'profile.notListed'),
                            t(`profile.moderation.${a.listing.moderation}`),
                            a.listing.change === 'pending' ? t('profile.changePendingShort') : '',
                          ]
                            .filter(Boolean)
                            .join(' · ')
                        : '—'}
                    </Table.Td>
                    <Table.Td>{a.accounts_count ?? '—'}</Table.Td>
                    <Table.Td>{formatDate(a.created_at)}</Table.Td>
                    <Table.Td>
                      <AmbassadorActions person={a} selfId={me.data?.data.id} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        {list.hasNextPage && (
          <Center>
            <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('app.loadMore')}
            </Button>
          </Center>
        )}
      </Stack>
    </Card>
  );
}
