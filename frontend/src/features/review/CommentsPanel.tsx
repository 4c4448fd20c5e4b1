import { Button, Card, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platformLabel } from '../../ui/platforms';
import { notifyError, notifySuccess } from '../../ui/notify';
import { type Grid, useComments, useGridActions } from '../grid/gridApi';
import '../grid/i18n';

export function variantName(grid: Grid, variantId: string | null | undefined): string | null {
  const index = grid.variants.findIndex((v) => v.id === variantId);
  if (index < 0) return null;
  const v = grid.variants[index];
  const n = grid.variants.filter((o, i) => i <= index && o.platform === v.platform && o.language === v.language).length;
  return `${platformLabel(v.platform)} ${v.language.toUpperCase()} #${n}`;
}

/** Comments on the grid or on one of its variants: members read, the committee writes. */
export function CommentsPanel({ slug, grid, committee }: { slug: string; grid: Grid; committee: boolean }) {
  const { t, i18n } = useTranslation();
  const comments = useComments(slug, grid.id);
  const { comment } = useGridActions(slug, grid.entry_id);
  const [body, setBody] = useState('');
  const [about, setAbout] = useState<string>('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    comment.mutate(
      { gridId: grid.id, body: { body, variant_id: about || null } },
      {
        onSuccess: () => {
          setBody('');
          notifySuccess(t('review.commentAdded'));
        },
        onError: (error) => notifyError(error),
      },
    );
  };
  const items = comments.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-label={`${t('review.comments')}: ${grid.title}`}>
      <Stack gap="xs">
        <Title order={4} size="h6">
          {t('review.comments')}
        </Title>
        {items.length === 0 && !comments.isPending && (
          <Text size="sm" c="dimmed">
            {t('review.noComments')}
          </Text>
        )}
        {items.map((c) => (
          <Stack key={c.id} gap={0} component="article">
            <Text size="xs" c="dimmed">
              {c.author_name ?? '—'} · {new Date(c.created_at).toLocaleString(i18n.language)}
              {c.variant_id && ` · ${t('review.onVariant')} ${variantName(grid, c.variant_id) ?? ''}`}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.body}
            </Text>
          </Stack>
        ))}
        {committee && (
          <form onSubmit={submit}>
            <Stack gap="xs">
              <Select
                label={t('review.onVariant')}
                data={[{ value: '', label: t('review.wholeGrid') }, ...grid.variants.map((v) => ({ value: v.id, label: variantName(grid, v.id) ?? v.id }))]}
                value={about}
                onChange={(v) => setAbout(v ?? '')}
                allowDeselect={false}
              />
              <Textarea label={t('review.comment')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={2} maxLength={5000} />
              <Button type="submit" size="xs" w="fit-content" disabled={!body.trim()} loading={comment.isPending}>
                {t('review.addComment')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
