import { Alert, Button, Card, Group, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { platformLabel } from '../../ui/platforms';
import { notifyError, notifySuccess } from '../../ui/notify';
import { fromLocalInput, toLocalInput } from '../calendar/RescheduleDialog';
import { PLATFORMS } from './counting';
import { type Grid, useGridActions } from './gridApi';
import { Counter } from './VariantEditor';
import './i18n';

export const LANGUAGES = ['fr', 'en', 'de', 'es', 'it', 'nl', 'pt'];
const words = (value: string) => value.split(/[\s,]+/).filter(Boolean);

interface Meta {
  title: string;
  link: string;
  hashtags: string;
  mentions: string;
  release: string;
  expiry: string;
}

function metaOf(grid: Grid | null): Meta {
  return {
    title: grid?.title ?? '',
    link: grid?.link_url ?? '',
    hashtags: grid?.hashtags.join(' ') ?? '',
    mentions: grid?.mentions.join(' ') ?? '',
    release: grid?.release_at ? toLocalInput(grid.release_at) : '',
    expiry: grid?.expires_at ? toLocalInput(grid.expires_at) : '',
  };
}

function bodyOf(meta: Meta) {
  return {
    title: meta.title,
    link_url: meta.link.trim() || null,
    hashtags: words(meta.hashtags),
    mentions: words(meta.mentions),
    release_at: meta.release ? fromLocalInput(meta.release) : null,
    expires_at: meta.expiry ? fromLocalInput(meta.expiry) : null,
  };
}

/** A grid's details: title, linked content, hashtags, mentions, release and expiry. New or edited. */
export function GridMetaForm({ slug, entryId, grid, defaultLink, onDone }: { slug: string; entryId: string; grid: Grid | null; defaultLink?: string | null; onDone?: () => void }) {
  const { t } = useTranslation();
  const { create, update } = useGridActions(slug, entryId);
  const [meta, setMeta] = useState<Meta>(() => ({ ...metaOf(grid), link: grid ? (grid.link_url ?? '') : (defaultLink ?? '') }));
  const [stale, setStale] = useState(false);
  const set = (field: keyof Meta) => (e: { currentTarget: { value: string } }) => setMeta({ ...meta, [field]: e.currentTarget.value });
  const mutation = grid ? update : create;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = {
      onSuccess: () => {
        setStale(false);
        notifySuccess(t(grid ? 'grid.saved' : 'grid.created'));
        if (!grid) setMeta(metaOf(null));
        onDone?.();
      },
      onError: (error: Error) => (isApiError(error) && error.isStale ? setStale(true) : notifyError(error)),
    };
    if (grid) update.mutate({ grid, body: bodyOf(meta) }, done);
    else create.mutate(bodyOf(meta), done);
  };
  const headingId = grid ? `grid-meta-${grid.id}` : 'grid-new';
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={3} size="h5" id={headingId}>
            {grid ? t('grid.edit') : t('grid.create')}
          </Title>
          {stale && (
            <Alert color="orange" role="alert">
              {t('grid.gridConflict')}
            </Alert>
          )}
          <TextInput label={t('grid.title')} required value={meta.title} onChange={set('title')} maxLength={200} />
          <TextInput type="url" label={t('grid.link')} value={meta.link} onChange={set('link')} placeholder="https://" />
          <Group grow align="flex-start">
            <TextInput label={t('grid.hashtags')} description={t('grid.hashtagsHint')} value={meta.hashtags} onChange={set('hashtags')} />
            <TextInput label={t('grid.mentions')} description={t('grid.hashtagsHint')} value={meta.mentions} onChange={set('mentions')} />
          </Group>
          <Group grow align="flex-start">
            <TextInput type="datetime-local" label={t('grid.release')} value={meta.release} onChange={set('release')} />
            <TextInput type="datetime-local" label={t('grid.expiry')} value={meta.expiry} onChange={set('expiry')} />
          </Group>
          <Button type="submit" w="fit-content" loading={mutation.isPending} disabled={!meta.title.trim()}>
            {grid ? t('grid.save') : t('grid.create')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

/** A new variant for a platform and language, counted live as the platform will count it. */
export function AddVariantForm({ slug, grid }: { slug: string; grid: Grid }) {
  const { t } = useTranslation();
  const { addVariant } = useGridActions(slug, grid.entry_id);
  const [platform, setPlatform] = useState<string>('linkedin');
  const [language, setLanguage] = useState<string>('fr');
  const [text, setText] = useState('');
  const [stale, setStale] = useState(false);
  const id = `add-variant-${grid.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    addVariant.mutate(
      { grid, body: { platform: platform as (typeof PLATFORMS)[number], language, text } },
      {
        onSuccess: () => {
          setText('');
          setStale(false);
          notifySuccess(t('grid.variantAdded'));
        },
        onError: (error) => (isApiError(error) && error.isStale ? setStale(true) : notifyError(error)),
      },
    );
  };
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Title order={4} size="h6" id={id}>
            {t('grid.addVariant')}
          </Title>
          {stale && (
            <Alert color="orange" role="alert">
              {t('grid.gridConflict')}
            </Alert>
          )}
          <Group grow align="flex-start">
            <Select label={t('grid.platform')} data={PLATFORMS.map((p) => ({ value: p, label: platformLabel(p) }))} value={platform} onChange={(v) => v && setPlatform(v)} allowDeselect={false} />
            <Select label={t('grid.language')} data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))} value={language} onChange={(v) => v && setLanguage(v)} allowDeselect={false} />
          </Group>
          <Textarea label={t('grid.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} aria-describedby={`${id}-count`} />
          <Counter id={`${id}-count`} platform={platform} text={text} rules={grid} />
          <Button type="submit" size="xs" w="fit-content" disabled={!text.trim()} loading={addVariant.isPending}>
            {t('grid.addVariant')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
