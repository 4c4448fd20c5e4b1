import { Button, Card, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import type { EditorialNetworkSettingsRead, EditorialNetworkSettingsUpdate } from '../../client';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useCalendarActions, useSettings } from './calendarApi';

type Mode = EditorialNetworkSettingsUpdate['approval_mode'];
type SettingsRead = EditorialNetworkSettingsRead & { etag: string | null };
const MODES: Mode[] = ['none', 'optional', 'required', 'multi_step'];

/** The committee's approval mode, the disclosure that is part of every message, and the network's
 * Mastodon instance (whose own limit Mastodon variants count against). */
export function SettingsCard({ slug }: { slug: string }) {
  const settings = useSettings(slug);
  // keyed by version: a newer read (after a save or elsewhere) starts the form from it
  return settings.data ? <SettingsForm key={settings.data.version} slug={slug} settings={settings.data} /> : null;
}

/** The limit in force, and where it comes from (the instance, or 500 when none or unreadable). */
export function MastodonLimit({ settings }: { settings: EditorialNetworkSettingsRead }) {
  const { t } = useTranslation();
  const { mastodon_instance: instance, mastodon_limit: limit, mastodon_limit_source: source } = settings;
  if (!instance) return <Text size="sm" c="dimmed">{t('calendar.mastodonLimit', { limit })}</Text>;
  if (source === 'instance') return <Text size="sm" c="dimmed">{t('calendar.mastodonLimitFromInstance', { limit, instance })}</Text>;
  return (
    <Text size="sm" c="#9a3412" role="status">
      {t('calendar.mastodonLimitUnread', { limit, instance })}
    </Text>
  );
}

function SettingsForm({ slug, settings }: { slug: string; settings: SettingsRead }) {
  const { t } = useTranslation();
  const { setSettings } = useCalendarActions(slug);
  const [mode, setMode] = useState<Mode>(settings.approval_mode as Mode);
  const [disclosure, setDisclosure] = useState(settings.disclosure);
  const [instance, setInstance] = useState(settings.mastodon_instance ?? '');
  const error = isApiError(setSettings.error) ? setSettings.error : null;
  const save = () =>
    setSettings.mutate(
      {
        body: {
          approval_mode: mode,
          approval_steps: mode === 'multi_step' ? settings.approval_steps : [],
          disclosure,
          mastodon_instance: instance.trim() || null,
        },
        etag: settings.etag,
      },
      { onSuccess: () => notifySuccess(t('calendar.settingsSaved')), onError: (e) => (isApiError(e) && e.fieldMessage('mastodon_instance') ? undefined : notifyError(e)) },
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
        <TextInput
          label={t('calendar.mastodonInstance')}
          description={t('calendar.mastodonInstanceHint')}
          placeholder="mastodon.social"
          value={instance}
          onChange={(e) => setInstance(e.currentTarget.value)}
          maxLength={300}
          autoComplete="off"
          spellCheck={false}
          inputMode="url"
          error={error?.fieldMessage('mastodon_instance')}
        />
        <MastodonLimit settings={settings} />
        <Button w="fit-content" onClick={save} loading={setSettings.isPending}>
          {t('calendar.saveSettings')}
        </Button>
      </Stack>
    </Card>
  );
}
