import { ActionIcon, Badge, Button, Card, Center, Group, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconBan, IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useInvitationAction, useInvitations } from '../../api/queries/invitations';
import type { Invitation } from '../../api/model';
import { notifyError, notifySuccess } from '../../ui/notify';
import { formatDate } from '../../i18n';
import { QueryState } from '../../ui/QueryState';
import { ImportCard } from './ImportCard';
import { InviteForm } from './InviteForm';
import { ScrollTable } from '../../ui/ScrollTable';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const STATUS_COLOR: Record<string, string> = { pending: 'ember', accepted: 'relay', expired: 'gray', revoked: 'red' };

export function InvitationsPage() {
  const { t } = useTranslation();
  const list = useInvitations();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? []; // newest first, from the API
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <InviteForm />
        <ImportCard />
      </SimpleGrid>
      <Card>
        <Title order={2} size="h3" mb="md">
          {t('admin.invitationsList')}
        </Title>
        <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} />
        {list.isSuccess && rows.length === 0 && <Text c="dimmed">{t('admin.empty')}</Text>}
        {rows.length > 0 && (
          <ScrollTable label={t('admin.invitationsList')} minWidth={760}>
            <Table striped aria-label={t('admin.invitationsList')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.email')}</Table.Th>
                  <Table.Th>{t('admin.name')}</Table.Th>
                  <Table.Th>{t('profile.department')}</Table.Th>
                  <Table.Th>{t('admin.status')}</Table.Th>
                  <Table.Th>{t('admin.sentAt')}</Table.Th>
                  <Table.Th>{t('admin.expiresAt')}</Table.Th>
                  <Table.Th>{t('admin.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((inv) => (
                  <Table.Tr key={inv.id}>
                    <Table.Td>{inv.email}</Table.Td>
                    <Table.Td>{inv.display_name || '—'}</Table.Td>
                    <Table.Td>{inv.department?.name ?? '—'}</Table.Td>
                    <Table.Td style={NOWRAP}>
                      <Badge variant="light" color={STATUS_COLOR[inv.status] ?? 'gray'} miw="max-content">
                        {t(`admin.invitationStatus.${inv.status}`, { defaultValue: inv.status })}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={NOWRAP}>{formatDate(inv.created_at)}</Table.Td>
                    <Table.Td style={NOWRAP}>{formatDate(inv.expires_at)}</Table.Td>
                    <Table.Td>
                      <InvitationActions invitation={inv} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        {list.hasNextPage && (
          <Center mt="md">
            <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('app.loadMore')}
            </Button>
          </Center>
        )}
      </Card>
    </Stack>
  );
}

/** The two row actions: their label, confirmation, icon and look (red text stays ≥ 4.5:1 on white). */
const ACTIONS = {
  resend: { label: 'admin.resendInvitationTo', done: 'admin.invitationResent', Icon: IconMailForward, look: { variant: 'light' } },
  revoke: { label: 'admin.revokeInvitationOf', done: 'admin.invitationRevoked', Icon: IconBan, look: { variant: 'subtle', color: 'red.9' } },
} as const;

function InvitationAction({ action, invitation }: { action: keyof typeof ACTIONS; invitation: Invitation }) {
  const { t } = useTranslation();
  const mutation = useInvitationAction(action);
  const { label, done, Icon, look } = ACTIONS[action];
  const email = invitation.email;
  const name = t(label, { email });
  return (
    <Tooltip label={name}>
      <ActionIcon
        {...look}
        size="lg"
        aria-label={name}
        loading={mutation.isPending}
        onClick={() =>
          mutation.mutate(invitation.id, {
            onSuccess: () => notifySuccess(t(done, { email })),
            onError: (e) => notifyError(e),
          })
        }
      >
        <Icon size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}

/** Pending or expired: send a new link; pending: withdraw it. Accepted ones have nothing to do. */
function InvitationActions({ invitation }: { invitation: Invitation }) {
  if (invitation.status === 'accepted') return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <InvitationAction action="resend" invitation={invitation} />
      {invitation.status === 'pending' && <InvitationAction action="revoke" invitation={invitation} />}
    </Group>
  );
}
