import { Card, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/queries/me';
import { AccountsEditor } from '../accounts/AccountsEditor';
import { UnverifiedBanner } from '../auth/UnverifiedBanner';
import { FeedsCard } from '../feeds/FeedsCard';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { ConsentLedger } from './ConsentLedger';
import { DangerZone, DataCard } from './DataCard';
import { ListingCard } from './ListingCard';
import { DevicesCard, PasswordCard } from './PasswordCard';
import { ProfileForm } from './ProfileForm';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <QueryState isPending={me.isPending} error={me.error} onRetry={() => void me.refetch()} />;
  return (
    <>
      <PageTitle title={t('profile.title')} intro={me.data.data.email} />
      <Stack gap="lg">
        <UnverifiedBanner me={me.data.data} />
        <ListingCard me={me.data.data} />
        {/* two columns only when both have room: at 1280 px (with the menu) the accounts would be cut */}
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
          <Card>
            <Title order={2} size="h3" mb="md">
              {t('profile.details')}
            </Title>
            <ProfileForm me={me.data} />
          </Card>
          <Card>
            <Title order={2} size="h3" mb="md">
              {t('accounts.title')}
            </Title>
            <AccountsEditor />
          </Card>
        </SimpleGrid>
        <FeedsCard />
        <ConsentLedger />
        <PasswordCard email={me.data.data.email} />
        <DevicesCard />
        <DataCard />
        <DangerZone />
      </Stack>
    </>
  );
}
