/** A feed's filters (categories / keywords) and its recent posts with "hide" per post. */
import { Alert, Anchor, Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { formatDate } from '../../i18n';
import { notifyError, notifySuccess } from '../../ui/notify';
import { QueryState } from '../../ui/QueryState';
import { type FeedHealth, type OwnedItem, useFeedActions, useFeedItems } from './feedsApi';
import { splitTerms } from './health';

export function FeedFiltersForm({ feed }: { feed: FeedHealth }) {
  const { t } = useTranslation();
  const { setFilters } = useFeedActions();
  const [categories, setCategories] = useState(feed.filters.categories.join(', '));
  const [keywords, setKeywords] = useState(feed.filters.keywords.join(', '));
  const [stale, setStale] = useState(false);
  const save = () =>
    setFilters.mutate(
      { feed, categories: splitTerms(categories), keywords: splitTerms(keywords) },
      {
        onSuccess: () => {
          setStale(false);
          notifySuccess(t('feeds.filters.saved'));
        },
        onError: (error) => {
          // someone (another tab) changed them: keep the person's text; the list reloads with the new ETag
          if (isApiError(error) && error.isStale) setStale(true);
          else notifyError(error);
        },
      },
    );
  return (
    <Stack
      gap="xs"
      component="form"
      aria-label={t('feeds.filters.title')}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Title order={3} size="h5">
        {t('feeds.filters.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('feeds.filters.intro')}
      </Text>
      {stale && (
        <Alert color="ember" role="alert">
          {t('feeds.filters.stale')}
        </Alert>
      )}
      <TextInput label={t('feeds.filters.categories')} value={categories} onChange={(e) => setCategories(e.currentTarget.value)} maxLength={2000} />
      <TextInput label={t('feeds.filters.keywords')} value={keywords} onChange={(e) => setKeywords(e.currentTarget.value)} maxLength={2000} />
      <Group>
        <Button type="submit" loading={setFilters.isPending}>
          {t('feeds.filters.save')}
        </Button>
      </Group>
    </Stack>
  );
}

export function FeedItemsList({ feedId }: { feedId: string }) {
  const { t } = useTranslation();
  const items = useFeedItems(feedId);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('feeds.items.title')}
      </Title>
      {!items.data ? (
        <QueryState isPending={items.isPending} error={items.error} onRetry={() => void items.refetch()} />
      ) : items.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('feeds.items.none')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('feeds.items.title')}>
          {items.data.items.map((item) => (
            <ItemRow key={item.id} item={item} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ItemRow({ item }: { item: OwnedItem }) {
  const { t } = useTranslation();
  const { setHidden } = useFeedActions();
  const hidden = item.hidden_by_owner;
  const toggle = () =>
    setHidden.mutate(
      { item, hidden: !hidden },
      { onSuccess: () => notifySuccess(t(hidden ? 'feeds.items.shownDone' : 'feeds.items.hiddenDone')), onError: (error) => notifyError(error) },
    );
  return (
    <Group component="li" justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
      <Stack gap={2} style={{ minWidth: 0 }}>
        {item.link ? (
          <Anchor href={item.link} target="_blank" rel="noreferrer" fw={600} td={hidden ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Anchor>
        ) : (
          <Text fw={600} td={hidden ? 'line-through' : undefined}>
            {item.title}
          </Text>
        )}
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('feeds.items.published', { date: formatDate(item.published_at) })}
          </Text>
          {item.categories.map((category) => (
            <Badge key={category} size="xs" variant="outline" color="gray">
              {category}
            </Badge>
          ))}
          {hidden && <Badge size="xs" color="gray">{t('feeds.items.hidden')}</Badge>}
          {item.hidden_by_admin && <Badge size="xs" color="red" variant="light">{t('feeds.items.hiddenByAdmin')}</Badge>}
          {!item.matches_filters && <Badge size="xs" color="ember" variant="light">{t('feeds.items.filteredOut')}</Badge>}
          {item.pinned && <Badge size="xs" color="relay" variant="light">{t('feeds.items.pinned')}</Badge>}
        </Group>
      </Stack>
      <Button
        size="xs"
        variant={hidden ? 'light' : 'default'}
        loading={setHidden.isPending}
        aria-label={t(hidden ? 'feeds.items.showFor' : 'feeds.items.hideFor', { title: item.title })}
        onClick={toggle}
      >
        {t(hidden ? 'feeds.items.show' : 'feeds.items.hide')}
      </Button>
    </Group>
  );
}
