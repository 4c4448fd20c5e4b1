import { Badge, Button, Card, Group, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmbassadorsExternalCreate } from '../../client';
import { notifyError, notifySuccess } from '../../ui/notify';
import { QueryState } from '../../ui/QueryState';
import { ScrollTable } from '../../ui/ScrollTable';
import { useExternals, useNetworkActions } from './networksApi';
import { PersonPicker } from './PersonPicker';

type Kind = AmbassadorsExternalCreate['kind'];
const KINDS: Kind[] = ['client', 'partner', 'consultant', 'influencer', 'journalist', 'analyst'];

function AddExternal({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const actions = useNetworkActions(slug);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('client');
  const [organisation, setOrganisation] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    actions.addExternal.mutate(
      { name, kind, organisation, owner_id: ownerId, notes },
      {
        onSuccess: () => {
          notifySuccess(t('networks.externals.added'));
          setName('');
          setOrganisation('');
          setNotes('');
          setOwnerId(null);
        },
        onError: (error) => notifyError(error),
      },
    );
  };
  return (
    <Card withBorder component="section" aria-labelledby="add-external">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={3} size="h5" id="add-external">
            {t('networks.externals.add')}
          </Title>
          <Group grow align="flex-start">
            <TextInput label={t('networks.externals.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <Select
              label={t('networks.externals.kind')}
              data={KINDS.map((k) => ({ value: k, label: t(`networks.externals.kinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as Kind)}
              allowDeselect={false}
            />
            <TextInput label={t('networks.externals.organisation')} value={organisation} onChange={(e) => setOrganisation(e.currentTarget.value)} />
          </Group>
          <PersonPicker label={t('networks.externals.owner')} value={ownerId} onChange={setOwnerId} />
          <Textarea label={t('networks.externals.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} />
          <Button type="submit" w="fit-content" disabled={!name.trim()} loading={actions.addExternal.isPending}>
            {t('networks.externals.add')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

export function ExternalsPanel({ slug, committee }: { slug: string; committee: boolean }) {
  const { t } = useTranslation();
  const externals = useExternals(slug, true);
  return (
    <Stack gap="md">
      <Text c="dimmed">{t('networks.externals.intro')}</Text>
      <QueryState isPending={externals.isPending} error={externals.error} />
      {externals.data?.items.length === 0 && <Text>{t('networks.externals.none')}</Text>}
      {!!externals.data?.items.length && (
        <ScrollTable label={t('networks.tabs.externals')} minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('networks.externals.name')}</Table.Th>
                <Table.Th scope="col">{t('networks.externals.kind')}</Table.Th>
                <Table.Th scope="col">{t('networks.externals.organisation')}</Table.Th>
                <Table.Th scope="col">{t('networks.externals.owner')}</Table.Th>
                {committee && <Table.Th scope="col">{t('networks.externals.notes')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {externals.data.items.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Th scope="row" fw={500}>
                    {x.name}{' '}
                    <Badge size="xs" variant="light" color={x.consented ? 'green' : 'gray'}>
                      {x.consented ? t('networks.externals.consented') : t('networks.externals.notConsented')}
                    </Badge>
                  </Table.Th>
                  <Table.Td>{t(`networks.externals.kinds.${x.kind}`)}</Table.Td>
                  <Table.Td>{x.organisation || t('app.none')}</Table.Td>
                  <Table.Td>{x.owner?.display_name ?? t('app.none')}</Table.Td>
                  {committee && <Table.Td>{x.notes ?? ''}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {committee && <AddExternal slug={slug} />}
    </Stack>
  );
}
