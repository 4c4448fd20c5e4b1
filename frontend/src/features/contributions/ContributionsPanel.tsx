import { Badge, Button, Card, Group, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EDITORIAL, api } from '../../api/http';
import type { EditorialAcceptance, EditorialContributionCreate, EditorialPageContributionRead, EditorialContributionRead, EditorialInboxCount } from '../../client';
import { notifyError, notifySuccess } from '../../ui/notify';
import { QueryState } from '../../ui/QueryState';
import { fromLocalInput } from '../calendar/RescheduleDialog';
import './i18n';

const base = (slug: string) => `${EDITORIAL}/networks/${encodeURIComponent(slug)}/contributions`;

function useContributions(slug: string, enabled: boolean) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['contributions', slug] });
  return {
    inbox: useQuery({ queryKey: ['contributions', slug, 'pending'], queryFn: () => api.get<EditorialPageContributionRead>(base(slug), { status: 'pending', limit: 100 }), enabled }),
    count: useQuery({ queryKey: ['contributions', slug, 'count'], queryFn: () => api.get<EditorialInboxCount>(`${base(slug)}/count`), enabled }),
    submit: useMutation({ mutationFn: (body: EditorialContributionCreate) => api.post<EditorialContributionRead>(base(slug), body), onSettled: refresh }),
    accept: useMutation({ mutationFn: ({ id, body }: { id: string; body: EditorialAcceptance }) => api.post(`${base(slug)}/${id}/accept`, body), onSettled: refresh }),
    decline: useMutation({ mutationFn: ({ id, note }: { id: string; note: string }) => api.post(`${base(slug)}/${id}/decline`, { note }), onSettled: refresh }),
  };
}

function SuggestForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { submit } = useContributions(slug, false);
  const [kind, setKind] = useState<'link' | 'draft'>('link');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState('');
  const send = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate(
      { kind, title, url: kind === 'link' ? url : null, draft: kind === 'draft' ? draft : '', note },
      {
        onSuccess: () => {
          notifySuccess(t('contributions.sent'));
          setTitle('');
          setUrl('');
          setDraft('');
          setNote('');
        },
        onError: (error) => notifyError(error),
      },
    );
  };
  return (
    <Card withBorder component="section" aria-labelledby="suggest-content">
      <form onSubmit={send}>
        <Stack gap="sm">
          <Title order={3} size="h5" id="suggest-content">
            {t('contributions.suggest')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('contributions.suggestIntro')}
          </Text>
          <SegmentedControl
            w="fit-content"
            value={kind}
            onChange={(v) => setKind(v as 'link' | 'draft')}
            data={[
              { value: 'link', label: t('contributions.link') },
              { value: 'draft', label: t('contributions.draft') },
            ]}
          />
          <TextInput label={t('contributions.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} />
          {kind === 'link' ? (
            <TextInput type="url" label={t('contributions.url')} required value={url} onChange={(e) => setUrl(e.currentTarget.value)} placeholder="https://" />
          ) : (
            <Textarea label={t('contributions.draftText')} required value={draft} onChange={(e) => setDraft(e.currentTarget.value)} autosize minRows={3} />
          )}
          <Textarea label={t('contributions.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
          <Button type="submit" w="fit-content" loading={submit.isPending} disabled={!title.trim()}>
            {t('contributions.send')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function Decide({ slug, item }: { slug: string; item: EditorialContributionRead }) {
  const { t } = useTranslation();
  const { accept, decline } = useContributions(slug, false);
  const [when, setWhen] = useState('');
  const [note, setNote] = useState('');
  const fail = (error: unknown) => notifyError(error);
  const intoEntry = () => {
    const starts = fromLocalInput(when);
    const ends = new Date(new Date(starts).getTime() + 3_600_000).toISOString();
    accept.mutate(
      { id: item.id, body: { into: 'entry', note, entry: { starts_at: starts, ends_at: ends, kind: 'topic' } } },
      { onSuccess: () => notifySuccess(t('contributions.accepted', { name: item.author_name })), onError: fail },
    );
  };
  return (
    <Stack gap="xs">
      <Group align="flex-end" grow>
        <TextInput type="datetime-local" label={t('contributions.when')} value={when} onChange={(e) => setWhen(e.currentTarget.value)} />
        <TextInput label={t('contributions.decisionNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      </Group>
      <Group gap="xs">
        <Button size="xs" disabled={!when} onClick={intoEntry} aria-label={`${t('contributions.acceptEntry')}: ${item.title}`}>
          {t('contributions.acceptEntry')}
        </Button>
        <Button
          size="xs"
          variant="light"
          onClick={() => accept.mutate({ id: item.id, body: { into: 'brief', note, brief: { title: item.title } } }, { onError: fail })}
          aria-label={`${t('contributions.acceptBrief')}: ${item.title}`}
        >
          {t('contributions.acceptBrief')}
        </Button>
        <Button
          size="xs"
          variant="default"
          disabled={!note.trim()}
          onClick={() => decline.mutate({ id: item.id, note }, { onError: fail })}
          aria-label={`${t('contributions.decline')}: ${item.title}`}
        >
          {t('contributions.decline')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Any ambassador suggests content to the network; the committee accepts it (author credited) or declines. */
export function ContributionsPanel({ slug, committee }: { slug: string; committee: boolean }) {
  const { t } = useTranslation();
  const { inbox, count } = useContributions(slug, committee);
  return (
    <Stack gap="lg">
      <SuggestForm slug={slug} />
      {committee && (
        <Stack gap="sm" component="section" aria-labelledby="contributions-inbox">
          <Group gap="xs">
            <Title order={3} size="h5" id="contributions-inbox">
              {t('contributions.inbox')}
            </Title>
            {count.data && <Badge aria-label={t('contributions.waiting', { count: count.data.pending })}>{count.data.pending}</Badge>}
          </Group>
          <QueryState isPending={inbox.isPending} error={inbox.error} />
          {inbox.data?.items.length === 0 && <Text c="dimmed">{t('contributions.empty')}</Text>}
          {inbox.data?.items.map((item) => (
            <Card key={item.id} withBorder component="article" aria-label={item.title}>
              <Stack gap={6}>
                <Text fw={600}>
                  {item.url ? (
                    <a href={item.url} target="_blank" rel="noopener noreferrer">
                      {item.title}
                    </a>
                  ) : (
                    item.title
                  )}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('contributions.by', { name: item.author_name, date: new Date(item.created_at).toLocaleDateString() })}
                </Text>
                {item.draft && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{item.draft}</Text>}
                {item.note && <Text size="sm">{item.note}</Text>}
                <Decide slug={slug} item={item} />
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
