/** The profile's card for the company page's posts: per account that publishes a feed, the posts
 * consent (separate from listing the account), the feed's health, its filters and its recent posts. */
import { Alert, Anchor, Card, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAccounts } from '../../api/queries/accounts';
import { usePlatforms } from '../../api/queries/reference';
import type { SocialAccount } from '../../api/model';
import { formatDate } from '../../i18n';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { platformLabel } from '../../ui/platforms';
import { QueryState } from '../../ui/QueryState';
import { FeedFiltersForm, FeedItemsList } from './FeedControls';
import { healthLines } from './health';
import { type FeedHealth, useMyFeeds, usePostsConsent } from './feedsApi';
import './i18n';

const TONE_COLOR = { ok: 'relay', info: 'blue', warn: 'ember', error: 'red' } as const;

export function FeedsCard() {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const feeds = useMyFeeds();
  const platforms = usePlatforms();
  const withFeed = (accounts.data ?? []).filter((account) => account.feed_url);
  return (
    <Card component="section" aria-labelledby="feeds-title">
      <Stack>
        <Title order={2} size="h3" id="feeds-title">
          {t('feeds.title')}
        </Title>
        <Text size="sm">{t('feeds.intro')}</Text>
        {!accounts.data ? (
          <QueryState isPending={accounts.isPending} error={accounts.error} onRetry={() => void accounts.refetch()} />
        ) : withFeed.length === 0 ? (
          <Text c="dimmed">{t('feeds.noAccount')}</Text>
        ) : (
          withFeed.map((account) => (
            <AccountFeed
              key={account.id}
              account={account}
              platform={platformLabel(account.platform, platforms.data ?? [])}
              feed={feeds.data?.items.find((f) => f.platform === account.platform && f.handle === account.handle)}
            />
          ))
        )}
      </Stack>
    </Card>
  );
}

function AccountFeed({ account, platform, feed }: { account: SocialAccount; platform: string; feed: FeedHealth | undefined }) {
  const { t } = useTranslation();
  const consent = usePostsConsent();
  const names = { platform, handle: account.handle };
  const shown = account.posts_public ?? false;
  return (
    <Paper withBorder p="md" component="article" aria-label={`${platform} ${account.handle}`}>
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          <PlatformBadge platform={account.platform} label={platform} />
          <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
            {account.handle}
          </Text>
        </Group>
        <Switch
          label={t('feeds.postsSwitch')}
          aria-label={t('feeds.postsSwitchFor', names)}
          description={account.posts_consented_at ? formatDate(account.posts_consented_at, true) : t('feeds.postsNote')}
          checked={shown}
          disabled={consent.isPending || !account.public}
          onChange={(e) => {
            const show = e.currentTarget.checked;
            consent.mutate(
              { id: account.id, show },
              { onSuccess: () => notifySuccess(t(show ? 'feeds.postsShown' : 'feeds.postsWithdrawn')), onError: (error) => notifyError(error) },
            );
          }}
        />
        {!account.public && (
          <Text size="sm" c="dimmed">
            {t('feeds.notListedAccount')}
          </Text>
        )}
        {feed ? <FeedDetails feed={feed} /> : shown && <Text size="sm">{t('feeds.notYetRead')}</Text>}
      </Stack>
    </Paper>
  );
}

function FeedDetails({ feed }: { feed: FeedHealth }) {
  const { t } = useTranslation();
  const lines = healthLines(feed, new Date(), (value) => formatDate(value, true));
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('feeds.health.title')}
      </Title>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {t('feeds.feedAddress')}{' '}
        <Anchor href={feed.url} target="_blank" rel="noreferrer">
          {feed.url}
        </Anchor>
      </Text>
      {lines.map((line) => (
        <Alert
          key={line.key}
          color={TONE_COLOR[line.tone]}
          variant="light"
          role={line.tone === 'error' ? 'alert' : 'status'}
          styles={{ message: { overflowWrap: 'anywhere' } }}
        >
          {t(line.key, line.params)}
        </Alert>
      ))}
      <FeedFiltersForm feed={feed} />
      <FeedItemsList feedId={feed.id} />
    </Stack>
  );
}
