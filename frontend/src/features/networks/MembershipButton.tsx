import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../ui/notify';
import { type Network, useNetworkActions } from './networksApi';

const fail = (error: unknown) => notifyError(error);

/** Join, ask to join, answer an invitation or leave, as the caller's place in the network allows. */
export function MembershipButton({ network }: { network: Network }) {
  const { t } = useTranslation();
  const actions = useNetworkActions(network.slug);
  const label = { name: network.name };
  if (network.my_status === 'invited')
    return (
      <Group gap="xs">
        <Button size="xs" onClick={() => actions.acceptInvitation.mutate(undefined, { onSuccess: () => notifySuccess(t('networks.joined')), onError: fail })}>
          {t('networks.acceptInvitation')}
        </Button>
        <Button size="xs" variant="default" onClick={() => actions.declineInvitation.mutate(undefined, { onError: fail })}>
          {t('networks.declineInvitation')}
        </Button>
      </Group>
    );
  if (network.my_status === 'requested') return <Button size="xs" variant="light" disabled>{t('networks.status.requested')}</Button>;
  if (network.my_status === 'member')
    return network.my_role === 'chair' ? null : (
      <Button size="xs" variant="subtle" color="gray" aria-label={`${t('networks.leave')} ${label.name}`} onClick={() => actions.leave.mutate(undefined, { onError: fail })}>
        {t('networks.leave')}
      </Button>
    );
  if (network.visibility === 'invitation') return null;
  const open = network.visibility === 'open';
  return (
    <Button
      size="xs"
      loading={actions.join.isPending}
      aria-label={`${open ? t('networks.join') : t('networks.request')} : ${label.name}`}
      onClick={() =>
        actions.join.mutate('', {
          onSuccess: () => notifySuccess(open ? t('networks.joined') : t('networks.requested')),
          onError: fail,
        })
      }
    >
      {open ? t('networks.join') : t('networks.request')}
    </Button>
  );
}
