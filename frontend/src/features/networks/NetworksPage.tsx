import { Badge, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/queries/session';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { CreateNetworkForm } from './CreateNetworkForm';
import { MembershipButton } from './MembershipButton';
import { type Network, useNetworks } from './networksApi';
import './i18n';

function NetworkCard({ network }: { network: Network }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" radius="md" component="article" aria-labelledby={`net-${network.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4" id={`net-${network.id}`}>
            <Link to="/networks/$slug" params={{ slug: network.slug }}>
              {network.name}
            </Link>
          </Title>
          <Badge variant="light">{t(`networks.visibility.${network.visibility}`)}</Badge>
        </Group>
        {network.purpose && (
          <Text size="sm" lineClamp={3}>
            {network.purpose}
          </Text>
        )}
        <Group gap={6}>
          {network.themes.map((theme) => (
            <Badge key={theme.id} variant="outline" color="gray">
              {theme.name}
            </Badge>
          ))}
        </Group>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('networks.members', { count: network.member_count })}
            {network.my_role && ` · ${t(`networks.role.${network.my_role}`)}`}
          </Text>
          <MembershipButton network={network} />
        </Group>
      </Stack>
    </Card>
  );
}

export function NetworksPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'mine' | 'all'>('all');
  const networks = useNetworks(scope === 'mine');
  const isAdmin = useSession().data?.roles.includes('admin') ?? false;
  return (
    <>
      <PageTitle title={t('networks.title')} intro={t('networks.intro')} />
      <Stack gap="lg">
        {isAdmin && <CreateNetworkForm />}
        <SegmentedControl
          w="fit-content"
          value={scope}
          onChange={(value) => setScope(value as 'mine' | 'all')}
          data={[
            { value: 'all', label: t('networks.all') },
            { value: 'mine', label: t('networks.mine') },
          ]}
        />
        <QueryState isPending={networks.isPending} error={networks.error} onRetry={() => void networks.refetch()} />
        {networks.data && networks.data.items.length === 0 && <Text>{t('networks.empty')}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {networks.data?.items.map((network) => <NetworkCard key={network.id} network={network} />)}
        </SimpleGrid>
      </Stack>
    </>
  );
}
