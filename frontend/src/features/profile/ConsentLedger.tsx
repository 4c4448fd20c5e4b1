import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useConsents } from '../../api/queries/consents';
import { usePlatforms } from '../../api/queries/reference';
import { formatDate } from '../../i18n';
import { QueryState } from '../../ui/QueryState';
import { ScrollTable } from '../../ui/ScrollTable';
import { platformLabel } from '../../ui/platforms';

export function ConsentLedger() {
  const { t } = useTranslation();
  const consents = useConsents();
  const platforms = usePlatforms();
  const label = (id: string | null) => (id ? platformLabel(id, platforms.data) : '');
  return (
    <Card>
      <Title order={2} size="h3" mb="md">
        {t('profile.ledgerTitle')}
      </Title>
      <QueryState isPending={consents.isPending} error={consents.error} />
      {consents.data && consents.data.length === 0 && <Text c="dimmed">{t('profile.ledgerEmpty')}</Text>}
      {consents.data && consents.data.length > 0 && (
        <ScrollTable label={t('profile.ledgerTitle')} minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('profile.ledgerDate')}</Table.Th>
                <Table.Th>{t('profile.ledgerWhat')}</Table.Th>
                <Table.Th>{t('profile.ledgerDecision')}</Table.Th>
                <Table.Th>{t('profile.ledgerBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.data.map((record) => (
                <Table.Tr key={record.id}>
                  <Table.Td>{formatDate(record.created_at, true)}</Table.Td>
                  <Table.Td>
                    {record.scope === 'listing' ? t('profile.ledgerListing') : `${label(record.platform)} ${record.handle ?? ''}`}
                    {record.charter_version != null && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · {t('admin.version')} {record.charter_version}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={record.granted ? 'relay' : 'gray'} variant="light">
                      {t(record.granted ? 'profile.granted' : 'profile.withdrawn')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{t(record.actor === 'admin' ? 'profile.actorAdmin' : 'profile.actorSelf')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Card>
  );
}
