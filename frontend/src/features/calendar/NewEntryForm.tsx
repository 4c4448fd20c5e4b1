import { Button, Card, Group, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useNetwork } from '../networks/networksApi';
import { type EntryKind, useCalendarActions } from './calendarApi';
import { fromLocalInput } from './RescheduleDialog';

const KINDS: EntryKind[] = ['launch', 'event', 'topic', 'campaign'];

/** The committee plans an entry: a launch, an event, a topic or a campaign, with its linked content. */
export function NewEntryForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const network = useNetwork(slug);
  const { create } = useCalendarActions(slug);
  const [kind, setKind] = useState<EntryKind>('launch');
  const [title, setTitle] = useState('');
  const [starts, setStarts] = useState('');
  const [ends, setEnds] = useState('');
  const [contentUrl, setContentUrl] = useState('');
  const [theme, setTheme] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        kind,
        title,
        description,
        starts_at: fromLocalInput(starts),
        ends_at: ends ? fromLocalInput(ends) : null,
        content_url: contentUrl.trim() || null,
        theme_slug: theme,
      },
      {
        onSuccess: () => {
          notifySuccess(t('calendar.added'));
          setTitle('');
          setContentUrl('');
          setDescription('');
        },
        onError: (error) => notifyError(error),
      },
    );
  };
  return (
    <Card withBorder component="section" aria-labelledby="new-entry">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={3} size="h5" id="new-entry">
            {t('calendar.add')}
          </Title>
          <Group grow align="flex-start">
            <Select
              label={t('calendar.kind')}
              data={KINDS.map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as EntryKind)}
              allowDeselect={false}
            />
            <Select
              label={t('calendar.theme')}
              data={(network.data?.themes ?? []).map((th) => ({ value: th.slug, label: th.name }))}
              value={theme}
              onChange={setTheme}
              clearable
            />
          </Group>
          <TextInput label={t('calendar.entryTitle')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} />
          <Group grow align="flex-start">
            <TextInput type="datetime-local" label={t('calendar.starts')} required value={starts} onChange={(e) => setStarts(e.currentTarget.value)} />
            <TextInput type="datetime-local" label={t('calendar.ends')} value={ends} onChange={(e) => setEnds(e.currentTarget.value)} />
          </Group>
          <TextInput type="url" label={t('calendar.contentUrl')} value={contentUrl} onChange={(e) => setContentUrl(e.currentTarget.value)} placeholder="https://" />
          <Textarea label={t('calendar.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} />
          <Button type="submit" w="fit-content" loading={create.isPending} disabled={!title.trim() || !starts}>
            {t('calendar.add')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
