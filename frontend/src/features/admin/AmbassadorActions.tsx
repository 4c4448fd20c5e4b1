import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useAmbassadorActions, type AdminAmbassador } from './adminApi';

/** Suspend (with a reason) or reinstate, grant or revoke the admin role, for one row. */
export function AmbassadorActions({ person, selfId }: { person: AdminAmbassador; selfId?: string }) {
  const { t } = useTranslation();
  const { suspend, reinstate, setAdmin } = useAmbassadorActions();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const name = person.display_name;
  const isAdmin = person.roles.includes('admin');
  const done = (key: string) => ({ onSuccess: () => notifySuccess(t(key, { name })), onError: (error: unknown) => notifyError(error) });

  const confirmSuspend = (event: React.FormEvent) => {
    event.preventDefault();
    suspend.mutate(
      { id: person.id, reason: reason.trim() },
      {
        ...done('admin.suspendedDone'),
        onSuccess: () => {
          notifySuccess(t('admin.suspendedDone', { name }));
          setAsking(false);
          setReason('');
        },
      },
    );
  };

  return (
    <Stack gap={6} align="stretch">
      {person.status === 'suspended' ? (
        <Button size="xs" variant="light" loading={reinstate.isPending} onClick={() => reinstate.mutate(person.id, done('admin.reinstatedDone'))} aria-label={t('admin.reinstateFor', { name })}>
          {t('admin.reinstate')}
        </Button>
      ) : (
        <Button size="xs" variant="outline" color="red.8" disabled={person.id === selfId} onClick={() => setAsking(true)} aria-label={t('admin.suspendFor', { name })}>
          {t('admin.suspend')}
        </Button>
      )}
      <Button
        size="xs"
        variant="default"
        loading={setAdmin.isPending}
        onClick={() => setAdmin.mutate({ id: person.id, admin: !isAdmin }, done(isAdmin ? 'admin.adminRevoked' : 'admin.adminGranted'))}
        aria-label={t(isAdmin ? 'admin.revokeAdminFor' : 'admin.grantAdminFor', { name })}
      >
        {t(isAdmin ? 'admin.revokeAdmin' : 'admin.grantAdmin')}
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('admin.suspendTitle', { name })} closeButtonProps={{ 'aria-label': t('app.close') }}>
        <form onSubmit={confirmSuspend} noValidate>
          <Stack>
            <Textarea label={t('admin.suspendReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={2} maxLength={600} data-autofocus />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(false)}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" color="red.8" disabled={!reason.trim()} loading={suspend.isPending}>
                {t('admin.suspend')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
