import { Alert, Button, Card, Group, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useCharterHistory, useCurrentCharter, usePreviewCharter, usePublishCharter } from '../../api/queries/charters';
import type { Charter } from '../../api/model';
import { formatDate } from '../../i18n';
import { notifyError, notifySuccess } from '../../ui/notify';
import { QueryState } from '../../ui/QueryState';

function PublishForm({ current }: { current: Charter | null | undefined }) {
  const { t } = useTranslation();
  const publish = usePublishCharter();
  const preview = usePreviewCharter();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [tab, setTab] = useState<string | null>('write');
  const showTab = (value: string | null) => {
    setTab(value);
    if (value === 'preview') preview.mutate(body, { onError: (err) => notifyError(err) });
  };
  const error = publish.error && isApiError(publish.error) ? publish.error : null;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    publish.mutate(
      { title: title.trim(), body_markdown: body },
      {
        onSuccess: () => {
          notifySuccess(t('admin.published'));
          setTitle('');
          setBody('');
        },
        onError: (err) => notifyError(err),
      },
    );
  };
  return (
    <Card component="form" onSubmit={submit} noValidate>
      <Title order={2} size="h3" mb="md">
        {t('admin.publishTitle')}
      </Title>
      <Stack>
        <Alert color="ember" icon={<IconAlertTriangle aria-hidden />} id="publish-warning">
          {t('admin.publishWarning')}
        </Alert>
        {current && (
          <Group justify="flex-end">
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => {
                setTitle(current.title);
                setBody(current.body_markdown);
                setTab('write');
              }}
            >
              {t('admin.startFromCurrent')}
            </Button>
          </Group>
        )}
        <TextInput label={t('admin.charterTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required error={error?.fieldMessage('title')} />
        <Tabs value={tab} onChange={showTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="write">{t('admin.charterWrite')}</Tabs.Tab>
            <Tabs.Tab value="preview">{t('admin.charterPreview')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="write" pt="sm">
            <Textarea
              label={t('admin.charterBody')}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              autosize
              minRows={10}
              required
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              error={error?.fieldMessage('body_markdown')}
            />
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="sm">
            <QueryState isPending={preview.isPending} error={null} />
            {preview.data &&
              (preview.data.body_html ? (
                <div
                  className="charter-body"
                  role="region"
                  aria-label={t('admin.charterPreviewLabel')}
                  tabIndex={0}
                  dangerouslySetInnerHTML={{ __html: preview.data.body_html }}
                />
              ) : (
                <Text c="dimmed">{t('admin.charterPreviewEmpty')}</Text>
              ))}
          </Tabs.Panel>
        </Tabs>
        <Button type="submit" color="ember" disabled={!title.trim() || !body.trim()} loading={publish.isPending} aria-describedby="publish-warning">
          {t('admin.publish')}
        </Button>
      </Stack>
    </Card>
  );
}

export function CharterAdminPage() {
  const { t } = useTranslation();
  const current = useCurrentCharter();
  const history = useCharterHistory();
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card>
          <Title order={2} size="h3" mb="md">
            {t('admin.currentCharter')}
          </Title>
          <QueryState isPending={current.isPending} error={current.error} />
          {current.data === null && <Text c="dimmed">{t('admin.noCharter')}</Text>}
          {current.data && (
            <>
              <Text fw={700}>{current.data.title}</Text>
              <Text size="sm" c="dimmed" mb="sm">
                {t('onboarding.charterVersion', { version: current.data.version, date: formatDate(current.data.published_at) })}
              </Text>
              <div
                className="charter-body"
                role="region"
                aria-label={current.data.title}
                tabIndex={0}
                dangerouslySetInnerHTML={{ __html: current.data.body_html }}
              />
            </>
          )}
        </Card>
        <PublishForm current={current.data} />
      </SimpleGrid>
      <Card>
        <Title order={2} size="h3" mb="md">
          {t('admin.history')}
        </Title>
        <QueryState isPending={history.isPending} error={history.error} />
        {history.data && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.version')}</Table.Th>
                <Table.Th>{t('admin.charterTitle')}</Table.Th>
                <Table.Th>{t('admin.publishedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.map((charter) => (
                <Table.Tr key={charter.version}>
                  <Table.Td>{charter.version}</Table.Td>
                  <Table.Td>{charter.title}</Table.Td>
                  <Table.Td>{formatDate(charter.published_at, true)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
