import { Button, Card, Code, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../ui/ScrollTable';
import { type Grid, useHistory } from '../grid/gridApi';
import '../grid/i18n';

interface Change {
  field: string;
  before: unknown;
  after: unknown;
  diff?: string;
}

const show = (value: unknown): string => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** Who changed what and when, with the diff of each field (texts as unified diffs). */
export function HistoryPanel({ slug, grid }: { slug: string; grid: Grid }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const history = useHistory(slug, grid.id, open);
  return (
    <Card withBorder component="section" aria-label={`${t('review.history')}: ${grid.title}`}>
      <Stack gap="xs">
        <Title order={4} size="h6">
          {t('review.history')}
        </Title>
        {!open && (
          <Button size="xs" variant="default" w="fit-content" onClick={() => setOpen(true)}>
            {t('review.showHistory')}
          </Button>
        )}
        {open && history.data?.items.length === 0 && <Text size="sm">{t('review.noHistory')}</Text>}
        {history.data?.items.map((rev) => (
          <Stack key={rev.id} gap={2} component="article">
            <Text size="xs" fw={600}>
              {new Date(rev.at).toLocaleString(i18n.language)} · {rev.actor_name ?? '—'} · {rev.action}
            </Text>
            {(rev.changes as unknown as Change[]).length > 0 && (
              <ScrollTable label={t('review.history')} minWidth={480}>
                <Table fz="xs" withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('review.field')}</Table.Th>
                      <Table.Th>{t('review.before')}</Table.Th>
                      <Table.Th>{t('review.after')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {(rev.changes as unknown as Change[]).map((c, i) => (
                      <Table.Tr key={`${c.field}-${i}`}>
                        <Table.Td>{c.field}</Table.Td>
                        {c.diff ? (
                          <Table.Td colSpan={2}>
                            <Code block>{c.diff}</Code>
                          </Table.Td>
                        ) : (
                          <>
                            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{show(c.before)}</Table.Td>
                            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{show(c.after)}</Table.Td>
                          </>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
