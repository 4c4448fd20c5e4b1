import { Button, Card, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorialNetworkSettingsRead, EditorialNetworkSettingsUpdate } from '../../client';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useCalendarActions, useSettings } from './calendarApi';

type Mode = EditorialNetworkSettingsUpdate['approval_mode'];
type SettingsRead = EditorialNetworkSettingsRead & { etag: string | null };
const MODES: Mode[] = ['none', 'optional', 'required', 'multi_step'];

/** The committee's approval mode and the disclosure that is part of every message. */
export function SettingsCard({ slug }: { slug: string }) {
  const settings = useSettings(slug);
  // keyed by version: a newer read (after a save or elsewhere) starts the form from it
  return settings.data ? <SettingsForm key={settings.data.version} slug={slug} settings={settings.data} /> : null;
}

function SettingsForm({ slug, settings }: { slug: string; settings: SettingsRead }) {
  const { t } = useTranslation();
  const { setSettings } = useCalendarActions(slug);
  const [mode, setMode] = useState<Mode>(settings.approval_mode as Mode);
  const [disclosure, setDisclosure] = useState(settings.disclosure);
  const save = () =>
    setSettings.mutate(
      {
        body: { approval_mode: mode, approval_steps: mode === 'multi_step' ? settings.approval_steps : [], disclosure },
        etag: settings.etag,
      },
      { onSuccess: () => notifySuccess(t('calendar.settingsSaved')), onError: (error) => notifyError(error) },
    );
  return (
    <Card withBorder component="section" aria-labelledby="approval-settings">
      <Stack gap="sm">
        <Title order={3} size="h5" id="approval-settings">
          {t('calendar.settings')}
        </Title>
        <Select
          label={t('calendar.approvalMode')}
          data={MODES.map((m) => ({ value: m, label: t(`calendar.modes.${m}`) }))}
          value={mode}
          onChange={(v) => v && setMode(v as Mode)}
          allowDeselect={false}
        />
        <TextInput label={t('calendar.disclosure')} value={disclosure} onChange={(e) => setDisclosure(e.currentTarget.value)} maxLength={200} />
        <Button w="fit-content" onClick={save} loading={setSettings.isPending}>
          {t('calendar.saveSettings')}
        </Button>
      </Stack>
    </Card>
  );
}
