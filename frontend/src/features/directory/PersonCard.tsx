import { Anchor, Avatar, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DirectoryEntry, Platform } from '../../api/model';
import { languageName } from '../../i18n/languages';
import { platformColor } from '../../ui/PlatformBadge';
import { platformLabel } from '../../ui/platforms';
import { initials } from '../../ui/initials';

export function PersonCard({ entry, platforms }: { entry: DirectoryEntry; platforms: Platform[] }) {
  const { t, i18n } = useTranslation();
  const subtitle = [entry.job_title, entry.department?.name, entry.location].filter(Boolean).join(' · ');
  return (
    <Card h="100%">
      <Stack gap="sm">
        <Group wrap="nowrap" align="flex-start">
          <Avatar color="relay" radius="xl" size="lg">
            {initials(entry.display_name)}
          </Avatar>
          <div style={{ minWidth: 0 }}>
            <Title order={3} size="h5">
              {entry.display_name}
            </Title>
            {subtitle && (
              <Text size="sm" c="dimmed">
                {subtitle}
              </Text>
            )}
            {!entry.public && (
              <Badge size="xs" color="gray" variant="outline" mt={4}>
                {t('directory.notPublic')}
              </Badge>
            )}
          </div>
        </Group>
        {entry.themes.length > 0 && (
          <Group gap={6}>
            {entry.themes.map((theme) => (
              <Badge key={theme.id} variant="light" color="relay" tt="none">
                {theme.name}
              </Badge>
            ))}
          </Group>
        )}
        {entry.languages.length > 0 && (
          <Text size="xs" c="dimmed">
            {entry.languages.map((code) => languageName(code, i18n.language)).join(', ')}
          </Text>
        )}
        {entry.accounts.length > 0 && (
          <Group gap="xs">
            {entry.accounts.map((account) => (
              <Anchor
                key={account.id}
                href={account.profile_url}
                target="_blank"
                rel="noreferrer"
                size="sm"
                fw={600}
                style={{ borderLeft: `4px solid ${platformColor(account.platform)}`, paddingLeft: 6 }}
                aria-label={`${platformLabel(account.platform, platforms)} ${account.handle} – ${entry.display_name}`}
              >
                {platformLabel(account.platform, platforms)}
              </Anchor>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
