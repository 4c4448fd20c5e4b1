import { Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { rememberCsrfToken } from '../../api/http';
import { downloadExport, useDeleteMe } from '../../api/queries/me';
import { keys } from '../../api/queries/keys';
import { notifyError } from '../../ui/notify';
import { PasswordField } from '../../ui/PasswordField';

export function DataCard() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadExport();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card>
      <Title order={2} size="h3" mb="xs">
        {t('profile.dataTitle')}
      </Title>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('profile.downloadHint')}
        </Text>
        <Button variant="light" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void download()} loading={busy}>
          {t('profile.download')}
        </Button>
      </Group>
    </Card>
  );
}

export function DangerZone() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const remove = useDeleteMe();
  const client = useQueryClient();
  const navigate = useNavigate();

  const confirm = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await remove.mutateAsync(password);
      rememberCsrfToken(null);
      client.setQueryData(keys.session, null);
      close();
      await navigate({ to: '/sign-in', search: { deleted: true } });
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
    } catch (err) {
      if (isApiError(err) && err.status === 403) setError(t('profile.wrongPassword'));
      else notifyError(err);
    }
  };

  return (
    <Card style={{ borderColor: 'var(--mantine-color-red-6)' }}>
      <Title order={2} size="h3" mb="xs" c="red.8">
        {t('profile.dangerTitle')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('profile.deleteIntro')}</Text>
        <Group justify="flex-end">
          <Button color="red.8" variant="outline" leftSection={<IconTrash size={16} aria-hidden />} onClick={open}>
            {t('profile.delete')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={opened} onClose={close} title={t('profile.deleteConfirmTitle')} closeButtonProps={{ 'aria-label': t('app.close') }}>
        <form onSubmit={(e) => void confirm(e)} noValidate>
          <Stack>
            <Text size="sm">{t('profile.deleteConfirmText')}</Text>
            <PasswordField
              label={t('auth.password')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={error}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" color="red.8" disabled={!password} loading={remove.isPending}>
                {t('profile.deleteConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
