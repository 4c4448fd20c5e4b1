import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { PlatformBadge, platformColor } from '../../ui/PlatformBadge';
import { platformLabel } from '../../ui/platforms';
import { notifyError, notifySuccess } from '../../ui/notify';
import { type CountingRules, fetchGrid, fullText, type Grid, gridsKey, liveCount, useGridActions, type Variant } from './gridApi';
import './i18n';

/** The live counter: the platform's own count of the text with the disclosure joined, against its
 * limit (Mastodon: the network's instance's own). */
export function Counter({ id, platform, text, rules }: { id: string; platform: string; text: string; rules: CountingRules }) {
  const { t } = useTranslation();
  const { count, limit, over } = liveCount(platform, text, rules);
  return (
    <Text id={id} size="sm" fw={600} c={over ? '#b42318' : 'dimmed'} aria-live="polite" data-over={over || undefined} data-count={count}>
      <span aria-hidden>{t('grid.counter', { count, limit })}</span>
      <VisuallyHidden>{t('grid.counterLabel', { platform: platformLabel(platform), count, limit })}</VisuallyHidden>
      {over && <> · {t('grid.over', { n: count - limit })}</>}
    </Text>
  );
}

/** A rough look of the post on its platform: the full text as shared, and the link card. */
export function Preview({ platform, text, link }: { platform: string; text: string; link: string | null }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" style={{ borderLeft: `4px solid ${platformColor(platform)}` }} aria-label={`${t('grid.preview')} ${platformLabel(platform)}`} role="figure">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text}
      </Text>
      {link && (
        <Paper withBorder mt="xs" p={6} radius="sm" bg="var(--mantine-color-default-hover)">
          <Text size="xs" c="dimmed" truncate>
            {link}
          </Text>
        </Paper>
      )}
    </Paper>
  );
}

// darker than Mantine's green.9 / orange.9 (4.3:1 on white): small text needs 4.5:1
const OK_COLOR = '#1f6f33';
const SEVERITY_COLOR = { error: '#b42318', warning: '#9a3412', info: 'dimmed' } as const;

interface Props {
  slug: string;
  grid: Grid;
  variant: Variant;
  n: number;
  editable: boolean;
}

/** One variant: its text with a live counter, a preview, the server's checklist; If-Match on save,
 * and a 412 keeps the person's text while offering the other version. */
export function VariantEditor({ slug, grid, variant, n, editable }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const id = useId();
  const { updateVariant, deleteVariant } = useGridActions(slug, grid.entry_id);
  const [text, setText] = useState(variant.text);
  const [theirs, setTheirs] = useState<string | null>(null);
  // the version this edit is based on: the newest read (the list's, a save's answer, or a 412's fresh read)
  const [seen, setSeen] = useState(variant.version);
  const base = Math.max(seen, variant.version);
  const known = useRef(variant.text);
  useEffect(() => {
    // a newer read from the server replaces the field only when the person has not typed
    if (variant.text !== known.current) {
      setText((mine) => (mine === known.current ? variant.text : mine));
      known.current = variant.text;
    }
  }, [variant.text]);
  const dirty = text !== variant.text;
  const counted = liveCount(variant.platform, text, grid);
  const label = t('grid.textFor', { platform: platformLabel(variant.platform), language: variant.language.toUpperCase(), n });
  const save = () =>
    updateVariant.mutate(
      { variant: { id: variant.id, version: base }, body: { text } },
      {
        onSuccess: (saved) => {
          setSeen(saved.variants.find((v) => v.id === variant.id)?.version ?? base);
          setTheirs(null);
          notifySuccess(t('grid.variantSaved'));
        },
        onError: async (error) => {
          if (isApiError(error) && error.isStale) {
            const fresh = (await fetchGrid(slug, grid.id).catch(() => null))?.variants.find((v) => v.id === variant.id);
            if (fresh) setSeen(fresh.version);
            setTheirs(fresh?.text ?? '');
            await client.invalidateQueries({ queryKey: gridsKey(slug, grid.entry_id) });
          } else notifyError(error);
        },
      },
    );
  const remove = () =>
    deleteVariant.mutate({ ...variant, version: base }, {
      onSuccess: () => notifySuccess(t('grid.variantRemoved')),
      onError: (error) => notifyError(error),
    });
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-label={label} data-variant={variant.id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap={6}>
            <PlatformBadge platform={variant.platform} />
            <Badge variant="outline" color="gray">
              {variant.language.toUpperCase()}
            </Badge>
            <Text size="sm" c="dimmed">
              #{n}
            </Text>
            {variant.expired && (
              <Badge color="gray" title={variant.expired_reason ?? undefined}>
                {t('grid.expired')}
              </Badge>
            )}
          </Group>
          <Counter id={`${id}-count`} platform={variant.platform} text={text} rules={grid} />
        </Group>
        {variant.expired_reason && <Text size="xs" c="dimmed">{variant.expired_reason}</Text>}
        <Textarea
          aria-label={label}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={3}
          readOnly={!editable}
          aria-describedby={`${id}-count`}
          error={counted.over ? t('grid.over', { n: counted.count - counted.limit }) : undefined}
        />
        {theirs !== null && (
          <Alert color="orange" title={t('grid.conflictTitle')} role="alert">
            <Stack gap={6}>
              <Text size="sm">{t('grid.conflictIntro')}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('grid.theirVersion')} {theirs || t('grid.empty')}
              </Text>
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => setTheirs(null)}>
                  {t('grid.keepMine')}
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => {
                    setText(theirs);
                    setTheirs(null);
                  }}
                >
                  {t('grid.takeTheirs')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {editable && (
          <Group gap="xs">
            <Button size="xs" onClick={save} loading={updateVariant.isPending} disabled={!dirty || !text.trim()}>
              {t('grid.saveVariant')}
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={remove} loading={deleteVariant.isPending} aria-label={t('grid.removeVariantFor', { platform: platformLabel(variant.platform), language: variant.language.toUpperCase(), n })}>
              {t('grid.removeVariant')}
            </Button>
            {dirty && (
              <Text size="xs" c="dimmed">
                {t('grid.unsaved')}
              </Text>
            )}
          </Group>
        )}
        <Preview platform={variant.platform} text={fullText(text.trim(), grid.disclosure)} link={grid.link_url} />
        <Stack gap={2} aria-label={t('grid.checklist')} role="group">
          <Text size="xs" fw={600}>
            {t('grid.checklist')}
            {dirty && ` (${t('grid.unsaved')})`}
          </Text>
          <List size="xs" spacing={2}>
            {variant.checklist.map((check) => (
              <List.Item key={check.check} c={check.ok ? OK_COLOR : SEVERITY_COLOR[check.severity]}>
                {check.ok ? '✓ ' : '✗ '}
                {check.message}
              </List.Item>
            ))}
          </List>
        </Stack>
      </Stack>
    </Paper>
  );
}
