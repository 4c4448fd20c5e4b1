import { Button, Card, CopyButton, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../ui/notify';
import { useCalendarActions, useFeeds } from './calendarApi';

function CopyLine({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <TextInput readOnly value={value} aria-label={value} style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
      <CopyButton value={value}>{({ copied, copy }) => <Button onClick={copy} variant="light">{copied ? t('calendar.copied') : t('calendar.copy')}</Button>}</CopyButton>
    </Group>
  );
}

/** Subscribe from a calendar application (secret, revocable address) and share a read-only preview. */
export function ShareCards({ slug, committee, member }: { slug: string; committee: boolean; member: boolean }) {
  const { t } = useTranslation();
  const feeds = useFeeds(slug, member);
  const actions = useCalendarActions(slug);
  const [label, setLabel] = useState('');
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const [who, setWho] = useState('');
  const [days, setDays] = useState<number>(14);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const origin = window.location.origin;
  return (
    <>
      {member && (
      <Card withBorder component="section" aria-labelledby="subscribe">
        <Stack gap="sm">
          <Title order={3} size="h5" id="subscribe">
            {t('calendar.subscribe')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('calendar.subscribeIntro')}
          </Text>
          <Group align="flex-end">
            <TextInput label={t('calendar.subscribeLabel')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} style={{ flex: 1 }} maxLength={80} />
            <Button
              loading={actions.subscribe.isPending}
              onClick={() =>
                actions.subscribe.mutate(label || 'calendar', {
                  onSuccess: (created) => setFeedUrl(`${origin}${created.url_path}`),
                  onError: (error) => notifyError(error),
                })
              }
            >
              {t('calendar.createFeed')}
            </Button>
          </Group>
          {feedUrl && (
            <Stack gap={4}>
              <Text size="sm">{t('calendar.feedReady')}</Text>
              <CopyLine value={feedUrl} />
            </Stack>
          )}
          {feeds.data?.items.map((feed) => (
            <Group key={feed.id} justify="space-between">
              <Text size="sm">
                {feed.label} <Text span c="dimmed" size="xs">{new Date(feed.created_at).toLocaleDateString()}</Text>
              </Text>
              <Button size="xs" variant="subtle" color="red" aria-label={t('calendar.revokeFeed', { label: feed.label })} onClick={() => actions.revokeFeed.mutate(feed.id, { onError: (error) => notifyError(error) })}>
                {t('calendar.revoke')}
              </Button>
            </Group>
          ))}
        </Stack>
      </Card>
      )}
      {committee && (
        <Card withBorder component="section" aria-labelledby="share-preview">
          <Stack gap="sm">
            <Title order={3} size="h5" id="share-preview">
              {t('calendar.preview')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('calendar.previewIntro')}
            </Text>
            <Group grow align="flex-end">
              <TextInput label={t('calendar.previewLabel')} value={who} onChange={(e) => setWho(e.currentTarget.value)} maxLength={80} />
              <NumberInput label={t('calendar.previewDays')} value={days} onChange={(v) => setDays(Number(v) || 1)} min={1} max={30} />
            </Group>
            <Button
              w="fit-content"
              loading={actions.preview.isPending}
              onClick={() =>
                actions.preview.mutate(
                  { label: who || 'preview', expires_at: new Date(Date.now() + days * 86_400_000).toISOString() },
                  { onSuccess: (created) => setPreviewUrl(`${origin}/app/preview/${created.token}`), onError: (error) => notifyError(error) },
                )
              }
            >
              {t('calendar.createPreview')}
            </Button>
            {previewUrl && (
              <Stack gap={4}>
                <Text size="sm">{t('calendar.previewReady')}</Text>
                <CopyLine value={previewUrl} />
              </Stack>
            )}
          </Stack>
        </Card>
      )}
    </>
  );
}
