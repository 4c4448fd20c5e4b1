import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EDITORIAL, api } from '../../api/http';
import type { EditorialPreviewPublic } from '../../client';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import './i18n';
import { addWords } from '../networks/i18n';

addWords({
  en: { preview: { title: 'Preview: {{network}}', intro: 'Read-only preview for {{label}}, valid until {{date}}.', empty: 'Nothing planned in this preview.', credited: 'Suggested by {{name}}' } },
  fr: { preview: { title: 'Aperçu : {{network}}', intro: 'Aperçu en lecture seule pour {{label}}, valable jusqu’au {{date}}.', empty: 'Rien de prévu dans cet aperçu.', credited: 'Proposé par {{name}}' } },
});

/** What a preview link shows someone without an account: entries and their messages, names only. */
export function PreviewPage({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const preview = useQuery({
    queryKey: ['preview', token],
    queryFn: () => api.get<EditorialPreviewPublic>(`${EDITORIAL}/previews/${encodeURIComponent(token)}`),
    retry: false,
  });
  if (!preview.data) return <QueryState isPending={preview.isPending} error={preview.error} />;
  const p = preview.data;
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <Stack>
      <PageTitle title={t('preview.title', { network: p.network_name })} intro={t('preview.intro', { label: p.label, date: date(p.expires_at) })} />
      {p.entries.length === 0 && <Text>{t('preview.empty')}</Text>}
      {p.entries.map((entry, index) => (
        <Card key={`${entry.title}-${index}`} withBorder component="article" aria-labelledby={`entry-${index}`}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={2} size="h4" id={`entry-${index}`}>
                {entry.title}
              </Title>
              <Badge variant="light">{t(`calendar.kinds.${entry.kind}`, { defaultValue: entry.kind })}</Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {date(entry.starts_at)}
              {entry.credited_name && ` · ${t('preview.credited', { name: entry.credited_name })}`}
            </Text>
            {entry.description && <Text size="sm">{entry.description}</Text>}
            {entry.grids.flatMap((grid) =>
              grid.variants.map((variant, i) => (
                <Card key={`${grid.title}-${i}`} padding="sm" bg="var(--mantine-color-default-hover)">
                  <Text size="xs" fw={600}>
                    {variant.platform} · {variant.language.toUpperCase()}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {variant.text}
                  </Text>
                </Card>
              )),
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

export function PreviewRoute() {
  const { token } = useParams({ strict: false });
  return <PreviewPage token={token ?? ''} />;
}
