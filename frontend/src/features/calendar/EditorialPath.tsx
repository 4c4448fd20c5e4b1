import { ActionIcon, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useCalendarActions, useEntryChoices, usePath } from './calendarApi';

/** The ordered editorial path: entries sequenced as one story, reordered with buttons (keyboard). */
export function EditorialPath({ slug, committee }: { slug: string; committee: boolean }) {
  const { t } = useTranslation();
  const path = usePath(slug);
  const { setPath } = useCalendarActions(slug);
  const [adding, setAdding] = useState<string | null>(null);
  const items = path.data?.items ?? [];
  const ids = items.map((item) => item.id);
  const save = (next: string[]) =>
    setPath.mutate(
      { ids: next, etag: path.data?.etag ?? null },
      { onSuccess: () => notifySuccess(t('calendar.pathSaved')), onError: (error) => notifyError(error) },
    );
  const move = (index: number, by: number) => {
    const next = [...ids];
    const [id] = next.splice(index, 1);
    next.splice(index + by, 0, id);
    save(next);
  };
  return (
    <Card withBorder component="section" aria-labelledby="editorial-path">
      <Stack gap="sm">
        <Title order={3} size="h5" id="editorial-path">
          {t('calendar.path')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('calendar.pathIntro')}
        </Text>
        {items.length === 0 && <Text size="sm">{t('calendar.pathEmpty')}</Text>}
        <Stack component="ol" gap={4} style={{ paddingInlineStart: 20, margin: 0 }}>
          {items.map((item, index) => (
            <li key={item.id}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {item.title}{' '}
                  <Text span c="dimmed" size="xs">
                    {new Date(item.starts_at).toLocaleDateString()}
                  </Text>
                </Text>
                {committee && (
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" disabled={index === 0} aria-label={t('calendar.moveUp', { title: item.title })} onClick={() => move(index, -1)}>
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" disabled={index === items.length - 1} aria-label={t('calendar.moveDown', { title: item.title })} onClick={() => move(index, 1)}>
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={t('calendar.removeFromPath', { title: item.title })} onClick={() => save(ids.filter((id) => id !== item.id))}>
                      <IconX size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                )}
              </Group>
            </li>
          ))}
        </Stack>
        {committee && <AddToPath slug={slug} exclude={ids} value={adding} onChange={setAdding} onAdd={(id) => (save([...ids, id]), setAdding(null))} />}
      </Stack>
    </Card>
  );
}

function AddToPath({ slug, exclude, value, onChange, onAdd }: { slug: string; exclude: string[]; value: string | null; onChange: (v: string | null) => void; onAdd: (id: string) => void }) {
  const { t } = useTranslation();
  const entries = useEntryChoices(slug);
  const data = entries.filter((e) => !exclude.includes(e.value));
  return (
    <Group align="flex-end">
      <Select label={t('calendar.addToPath')} data={data} value={value} onChange={onChange} searchable style={{ flex: 1 }} />
      <Button disabled={!value} onClick={() => value && onAdd(value)}>
        {t('calendar.addToPath')}
      </Button>
    </Group>
  );
}
