import { Alert, Button, Card, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useCharterHistory, useCurrentCharter, usePublishCharter } from '../../api/queries/charters';
import { formatDate } from '../../i18n';
import { notifyError, notifySuccess } from '../../ui/notify';
import { QueryState } from '../../ui/QueryState';

function PublishForm() {
  const { t } = useTranslation();
  const publish = usePublishCharter();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
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
        <TextInput label={t('admin.charterTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required error={error?.fieldMessage('title')} />
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
              <div className="charter-body" tabIndex={0} dangerouslySetInnerHTML={{ __html: current.data.body_html }} />
            </>
          )}
        </Card>
        <PublishForm />
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
