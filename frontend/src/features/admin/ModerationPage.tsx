import { Alert, Badge, Button, Card, Checkbox, Group, Modal, Stack, Switch, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlatforms } from '../../api/queries/reference';
import { formatDate } from '../../i18n';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { platformLabel } from '../../ui/platforms';
import { QueryState } from '../../ui/QueryState';
import { MAX_BULK, useBulkDecision, useDecision, useModerationItems, usePolicy, useSetPolicy, type ModerationItem } from './adminApi';

function shown(value: string | string[]): string {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** What changed since the approved version: field, approved, proposed. */
function ChangesTable({ item }: { item: ModerationItem }) {
  const { t } = useTranslation();
  if (!item.changes.length) return null;
  return (
    <Table withTableBorder aria-label={t('admin.changesFor', { name: item.display_name })} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="20%">{t('admin.field')}</Table.Th>
          <Table.Th>{t('admin.approvedVersion')}</Table.Th>
          <Table.Th>{t('admin.proposedVersion')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {item.changes.map((change) => (
          <Table.Tr key={change.field}>
            <Table.Td fw={600}>{t(`admin.fields.${change.field}`)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{shown(change.approved) || '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{shown(change.proposed) || '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface CardProps {
  item: ModerationItem;
  selected: boolean;
  onSelect: (id: string, on: boolean) => void;
  onReject: (items: ModerationItem[]) => void;
}

function ItemCard({ item, selected, onSelect, onReject }: CardProps) {
  const { t } = useTranslation();
  const decide = useDecision();
  const platforms = usePlatforms();
  const name = item.display_name;
  const submitted = item.submitted_at ?? item.consented_at;
  return (
    <Card component="li" aria-label={name}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Group align="flex-start" gap="sm" wrap="nowrap">
            <Checkbox mt={6} checked={selected} onChange={(e) => onSelect(item.ambassador_id, e.currentTarget.checked)} aria-label={t('admin.selectFor', { name })} />
            <Stack gap={4}>
              <Group gap="xs">
                <Title order={2} size="h4">
                  {name}
                </Title>
                <Badge variant="light" color={item.kind === 'change' ? 'ember' : 'relay'} miw="max-content">
                  {t(item.kind === 'change' ? 'admin.kindChange' : 'admin.kindListing')}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {[item.job_title, item.department?.name, item.location, item.email].filter(Boolean).join(' · ')}
              </Text>
              {submitted && <Text size="xs">{t('admin.submitted', { date: formatDate(submitted, true) })}</Text>}
            </Stack>
          </Group>
          <Group>
            <Button variant="outline" color="red.8" onClick={() => onReject([item])} aria-label={t('admin.rejectFor', { name })}>
              {t('admin.reject')}
            </Button>
            <Button
              aria-label={t('admin.approveFor', { name })}
              loading={decide.isPending}
              onClick={() =>
                decide.mutate(
                  { id: item.ambassador_id, action: 'approve' },
                  { onSuccess: () => notifySuccess(t('admin.approved')), onError: (error) => notifyError(error) },
                )
              }
            >
              {t('admin.approve')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span fw={600}>
            {t('profile.bio')}:{' '}
          </Text>
          {item.bio || t('profile.emptyValue')}
        </Text>
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {t('profile.themes')}:
          </Text>
          {item.themes.length ? (
            item.themes.map((theme) => (
              <Badge key={theme.id} variant="light" tt="none">
                {theme.name}
              </Badge>
            ))
          ) : (
            <Text size="sm">{t('profile.emptyValue')}</Text>
          )}
        </Group>
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('admin.accounts')}>
          {item.accounts.map((account) => (
            <Group component="li" key={account.id} gap="xs">
              <a href={account.profile_url} target="_blank" rel="noreferrer">
                <PlatformBadge platform={account.platform} label={`${platformLabel(account.platform, platforms.data)} · ${account.handle}`} />
              </a>
              <Badge variant={account.public ? 'filled' : 'outline'} color={account.public ? 'relay' : 'gray'} size="sm">
                {t(account.public ? 'admin.accountPublic' : 'admin.accountPrivate')}
              </Badge>
            </Group>
          ))}
        </Stack>
        <ChangesTable item={item} />
      </Stack>
    </Card>
  );
}

function PolicyCard() {
  const { t } = useTranslation();
  const policy = usePolicy();
  const setPolicy = useSetPolicy();
  if (!policy.data) return null;
  return (
    <Card>
      <Switch
        size="md"
        label={t('admin.moderateChanges')}
        description={t('admin.moderateChangesHint')}
        checked={policy.data.data.moderate_changes}
        disabled={setPolicy.isPending}
        onChange={(e) =>
          setPolicy.mutate(
            { moderate_changes: e.currentTarget.checked, etag: policy.data.etag },
            { onSuccess: () => notifySuccess(t('admin.policySaved')), onError: (error) => notifyError(error) },
          )
        }
      />
    </Card>
  );
}

export function ModerationPage() {
  const { t } = useTranslation();
  const queue = useModerationItems();
  const bulk = useBulkDecision();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [targets, setTargets] = useState<ModerationItem[]>([]);
  const [reason, setReason] = useState('');
  const items = queue.data ?? [];
  const chosen = items.filter((item) => selected.has(item.ambassador_id));

  const select = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const run = (action: 'approve' | 'reject', list: ModerationItem[], why?: string) =>
    bulk.mutate(
      { action, ambassador_ids: list.slice(0, MAX_BULK).map((i) => i.ambassador_id), reason: why },
      {
        onSuccess: ({ results }) => {
          const done = results.filter((r) => r.status === 200).length;
          const refused = results.length - done;
          notifySuccess(t(action === 'approve' ? 'admin.bulkApproved' : 'admin.bulkRejected', { count: done }) + (refused ? ` ${t('admin.bulkRefused', { count: refused })}` : ''));
          setSelected(new Set());
          setTargets([]);
          setReason('');
        },
        onError: (error) => notifyError(error),
      },
    );

  const confirmReject = (event: React.FormEvent) => {
    event.preventDefault();
    if (targets.length) run('reject', targets, reason.trim());
  };

  return (
    <section aria-label={t('admin.moderation')}>
      <Stack gap="md">
        <PolicyCard />
        <QueryState isPending={queue.isPending} error={queue.error} onRetry={() => void queue.refetch()} />
        {queue.data?.length === 0 && <Alert color="relay">{t('admin.queueEmpty')}</Alert>}
        {items.length > 0 && (
          <Group justify="space-between" wrap="wrap">
            <Checkbox
              label={t('admin.selectAll')}
              checked={chosen.length === items.length}
              indeterminate={chosen.length > 0 && chosen.length < items.length}
              onChange={(e) => setSelected(e.currentTarget.checked ? new Set(items.slice(0, MAX_BULK).map((i) => i.ambassador_id)) : new Set())}
            />
            <Group>
              <Button variant="outline" color="red.8" disabled={!chosen.length} onClick={() => setTargets(chosen)}>
                {chosen.length ? t('admin.rejectSelected', { count: chosen.length }) : t('admin.rejectNone')}
              </Button>
              <Button disabled={!chosen.length} loading={bulk.isPending && !targets.length} onClick={() => run('approve', chosen)}>
                {chosen.length ? t('admin.approveSelected', { count: chosen.length }) : t('admin.approveNone')}
              </Button>
            </Group>
          </Group>
        )}
        <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <ItemCard key={item.ambassador_id} item={item} selected={selected.has(item.ambassador_id)} onSelect={select} onReject={setTargets} />
          ))}
        </Stack>
      </Stack>
      <Modal
        opened={targets.length > 0}
        onClose={() => setTargets([])}
        title={targets.length === 1 ? t('admin.rejectTitle', { name: targets[0].display_name }) : t('admin.rejectManyTitle', { count: targets.length })}
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <form onSubmit={confirmReject} noValidate>
          <Stack>
            <Textarea label={t('admin.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={3} maxLength={600} data-autofocus />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTargets([])}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" color="red.8" disabled={!reason.trim()} loading={bulk.isPending}>
                {t('admin.reject')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </section>
  );
}
