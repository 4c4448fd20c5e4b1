import { ActionIcon, Anchor, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAccountConsent, useRemoveAccount } from '../../api/queries/accounts';
import type { Platform, SocialAccount } from '../../api/model';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { platformLabel } from '../../ui/platforms';

export function AccountsList({ accounts, platforms }: { accounts: SocialAccount[]; platforms: Platform[] }) {
  const { t } = useTranslation();
  const consent = useAccountConsent();
  const remove = useRemoveAccount();
  if (accounts.length === 0) return <Text c="dimmed">{t('accounts.empty')}</Text>;
  return (
    <Stack gap="xs" component="ul" aria-label={t('accounts.accountsList')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {accounts.map((account) => {
        const names = { platform: platformLabel(account.platform, platforms), handle: account.handle };
        return (
          <Paper component="li" withBorder p="sm" key={account.id}>
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Group gap="sm" wrap="wrap" style={{ minWidth: 0 }}>
                <PlatformBadge platform={account.platform} label={names.platform} />
                <Anchor href={account.profile_url} target="_blank" rel="noreferrer" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {account.handle}
                </Anchor>
              </Group>
              <Group gap="md" wrap="nowrap">
                <Switch
                  label={t('accounts.public')}
                  aria-label={t('accounts.publicFor', names)}
                  checked={account.public}
                  onChange={(e) =>
                    consent.mutate(
                      { id: account.id, isPublic: e.currentTarget.checked },
                      { onError: (error) => notifyError(error) },
                    )
                  }
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('accounts.removeFor', names)}
                  onClick={() =>
                    remove.mutate(account.id, {
                      onSuccess: () => notifySuccess(t('accounts.removed')),
                      onError: (error) => notifyError(error),
                    })
                  }
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
