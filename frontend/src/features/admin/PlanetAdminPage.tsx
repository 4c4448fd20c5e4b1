/** Admin: the Planet's feeds health, item moderation (hide, pin) and the keyword blocklist. */
import { Anchor, Badge, Button, Card, Group, Select, Stack, Switch, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n';
import { notifyError, notifySuccess } from '../../ui/notify';
import { QueryState } from '../../ui/QueryState';
import { ScrollTable } from '../../ui/ScrollTable';
import { type FeedStatus, type ModeratedItem, useAllFeeds, useBlocklist, useModeratedItems, usePlanetActions } from './planetApi';
import './planetI18n';

const STATUS_COLOR: Record<FeedStatus, string> = { active: 'relay', failing: 'red', retired: 'gray' };
const P = 'admin.planetAdmin';

export function PlanetAdminPage() {
  return (
    <Stack gap="lg">
      <FeedsHealth />
      <ItemsModeration />
      <BlocklistCard />
    </Stack>
  );
}

function FeedsHealth() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<FeedStatus | null>(null);
  const feeds = useAllFeeds(status);
  const rows = feeds.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card component="section" aria-labelledby="planet-feeds">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3" id="planet-feeds">
            {t(`${P}.feeds`)}
          </Title>
          <Select
            label={t(`${P}.statusFilter`)}
            data={[
              { value: '', label: t(`${P}.any`) },
              ...(['active', 'failing', 'retired'] as const).map((value) => ({ value, label: t(`${P}.status.${value}`) })),
            ]}
            value={status ?? ''}
            onChange={(value) => setStatus(value ? (value as FeedStatus) : null)}
            allowDeselect={false}
            w={200}
          />
        </Group>
        {!feeds.data ? (
          <QueryState isPending={feeds.isPending} error={feeds.error} onRetry={() => void feeds.refetch()} />
        ) : rows.length === 0 ? (
          <Text c="dimmed">{t(`${P}.noFeeds`)}</Text>
        ) : (
          <ScrollTable label={t(`${P}.feedsCaption`)} minWidth={860}>
            <Table striped>
              <Table.Caption>{t(`${P}.feedsCaption`)}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t(`${P}.feed`)}</Table.Th>
                  <Table.Th scope="col">{t(`${P}.state`)}</Table.Th>
                  <Table.Th scope="col">{t(`${P}.lastSuccess`)}</Table.Th>
                  <Table.Th scope="col">{t(`${P}.lastError`)}</Table.Th>
                  <Table.Th scope="col">{t(`${P}.nextAttempt`)}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((feed) => (
                  <Table.Tr key={feed.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere', maxWidth: 320 }}>
                      <Text size="sm" fw={600}>
                        {feed.platform} · {feed.handle}
                      </Text>
                      <Anchor href={feed.url} size="sm" target="_blank" rel="noreferrer">
                        {feed.url}
                      </Anchor>
                      {feed.redirected_from && (
                        <Text size="xs" c="dimmed">
                          {t(`${P}.movedFrom`, { from: feed.redirected_from })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[feed.status]} variant="light">
                        {t(`${P}.status.${feed.status}`)}
                      </Badge>
                      {feed.http_status !== null && <Text size="xs">HTTP {feed.http_status}</Text>}
                    </Table.Td>
                    <Table.Td>{formatDate(feed.last_success_at, true)}</Table.Td>
                    <Table.Td style={{ maxWidth: 280 }}>{feed.last_error ?? t('app.none')}</Table.Td>
                    <Table.Td>{formatDate(feed.next_attempt_at, true)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        {feeds.hasNextPage && (
          <Group>
            <Button variant="default" loading={feeds.isFetchingNextPage} onClick={() => void feeds.fetchNextPage()}>
              {t('app.loadMore')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function ItemsModeration() {
  const { t } = useTranslation();
  const items = useModeratedItems();
  const { moderate } = usePlanetActions();
  const rows = items.data?.pages.flatMap((page) => page.items) ?? [];
  const change = (item: ModeratedItem, next: { hidden: boolean; pinned: boolean }) =>
    moderate.mutate(
      { item, ...next },
      { onSuccess: () => notifySuccess(t(`${P}.saved`)), onError: (error) => notifyError(error, { onReload: () => void items.refetch() }) },
    );
  return (
    <Card component="section" aria-labelledby="planet-items">
      <Stack>
        <Title order={2} size="h3" id="planet-items">
          {t(`${P}.items`)}
        </Title>
        {!items.data ? (
          <QueryState isPending={items.isPending} error={items.error} onRetry={() => void items.refetch()} />
        ) : rows.length === 0 ? (
          <Text c="dimmed">{t(`${P}.noItems`)}</Text>
        ) : (
          <ScrollTable label={t(`${P}.itemsCaption`)} minWidth={720}>
            <Table striped>
              <Table.Caption>{t(`${P}.itemsCaption`)}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t(`${P}.title`)}</Table.Th>
                  <Table.Th scope="col">{t(`${P}.published`)}</Table.Th>
                  <Table.Th scope="col">{t(`${P}.hidden`)}</Table.Th>
                  <Table.Th scope="col">{t(`${P}.pinned`)}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere', maxWidth: 360 }}>
                      {item.link ? (
                        <Anchor href={item.link} target="_blank" rel="noreferrer">
                          {item.title}
                        </Anchor>
                      ) : (
                        item.title
                      )}
                      {item.hidden_by_owner && (
                        <Text size="xs" c="dimmed">
                          {t(`${P}.byOwner`)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(item.published_at)}</Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={t(`${P}.hiddenFor`, { title: item.title })}
                        checked={item.hidden_by_admin}
                        onChange={(e) => change(item, { hidden: e.currentTarget.checked, pinned: item.pinned })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={t(`${P}.pinnedFor`, { title: item.title })}
                        checked={item.pinned}
                        onChange={(e) => change(item, { hidden: item.hidden_by_admin, pinned: e.currentTarget.checked })}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        {items.hasNextPage && (
          <Group>
            <Button variant="default" loading={items.isFetchingNextPage} onClick={() => void items.fetchNextPage()}>
              {t('app.loadMore')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function BlocklistCard() {
  const blocklist = useBlocklist();
  if (!blocklist.data) return <QueryState isPending={blocklist.isPending} error={blocklist.error} onRetry={() => void blocklist.refetch()} />;
  return <BlocklistForm key={blocklist.data.etag ?? ''} keywords={blocklist.data.keywords} etag={blocklist.data.etag} />;
}

function BlocklistForm({ keywords, etag }: { keywords: string[]; etag: string | null }) {
  const { t } = useTranslation();
  const { setBlocklist } = usePlanetActions();
  const [text, setText] = useState(keywords.join('\n'));
  const save = () => {
    const words = [...new Set(text.split('\n').map((w) => w.trim()).filter(Boolean))];
    setBlocklist.mutate({ keywords: words, etag }, { onSuccess: () => notifySuccess(t(`${P}.blocklistSaved`)), onError: (error) => notifyError(error) });
  };
  return (
    <Card component="section" aria-labelledby="planet-blocklist">
      <Stack
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Title order={2} size="h3" id="planet-blocklist">
          {t(`${P}.blocklist`)}
        </Title>
        <Text size="sm">{t(`${P}.blocklistIntro`)}</Text>
        <Textarea label={t(`${P}.blocklistLabel`)} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} maxRows={12} />
        <Group>
          <Button type="submit" loading={setBlocklist.isPending}>
            {t(`${P}.blocklistSave`)}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
