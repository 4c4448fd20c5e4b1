import { ActionIcon, Badge, Button, Card, Group, Modal, Select, Stack, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArchive, IconArrowMerge, IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useTaxonomy, useTaxonomyMutations, type TaxonomyKind } from '../../api/queries/taxonomy';
import type { Department, Theme } from '../../api/model';
import { notifyError, notifySuccess } from '../../ui/notify';
import { QueryState } from '../../ui/QueryState';
import { ScrollTable } from '../../ui/ScrollTable';

type Item = Department | Theme;
const count = (item: Item) => ('member_count' in item ? item.member_count : item.ambassador_count);

function CreateForm({ kind }: { kind: TaxonomyKind }) {
  const { t } = useTranslation();
  const { create } = useTaxonomyMutations(kind);
  const [name, setName] = useState('');
  const error = isApiError(create.error) ? create.error.fieldMessage('name') : undefined;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim() },
      { onSuccess: () => (notifySuccess(t('admin.created')), setName('')), onError: (e) => notifyError(e) },
    );
  };
  return (
    <Group component="form" onSubmit={submit} align="flex-end">
      <TextInput label={t(`admin.createLabel.${kind}`)} value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} style={{ flex: 1 }} />
      <Button type="submit" disabled={!name.trim()} loading={create.isPending}>
        {t('admin.create')}
      </Button>
    </Group>
  );
}

function Row({ kind, item, onMerge }: { kind: TaxonomyKind; item: Item; onMerge: (item: Item) => void }) {
  const { t } = useTranslation();
  const { rename, archive } = useTaxonomyMutations(kind);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(item.name);
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    rename.mutate(
      { item, name: name.trim() },
      {
        onSuccess: () => (notifySuccess(t('admin.renamed')), setEditing(false)),
        onError: (error) => notifyError(error, { onReload: () => (setEditing(false), setName(item.name)) }),
      },
    );
  };
  return (
    <Table.Tr>
      <Table.Td>
        {editing ? (
          <Group component="form" onSubmit={save} gap={4} wrap="nowrap">
            {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the person just pressed “Rename”: the name field takes the focus */}
            <TextInput size="xs" aria-label={t('admin.newName')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus autoFocus />
            <ActionIcon type="submit" aria-label={t('app.save')} loading={rename.isPending}>
              <IconCheck size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="default" aria-label={t('app.cancel')} onClick={() => (setEditing(false), setName(item.name))}>
              <IconX size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ) : (
          <Group gap="xs">
            <Text fw={600}>{item.name}</Text>
            {item.archived_at && <Badge color="gray" size="xs">{t('admin.archivedBadge')}</Badge>}
          </Group>
        )}
      </Table.Td>
      <Table.Td>{count(item)}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('admin.rename')}>
            <ActionIcon variant="subtle" aria-label={t('admin.renameFor', { name: item.name })} onClick={() => setEditing(true)}>
              <IconPencil size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('admin.merge')}>
            <ActionIcon variant="subtle" aria-label={t('admin.mergeFor', { name: item.name })} onClick={() => onMerge(item)}>
              <IconArrowMerge size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          {!item.archived_at && (
            <Tooltip label={t('admin.archive')}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('admin.archiveFor', { name: item.name })}
                onClick={() => archive.mutate(item.id, { onSuccess: () => notifySuccess(t('admin.archived')), onError: (e) => notifyError(e) })}
              >
                <IconArchive size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function MergeModal({ kind, source, items, onClose }: { kind: TaxonomyKind; source: Item | null; items: Item[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { merge } = useTaxonomyMutations(kind);
  const [into, setInto] = useState<string | null>(null);
  const targets = items.filter((i) => i.id !== source?.id && !i.archived_at).map((i) => ({ value: i.id, label: i.name }));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!source || !into) return;
    merge.mutate({ id: source.id, intoId: into }, { onSuccess: () => (notifySuccess(t('admin.merged')), onClose()), onError: (e) => notifyError(e) });
  };
  return (
    <Modal opened={source !== null} onClose={onClose} title={t('admin.mergeTitle', { name: source?.name ?? '' })} closeButtonProps={{ 'aria-label': t('app.close') }}>
      <Stack component="form" onSubmit={submit}>
        <Select label={t('admin.mergeInto')} data={targets} value={into} onChange={setInto} searchable data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('app.cancel')}</Button>
          <Button type="submit" disabled={!into} loading={merge.isPending}>{t('admin.merge')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function TaxonomyAdmin({ kind }: { kind: TaxonomyKind }) {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const list = useTaxonomy(kind, showArchived);
  const [merging, setMerging] = useState<Item | null>(null);
  const items: Item[] = list.data ?? [];
  return (
    <Card>
      <Stack>
        <CreateForm kind={kind} />
        <Switch label={t('admin.showArchived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
        <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} />
        {list.data && items.length === 0 && <Text c="dimmed">{t('admin.empty')}</Text>}
        {items.length > 0 && (
          <ScrollTable label={t(`admin.${kind}`)} minWidth={480}>
            <Table verticalSpacing="sm" aria-label={t(`admin.${kind}`)}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.name')}</Table.Th>
                  <Table.Th>{t(`admin.countLabel.${kind}`)}</Table.Th>
                  <Table.Th>{t('admin.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Row key={`${item.id}.${item.version}`} kind={kind} item={item} onMerge={setMerging} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
      <MergeModal key={merging?.id ?? 'none'} kind={kind} source={merging} items={items} onClose={() => setMerging(null)} />
    </Card>
  );
}
