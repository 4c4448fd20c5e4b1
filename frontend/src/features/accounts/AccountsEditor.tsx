import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAccounts } from '../../api/queries/accounts';
import { usePlatforms } from '../../api/queries/reference';
import { QueryState } from '../../ui/QueryState';
import { AccountsList } from './AccountsList';
import { AddAccountForm } from './AddAccountForm';

export function AccountsEditor() {
  const { t } = useTranslation();
  const platforms = usePlatforms();
  const accounts = useAccounts();
  if (!platforms.data || !accounts.data)
    return <QueryState isPending={platforms.isPending || accounts.isPending} error={platforms.error ?? accounts.error} />;
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        {t('accounts.intro')}
      </Text>
      <AccountsList accounts={accounts.data} platforms={platforms.data} />
      <AddAccountForm platforms={platforms.data} />
    </Stack>
  );
}
