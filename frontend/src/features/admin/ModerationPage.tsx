import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useModerate, useModerationQueue } from '../../api/queries/admin';
import { usePlatforms } from '../../api/queries/reference';
import type { ModerationItem } from '../../api/model';
import { formatDate } from '../../i18n';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { platformLabel } from '../../ui/platforms';
import { QueryState } from '../../ui/QueryState';

function ItemCard({ item, onReject }: { item: ModerationItem; onReject: (item: ModerationItem) => void }) {
  const { t } = useTranslation();
  const { approve } = useModerate();
  const platforms = usePlatforms();
  const name = item.display_name;
  return (
    <Card component="li">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={6}>
          <Title order={2} size="h4">
            {name}
          </Title>
          <Text size="sm" c="dimmed">
            {[item.job_title, item.department?.name, item.email].filter(Boolean).join(' · ')}
          </Text>
          {item.consented_at && <Text size="xs">{formatDate(item.consented_at, true)}</Text>}
          <Group gap={6}>
            {(item.themes ?? []).map((theme) => (
              <Badge key={theme.id} variant="light" tt="none">
                {theme.name}
              </Badge>
            ))}
          </Group>
          <Group gap={6}>
            {(item.accounts ?? []).map((account) => (
              <a key={account.id} href={account.profile_url} target="_blank" rel="noreferrer">
                <PlatformBadge platform={account.platform} label={`${platformLabel(account.platform, platforms.data)} · ${account.handle}`} />
              </a>
            ))}
          </Group>
        </Stack>
        <Group>
          <Button variant="outline" color="red.8" onClick={() => onReject(item)} aria-label={t('admin.rejectFor', { name })}>
            {t('admin.reject')}
          </Button>
          <Button
            aria-label={t('admin.approveFor', { name })}
            loading={approve.isPending && approve.variables === item.ambassador_id}
            onClick={() =>
              approve.mutate(item.ambassador_id, {
                onSuccess: () => notifySuccess(t('admin.approved')),
                onError: (error) => notifyError(error),
              })
            }
          >
            {t('admin.approve')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}

export function ModerationPage() {
  const { t } = useTranslation();
  const queue = useModerationQueue();
  const { reject } = useModerate();
  const [target, setTarget] = useState<ModerationItem | null>(null);
  const [reason, setReason] = useState('');

  const confirmReject = (event: React.FormEvent) => {
    event.preventDefault();
    if (!target) return;
    reject.mutate(
      { id: target.ambassador_id, reason: reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('admin.rejected'));
          setTarget(null);
          setReason('');
        },
        onError: (error) => notifyError(error),
      },
    );
  };

  return (
    <section aria-label={t('admin.moderation')}>
      <QueryState isPending={queue.isPending} error={queue.error} onRetry={() => void queue.refetch()} />
      {queue.data?.length === 0 && <Alert color="relay">{t('admin.queueEmpty')}</Alert>}
      <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0 }}>
        {queue.data?.map((item) => <ItemCard key={item.ambassador_id} item={item} onReject={setTarget} />)}
      </Stack>
      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={t('admin.rejectTitle', { name: target?.display_name ?? '' })}
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <form onSubmit={confirmReject} noValidate>
          <Stack>
            <Textarea label={t('admin.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={3} data-autofocus />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTarget(null)}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" color="red.8" disabled={!reason.trim()} loading={reject.isPending}>
                {t('admin.reject')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </section>
  );
}
