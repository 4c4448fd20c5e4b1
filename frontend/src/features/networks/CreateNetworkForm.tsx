import { Button, Card, MultiSelect, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useThemes } from '../../api/queries/taxonomy';
import { notifyError, notifySuccess } from '../../ui/notify';
import { type Network, useCreateNetwork } from './networksApi';
import { PersonPicker } from './PersonPicker';

/** The core team creates a network around themes, writes its purpose and appoints its chair. */
export function CreateNetworkForm() {
  const { t } = useTranslation();
  const themes = useThemes();
  const create = useCreateNetwork();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [themeIds, setThemeIds] = useState<string[]>([]);
  const [visibility, setVisibility] = useState<Network['visibility']>('request');
  const [chairId, setChairId] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chairId) return;
    create.mutate(
      { name, purpose, theme_ids: themeIds, visibility, chair_id: chairId },
      {
        onSuccess: (network) => {
          notifySuccess(t('networks.create.done'));
          void navigate({ to: '/networks/$slug', params: { slug: network.slug } });
        },
        onError: (error) => notifyError(error),
      },
    );
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="create-network">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="create-network">
            {t('networks.create.title')}
          </Title>
          <TextInput label={t('networks.create.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={120} />
          <Textarea label={t('networks.create.purpose')} value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          <MultiSelect
            label={t('networks.create.themes')}
            data={(themes.data ?? []).map((theme) => ({ value: theme.id, label: theme.name }))}
            value={themeIds}
            onChange={setThemeIds}
            searchable
          />
          <Select
            label={t('networks.create.visibility')}
            data={(['open', 'request', 'invitation'] as const).map((v) => ({ value: v, label: t(`networks.visibility.${v}`) }))}
            value={visibility}
            onChange={(v) => v && setVisibility(v as Network['visibility'])}
            allowDeselect={false}
          />
          <PersonPicker label={t('networks.create.chair')} description={t('networks.create.chairHint')} value={chairId} onChange={setChairId} />
          <Button type="submit" w="fit-content" loading={create.isPending} disabled={!name.trim() || !chairId}>
            {t('networks.create.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
