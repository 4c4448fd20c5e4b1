import { Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../ui/notify';
import { QueryState } from '../../ui/QueryState';
import { ScrollTable } from '../../ui/ScrollTable';
import { type Member, type Network, type NetworkRole, useInvitations, useMembers, useNetworkActions, useRequests } from './networksApi';
import { PersonPicker } from './PersonPicker';

const ROLES: NetworkRole[] = ['chair', 'committee', 'member'];
const fail = (error: unknown) => notifyError(error);

function Waiting({ title, people, onAccept, onDecline }: { title: string; people: Member[]; onAccept?: (id: string) => void; onDecline?: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title}
      </Title>
      {people.length === 0 && <Text size="sm" c="dimmed">{t('networks.members.none')}</Text>}
      {people.map((person) => (
        <Group key={person.ambassador_id} justify="space-between">
          <Text size="sm">
            {person.display_name}
            {person.note && <Text span c="dimmed"> — {person.note}</Text>}
          </Text>
          {onAccept && onDecline && (
            <Group gap="xs">
              <Button size="xs" aria-label={`${t('networks.members.accept')} ${person.display_name}`} onClick={() => onAccept(person.ambassador_id)}>
                {t('networks.members.accept')}
              </Button>
              <Button size="xs" variant="default" aria-label={`${t('networks.members.decline')} ${person.display_name}`} onClick={() => onDecline(person.ambassador_id)}>
                {t('networks.members.decline')}
              </Button>
            </Group>
          )}
        </Group>
      ))}
    </Stack>
  );
}

export function MembersPanel({ network, committee, isAdmin }: { network: Network; committee: boolean; isAdmin: boolean }) {
  const { t } = useTranslation();
  const members = useMembers(network.slug);
  const requests = useRequests(network.slug, committee);
  const invitations = useInvitations(network.slug, committee);
  const actions = useNetworkActions(network.slug);
  const [invitee, setInvitee] = useState<string | null>(null);
  const canSetRoles = isAdmin || network.my_role === 'chair';
  const present = new Set((members.data?.items ?? []).map((m) => m.ambassador_id));
  return (
    <Stack gap="lg">
      <QueryState isPending={members.isPending} error={members.error} />
      {members.data && (
        <ScrollTable label={t('networks.members.caption')} minWidth={560}>
          <Table striped>
            <Table.Caption>{t('networks.members.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('networks.members.name')}</Table.Th>
                <Table.Th scope="col">{t('networks.members.department')}</Table.Th>
                <Table.Th scope="col">{t('networks.members.role')}</Table.Th>
                {canSetRoles && <Table.Th scope="col">{t('networks.members.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.items.map((m) => (
                <Table.Tr key={m.ambassador_id}>
                  <Table.Th scope="row" fw={500}>
                    {m.display_name}
                    {m.job_title && <Text span size="xs" c="dimmed" display="block">{m.job_title}</Text>}
                  </Table.Th>
                  <Table.Td>{m.department?.name ?? t('app.none')}</Table.Td>
                  <Table.Td>
                    {canSetRoles ? (
                      <NativeSelect
                        aria-label={t('networks.members.roleFor', { name: m.display_name })}
                        value={m.role ?? 'member'}
                        data={ROLES.map((role) => ({ value: role, label: t(`networks.role.${role}`) }))}
                        onChange={(e) =>
                          actions.setRole.mutate(
                            { id: m.ambassador_id, role: e.currentTarget.value as NetworkRole },
                            { onSuccess: () => notifySuccess(t('networks.members.saved')), onError: fail },
                          )
                        }
                      />
                    ) : (
                      t(`networks.role.${m.role ?? 'member'}`)
                    )}
                  </Table.Td>
                  {canSetRoles && (
                    <Table.Td>
                      {m.role !== 'chair' && (
                        <Button size="xs" variant="subtle" color="red" aria-label={`${t('networks.members.remove')} ${m.display_name}`} onClick={() => actions.remove.mutate(m.ambassador_id, { onError: fail })}>
                          {t('networks.members.remove')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {committee && (
        <Card withBorder>
          <Stack gap="md">
            <Waiting
              title={t('networks.members.requests')}
              people={requests.data?.items ?? []}
              onAccept={(id) => actions.acceptRequest.mutate(id, { onError: fail })}
              onDecline={(id) => actions.declineRequest.mutate(id, { onError: fail })}
            />
            <Waiting title={t('networks.members.invitations')} people={invitations.data?.items ?? []} />
            <Group align="flex-end">
              <PersonPicker label={t('networks.members.invitePerson')} value={invitee} onChange={setInvitee} exclude={present} />
              <Button
                disabled={!invitee}
                loading={actions.invite.isPending}
                onClick={() =>
                  invitee &&
                  actions.invite.mutate(invitee, {
                    onSuccess: () => {
                      notifySuccess(t('networks.members.invited'));
                      setInvitee(null);
                    },
                    onError: fail,
                  })
                }
              >
                {t('networks.members.inviteSubmit')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
