import { Alert, Button, Card, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportInvitations } from '../../api/queries/invitations';
import { notifyError } from '../../ui/notify';

export function ImportCard() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const importer = useImportInvitations();
  const report = importer.data;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (file) importer.mutate(file, { onError: (error) => notifyError(error) });
  };
  return (
    <Card component="form" onSubmit={submit} noValidate>
      <Title order={2} size="h3" mb="xs">
        {t('admin.importTitle')}
      </Title>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('admin.importHint')}
        </Text>
        <Group align="flex-end">
          <FileInput
            label={t('admin.importFile')}
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': t('admin.importFileClear') }}
            leftSection={<IconFileTypeCsv size={16} aria-hidden />}
            style={{ flex: 1 }}
          />
          <Button type="submit" disabled={!file} loading={importer.isPending}>
            {t('admin.import')}
          </Button>
        </Group>
        {report && (
          <Stack gap="xs" aria-live="polite">
            <Alert color="relay">{t('admin.importReport', { count: report.created })}</Alert>
            {report.skipped.length > 0 && (
              <Alert color="ember" title={t('admin.skipped')}>
                <List size="sm">
                  {report.skipped.map((s) => (
                    <List.Item key={`s${s.line}`}>
                      {t('admin.line')} {s.line} — {s.email}: {s.reason}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {report.errors.length > 0 && (
              <Alert color="red" title={t('app.errorTitle')}>
                <List size="sm">
                  {report.errors.map((e) => (
                    <List.Item key={`e${e.line}`}>
                      {t('admin.line')} {e.line}: {e.message}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
