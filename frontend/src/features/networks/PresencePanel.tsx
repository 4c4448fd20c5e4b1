import { Badge, Group, List, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../ui/QueryState';
import { ScrollTable } from '../../ui/ScrollTable';
import { usePresence, useRecommendation } from './networksApi';
import { PresenceGraph } from './PresenceGraph';

/** Who is present on which platform: a matrix (the accessible form), a graph, and the platforms
 * Relais recommends for this network with the reasons. */
export function PresencePanel({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const presence = usePresence(slug);
  const recommendation = useRecommendation(slug);
  if (!presence.data) return <QueryState isPending={presence.isPending} error={presence.error} />;
  const { platforms, people, externals, graph, total_people } = presence.data;
  const rows = [
    ...people.map((p) => ({ id: p.id, name: p.display_name, extra: p.role ? t(`networks.role.${p.role}`) : '', presences: p.presences })),
    ...externals.map((x) => ({ id: x.id, name: x.name, extra: t(`networks.externals.kinds.${x.kind}`), presences: x.presences })),
  ];
  return (
    <Stack gap="lg">
      <Text c="dimmed">
        {t('networks.presence.intro')} {t('networks.presence.people', { count: total_people })}
      </Text>
      <ScrollTable label={t('networks.presence.matrix')} minWidth={120 + platforms.length * 90}>
        <Table withColumnBorders>
          <Table.Caption>{t('networks.presence.matrix')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('networks.presence.person')}</Table.Th>
              {platforms.map((p) => (
                <Table.Th scope="col" key={p.id} ta="center">
                  {p.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Th scope="row" fw={500}>
                  {row.name}
                  {row.extra && <Text span size="xs" c="dimmed"> · {row.extra}</Text>}
                </Table.Th>
                {platforms.map((p) => {
                  const on = row.presences.find((x) => x.platform === p.id);
                  return (
                    <Table.Td key={p.id} ta="center">
                      {on ? (
                        <a href={on.profile_url} rel="noopener noreferrer" target="_blank" title={on.handle}>
                          <IconCheck size={16} aria-hidden />
                          <VisuallyHidden>{`${t('networks.presence.present')}: ${on.handle}`}</VisuallyHidden>
                        </a>
                      ) : (
                        <VisuallyHidden>{t('app.none')}</VisuallyHidden>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('networks.presence.totals')}</Table.Th>
              {platforms.map((p) => (
                <Table.Td key={p.id} ta="center" fw={600}>
                  {p.people + p.externals}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollTable>
      <PresenceGraph graph={graph} label={t('networks.presence.graph')} />
      {recommendation.data && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('networks.presence.recommendation')}
          </Title>
          <List type="ordered" spacing="xs">
            {recommendation.data.items.map((r) => (
              <List.Item key={r.platform}>
                <Group gap={6}>
                  <Text fw={600}>{r.label}</Text>
                  <Badge size="sm" variant="light">{r.score}</Badge>
                </Group>
                <Text size="sm">{r.text}</Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
