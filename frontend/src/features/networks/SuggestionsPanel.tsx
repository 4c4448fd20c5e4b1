import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../ui/notify';
import { QueryState } from '../../ui/QueryState';
import { useNetworkActions, useSuggestions } from './networksApi';

/** Ranked suggestions of ambassadors for the network, each with the reasons it was made. */
export function SuggestionsPanel({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(slug, true);
  const actions = useNetworkActions(slug);
  return (
    <Stack gap="sm">
      <Text c="dimmed">{t('networks.suggestions.intro')}</Text>
      <QueryState isPending={suggestions.isPending} error={suggestions.error} />
      {suggestions.data?.items.length === 0 && <Text>{t('networks.suggestions.none')}</Text>}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {suggestions.data?.items.map((s) => (
          <Card key={s.ambassador.id} withBorder padding="sm" component="li">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={4}>
                <Text fw={600}>
                  {s.ambassador.display_name}
                  {s.ambassador.department && <Text span c="dimmed" fw={400}> — {s.ambassador.department.name}</Text>}
                </Text>
                <Text size="sm">{s.text}</Text>
                <Group gap={4}>
                  {s.reasons.map((r) => (
                    <Badge key={`${r.kind}-${r.detail}`} variant="light" size="sm" color="gray">
                      {r.detail}
                    </Badge>
                  ))}
                </Group>
              </Stack>
              {s.membership_status ? (
                <Badge variant="outline">{t(`networks.suggestions.${s.membership_status}`)}</Badge>
              ) : (
                <Button
                  size="xs"
                  aria-label={t('networks.suggestions.invite', { name: s.ambassador.display_name })}
                  onClick={() =>
                    actions.invite.mutate(s.ambassador.id, {
                      onSuccess: () => notifySuccess(t('networks.members.invited')),
                      onError: (error) => notifyError(error),
                    })
                  }
                >
                  {t('networks.members.inviteSubmit')}
                </Button>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
