import { Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platformLabel } from '../../ui/platforms';
import { CommentsPanel } from '../review/CommentsPanel';
import { HistoryPanel } from '../review/HistoryPanel';
import { ReviewBar, type Roles } from '../review/ReviewBar';
import { PLATFORMS } from './counting';
import { AddVariantForm, GridMetaForm } from './GridForms';
import type { Grid, Variant } from './gridApi';
import { VariantEditor } from './VariantEditor';
import './i18n';

const EDITABLE = new Set(['draft', 'changes_requested']);

/** Variants grouped by platform (in the platforms' order), numbered per platform and language. */
export function byPlatform(variants: Variant[]): Array<{ platform: string; items: Array<{ variant: Variant; n: number }> }> {
  const order = (p: string) => {
    const i = (PLATFORMS as readonly string[]).indexOf(p);
    return i < 0 ? 99 : i;
  };
  const platforms = [...new Set(variants.map((v) => v.platform))].sort((a, b) => order(a) - order(b));
  return platforms.map((platform) => {
    const seen = new Map<string, number>();
    const items = variants
      .filter((v) => v.platform === platform)
      .sort((a, b) => a.language.localeCompare(b.language) || a.position - b.position)
      .map((variant) => {
        const n = (seen.get(variant.language) ?? 0) + 1;
        seen.set(variant.language, n);
        return { variant, n };
      });
    return { platform, items };
  });
}

/** One grid: its details, its variants by platform × language, review, comments and history. */
export function GridCard({ slug, grid, roles }: { slug: string; grid: Grid; roles: Roles }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editable = roles.committee && EDITABLE.has(grid.status);
  const headingId = `grid-${grid.id}`;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm" p="md" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} size="h4" id={headingId}>
            {grid.title}
          </Title>
          <Group gap={6}>
            <Badge variant="light">{t(`review.status.${grid.status}`, { defaultValue: grid.status })}</Badge>
            {grid.offered && <Badge color="#1f6f33">{t('grid.offered')}</Badge>}
            {grid.expired && <Badge color="gray">{t('grid.expired')}</Badge>}
            {grid.author_name && (
              <Text size="xs" c="dimmed">
                {t('grid.author', { name: grid.author_name })}
              </Text>
            )}
          </Group>
          {grid.link_url && (
            <Text size="sm">
              <a href={grid.link_url} target="_blank" rel="noopener noreferrer">
                {grid.link_url}
              </a>
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {[...grid.hashtags, ...grid.mentions].join(' ')}
            {grid.release_at && ` · ${t('grid.release')} ${new Date(grid.release_at).toLocaleString(i18n.language)}`}
            {grid.expires_at && ` · ${t('grid.expiry')} ${new Date(grid.expires_at).toLocaleString(i18n.language)}`}
          </Text>
          <Text size="xs" c="dimmed">
            {t('grid.disclosure', { text: grid.disclosure })}
          </Text>
          {grid.expired_reason && <Text size="xs">{grid.expired_reason}</Text>}
          {!editable && roles.committee && <Text size="xs">{t('grid.readOnly', { status: t(`review.status.${grid.status}`, { defaultValue: grid.status }) })}</Text>}
        </Stack>
        {editable && (
          <Button size="xs" variant="default" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
            {t('grid.edit')}
          </Button>
        )}
      </Group>
      {editing && editable && <GridMetaForm slug={slug} entryId={grid.entry_id} grid={grid} onDone={() => setEditing(false)} />}
      <ReviewBar slug={slug} grid={grid} roles={roles} />
      <Title order={3} size="h5">
        {t('grid.variants')}
      </Title>
      {byPlatform(grid.variants).map(({ platform, items }) => (
        <Stack key={platform} gap="xs" component="section" aria-label={platformLabel(platform)}>
          <Title order={4} size="h6">
            {platformLabel(platform)}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {items.map(({ variant, n }) => (
              <VariantEditor key={variant.id} slug={slug} grid={grid} variant={variant} n={n} editable={editable} />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
      {editable && <AddVariantForm slug={slug} grid={grid} />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CommentsPanel slug={slug} grid={grid} committee={roles.committee} />
        <HistoryPanel slug={slug} grid={grid} />
      </SimpleGrid>
    </Stack>
  );
}
